package dk.tvaers.platform.operations;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something Tværs keeps outside PostgreSQL that a backup must hold (the analytic store of the monitoring module).
 * It copies itself, consistently, into a directory of the backup named {@link #name()}; a restore copies that
 * directory back to {@code <data-dir>/<name>}.
 */
public interface BackupParticipant {

    /** The directory under the data directory that this part lives in, and its name in the backup. */
    String name();

    /** Copies this part into {@code target} (a new, empty directory) while the application keeps running. */
    String backup(Path target) throws IOException;
}
