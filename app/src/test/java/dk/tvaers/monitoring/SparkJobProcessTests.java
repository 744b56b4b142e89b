package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submitted job as a process (SparkRuns.submit), with real child processes of the shell standing in for what a
 * job prints and how it ends: its PROGRESS lines become the run's steps (only known step keys), its output goes to
 * the run's log, a failing exit fails the run with the output's tail, and a job running past its bound or whose run
 * is interrupted is killed with its children.
 */
class SparkJobProcessTests {

    @TempDir
    Path dir;

    @Test
    void progressLinesBecomeTheRunsStepsAndTheOutputItsLog() throws Exception {
        var steps = new ArrayList<String>();
        SparkRuns.submit(List.of("sh", "-c", "echo 'INFO starting'; echo 'PROGRESS 40 monitoring.run.step.stays'; "
                + "echo 'PROGRESS 50 monitoring.run.step.unknown'; echo 'PROGRESS 50 monitoring.job.failed'; "
                + "echo 'warning on stderr' >&2; echo 'PROGRESS 100 done'"), dir.resolve("job.log"),
                Duration.ofMinutes(1), (percent, key) -> steps.add(percent + " " + key));
        assertThat(steps).containsExactly("41 monitoring.run.step.stays");
        assertThat(Files.readString(dir.resolve("job.log"))).contains("INFO starting", "warning on stderr");
    }

    @Test
    void aFailingJobFailsTheRunWithTheTailOfItsOutput() {
        assertThatThrownBy(() -> SparkRuns.submit(List.of("sh", "-c", "echo 'Exception: no such file'; exit 3"),
                dir.resolve("job.log"), Duration.ofMinutes(1), (p, k) -> {}))
                .isInstanceOfSatisfying(SparkRuns.SparkJobFailed.class, e -> {
                    assertThat(e.stepKey()).isEqualTo("monitoring.run.error.sparkFailed");
                    assertThat(e.getMessage()).contains("ended with 3", "Exception: no such file");
                });
    }

    @Test
    void aJobPastItsBoundIsKilledWithItsChildren() throws Exception {
        Path pid = dir.resolve("child.pid");
        assertThatThrownBy(() -> SparkRuns.submit(List.of("sh", "-c", "sleep 300 & echo $! > " + pid + "; wait"),
                dir.resolve("job.log"), Duration.ofSeconds(2), (p, k) -> {}))
                .isInstanceOfSatisfying(SparkRuns.SparkJobFailed.class,
                        e -> assertThat(e.stepKey()).isEqualTo("monitoring.run.error.sparkTimeout"));
        long child = Long.parseLong(Files.readString(pid).strip());
        assertThat(ended(child)).as("the job's child").isTrue();
    }

    @Test
    void anInterruptedRunKillsItsJob() throws Exception {
        Path pid = dir.resolve("child.pid");
        var thrown = new AtomicReference<Throwable>();
        Thread run = new Thread(() -> {
            try {
                SparkRuns.submit(List.of("sh", "-c", "sleep 300 & echo $! > " + pid + "; wait"),
                        dir.resolve("job.log"), Duration.ofMinutes(10), (p, k) -> {});
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        run.start();
        while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
            Thread.sleep(20);
        }
        run.interrupt();
        run.join();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        long child = Long.parseLong(Files.readString(pid).strip());
        assertThat(ended(child)).as("the job's child").isTrue();
    }

    /**
     * Whether the process has ended: gone, or a zombie (killed; its parent, the killed shell, can no longer reap it,
     * and the container's first process may take its time). Waits up to 10 s for the signal to take effect.
     */
    private static boolean ended(long pid) throws Exception {
        for (int i = 0; i < 200; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) {
                return true;
            }
            try {
                String text = Files.readString(stat);
                if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (java.io.IOException gone) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
