package dk.tvaers.monitoring;

import dk.tvaers.platform.operations.BackupParticipant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The analytic store in a backup (ADR 0022): DuckDB copies its own database into a new file ({@code ATTACH} +
 * {@code COPY FROM DATABASE}, one consistent snapshot) on the job thread, between two imports or runs, and the
 * files of imports not yet loaded are copied beside it. Copying the open database file itself could catch a
 * half-written checkpoint.
 */
@Component
class AnalyticStoreBackup implements BackupParticipant {

    private final AnalyticStore store;
    private final JobRunner runner;

    AnalyticStoreBackup(AnalyticStore store, JobRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public String backup(Path target) throws IOException {
        if (!runner.owner()) {
            return "not on this node: the node that owns the analytic store backs it up";
        }
        Files.createDirectories(target);
        Path file = target.resolve("tvaers.duckdb");
        try {
            long tables = runner.betweenJobs(() -> {
                try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
                    String source;
                    try (ResultSet rs = statement.executeQuery("SELECT current_database()")) {
                        rs.next();
                        source = rs.getString(1);
                    }
                    statement.execute("ATTACH '" + file.toAbsolutePath().toString().replace("'", "''")
                            + "' AS tvaers_backup");
                    try {
                        statement.execute("COPY FROM DATABASE \"" + source + "\" TO tvaers_backup");
                        try (ResultSet rs = statement.executeQuery(
                                "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'tvaers_backup'")) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    } finally {
                        statement.execute("DETACH tvaers_backup");
                    }
                }
            });
            long uploads = copyUploads(store.directory().resolve("uploads"), target.resolve("uploads"));
            return "DuckDB copy with " + tables + " tables, " + uploads + " uploaded files";
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not copy the analytic store", e);
        }
    }

    private static long copyUploads(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        long count = 0;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (Files.exists(file)) {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    count++;
                }
            }
        }
        return count;
    }
}
