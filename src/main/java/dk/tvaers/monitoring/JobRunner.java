package dk.tvaers.monitoring;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Runs imports and indicator runs one at a time on a thread of their own, so that a request returns at once and the
 * analytic store never has two writers. The job's row in PostgreSQL carries its status and progress.
 */
@Component
class JobRunner {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "monitoring-jobs");
        thread.setDaemon(true);
        return thread;
    });

    void submit(Runnable job) {
        executor.submit(job);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
