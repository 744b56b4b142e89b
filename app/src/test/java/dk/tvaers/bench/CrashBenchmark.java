package dk.tvaers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.CrashCycles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The crash test at its full size (issue 10): {@code -Dbench.cycles=} (default 6) kill cycles, the JVM with its
 * PostgreSQL killed in odd cycles and the JVM alone in even ones (the orphaned postmaster), {@code -Dbench.writers=}
 * (default 12) concurrent anonymous submitters, a random moment between 3 and 12 s. Prints acknowledged vs present.
 * Target: 0 lost.
 */
@Tag("bench")
class CrashBenchmark {

    @Test
    void noAcknowledgedWriteIsLostOverTheKillCycles() throws Exception {
        int cycles = Integer.getInteger("bench.cycles", 6);
        int writers = Integer.getInteger("bench.writers", 12);
        long seed = Long.getLong("bench.seed", 10L);
        Path run = Path.of("target", "bench-data", "crash-" + UUID.randomUUID()).toAbsolutePath();

        var results = CrashCycles.run(run.resolve("data"), run.resolve("logs"), cycles, writers, Duration.ofSeconds(3),
                Duration.ofSeconds(12), true, seed);

        System.out.println("CrashBenchmark: " + cycles + " cycles, " + writers + " writers, seed " + seed);
        System.out.println("| cycle | killed | writing | acknowledged in cycle | acknowledged so far | present of those | lost | restart |");
        for (var cycle : results) {
            System.out.printf("| %d | %s | %.1f s | %d | %d | %d | %d | %.1f s |%n", cycle.number(),
                    cycle.wholeTree() ? "JVM + PostgreSQL" : "JVM alone", cycle.writing().toMillis() / 1000.0,
                    cycle.acknowledgedInCycle(), cycle.acknowledgedSoFar(), cycle.presentOfThose(),
                    cycle.lost().size(), cycle.restart().toMillis() / 1000.0);
        }
        var last = results.getLast();
        System.out.println("total: " + last.acknowledgedSoFar() + " acknowledged, " + last.presentOfThose()
                + " present, " + last.lost().size() + " lost (target 0)");
        assertThat(results).allSatisfy(cycle -> assertThat(cycle.lost()).isEmpty());
    }
}
