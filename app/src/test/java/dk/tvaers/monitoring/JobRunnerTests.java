package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The job runner is a lifecycle bean: Spring may stop and start it more than once in a context's life (the test
 * framework pauses a cached context while another one runs). Stopped, it refuses jobs; started again, it runs them.
 */
class JobRunnerTests {

    @Test
    void refusesJobsWhileStoppedAndRunsThemAgainAfterARestart() throws Exception {
        var runner = new JobRunner(new SimpleMeterRegistry(), true, Duration.ofSeconds(1));
        runner.start();
        runner.stop();
        assertThat(runner.stopping()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> runner.submit(() -> {})).withMessage("shutting down");

        runner.start();
        var ran = new CountDownLatch(1);
        runner.submit(ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.stopping()).isFalse();
        assertThat(runner.isRunning()).isTrue();
        runner.stop();
    }
}
