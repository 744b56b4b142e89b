package dk.tvaers.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.platform.TvaersProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL as production starts it ({@link EmbeddedPostgresConfiguration}, no test settings): durable,
 * and able to start again on a cluster whose postmaster outlived a killed JVM.
 */
class EmbeddedPostgresDurabilityTests {

    @Test
    void runsWithDurableSettings() throws Exception {
        try (EmbeddedPostgres postgres = start(newDataDir())) {
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(jdbc.sql("SHOW " + setting).query(String.class).single()).as(setting).isEqualTo("on");
            }
        }
    }

    @Test
    void startsAgainAfterTheJvmAloneWasKilled() throws Exception {
        Path dataDir = newDataDir();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClusterInChildProcess.class.getName(),
                dataDir.toString(), "skrevet før kill -9")
                .redirectErrorStream(true).start();
        try (var output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("ready")) {
                // the child's log, until it has started its cluster and written its row
            }
            assertThat(line).as("the child started its cluster").isEqualTo("ready");
            child.destroyForcibly(); // SIGKILL to the JVM alone: its postmaster lives on, re-parented to init
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Path cluster = dataDir.resolve("postgres");
        ProcessHandle orphan = OrphanPostmaster.find(cluster).orElseThrow(
                () -> new AssertionError("the postmaster should outlive the killed JVM"));

        try (EmbeddedPostgres postgres = start(dataDir)) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(JdbcClient.create(postgres.getPostgresDatabase())
                    .sql("SELECT note FROM written_before_kill").query(String.class).list())
                    .containsExactly("skrevet før kill -9");
        } finally {
            orphan.destroyForcibly();
        }
    }

    private static EmbeddedPostgres start(Path dataDir) throws Exception {
        return new EmbeddedPostgresConfiguration().embeddedPostgres(new TvaersProperties(dataDir, null, false));
    }

    private static Path newDataDir() {
        return Path.of("target", "test-data", "durability-" + UUID.randomUUID()).toAbsolutePath();
    }
}
