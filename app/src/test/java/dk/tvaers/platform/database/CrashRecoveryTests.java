package dk.tvaers.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.CrashCycles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One cycle of the crash test in the normal suite (five and more: {@code bench/run CrashBenchmark}): anonymous idea
 * submissions over HTTP to Tværs in a child JVM, kill -9 of the JVM with its PostgreSQL at a random moment, restart,
 * and every submission answered with success is in the database. With the library's test settings
 * (synchronous_commit off) the last commits before the kill are lost.
 */
class CrashRecoveryTests {

    @Test
    void everyAcknowledgedSubmissionSurvivesAKillOfTheWholeProcessTree() throws Exception {
        Path run = Path.of("target", "test-data", "crash-" + UUID.randomUUID()).toAbsolutePath();

        var cycles = CrashCycles.run(run.resolve("data"), run.resolve("logs"), 1, 6, Duration.ofSeconds(4),
                Duration.ofSeconds(7), false, System.nanoTime());

        var cycle = cycles.getFirst();
        System.out.println("crash cycle: " + cycle.acknowledgedInCycle() + " acknowledged, "
                + cycle.presentOfThose() + " present after the restart");
        assertThat(cycle.acknowledgedInCycle()).isPositive();
        assertThat(cycle.lost()).as("acknowledged submissions missing after the kill").isEmpty();
    }
}
