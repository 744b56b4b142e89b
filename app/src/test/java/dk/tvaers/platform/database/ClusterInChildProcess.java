package dk.tvaers.platform.database;

import dk.tvaers.platform.TvaersProperties;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedPostgresDurabilityTests}: starts the embedded cluster of the data directory
 * given as argument exactly as Tværs does, writes one row, says "ready" and waits to be killed.
 */
public final class ClusterInChildProcess {

    public static void main(String[] args) throws Exception {
        var postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(
                new TvaersProperties(Path.of(args[0]), null, false));
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS written_before_kill (note text)");
            statement.execute("INSERT INTO written_before_kill VALUES ('" + args[1] + "')");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
