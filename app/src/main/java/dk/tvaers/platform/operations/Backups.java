package dk.tvaers.platform.operations;

import com.zaxxer.hikari.HikariDataSource;
import dk.tvaers.platform.TvaersProperties;
import dk.tvaers.platform.database.PostgresBaseBackup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A backup of everything Tværs keeps, taken while it runs (ADR 0022): the embedded PostgreSQL cluster as an online
 * base backup ({@link PostgresBaseBackup}), then each {@link BackupParticipant} (the analytic store), and a manifest.
 * Uploaded files (idea attachments, initiative documents) live in PostgreSQL; the files of imports not yet loaded
 * live with the analytic store. With an external PostgreSQL the database is not copied (its server's own backup
 * covers it) and the manifest says so. Restore: {@link Restore}.
 */
@Service
public class Backups {

    public static final String MANIFEST = "tvaers-backup.properties";
    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TvaersProperties properties;
    private final List<BackupParticipant> participants;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    Backups(DataSource dataSource, JdbcClient jdbc, TvaersProperties properties, List<BackupParticipant> participants,
            Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
        this.participants = participants;
        this.clock = clock;
    }

    /** Writes a backup into {@code directory}, which must not exist or be empty; returns what the manifest says. */
    public Map<String, String> backup(Path directory) throws IOException, SQLException {
        Path target = directory.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the backup directory is not empty: " + target);
                }
            }
            Files.delete(target);
        }
        if (!oneAtATime.tryLock()) {
            throw new IllegalStateException("a backup is already being taken");
        }
        try {
            var manifest = new LinkedHashMap<String, String>();
            manifest.put("started", clock.instant().toString());
            Files.createDirectories(target);
            Path cluster = Path.of(jdbc.sql("SELECT current_setting('data_directory')").query(String.class).single());
            Path embedded = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
            if (cluster.toAbsolutePath().normalize().equals(embedded)) {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                var result = PostgresBaseBackup.run(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(),
                        embedded, target.resolve("postgres"));
                manifest.put("postgres", "base backup of the embedded cluster, WAL " + result.startLsn() + " to "
                        + result.stopLsn() + ", " + result.bytes() + " bytes");
            } else {
                manifest.put("postgres", "external server: not in this backup, back it up with the server's tools");
            }
            for (BackupParticipant participant : participants) {
                manifest.put(participant.name(), participant.backup(target.resolve(participant.name())));
            }
            manifest.put("finished", clock.instant().toString());
            var text = new StringBuilder("# a backup of Tvaers; restore: java -jar tvaers.jar restore THIS_DIR NEW_DATA_DIR\n");
            manifest.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            Files.writeString(target.resolve(MANIFEST), text);
            log.info("Sikkerhedskopi skrevet i {}: {}", target, manifest);
            return manifest;
        } finally {
            oneAtATime.unlock();
        }
    }
}
