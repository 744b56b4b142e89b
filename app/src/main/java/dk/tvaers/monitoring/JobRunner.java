package dk.tvaers.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs imports and indicator runs one at a time on a thread of their own, so that a request returns at once and the
 * analytic store never has two writers. The job's row in PostgreSQL carries its status and progress.
 *
 * <p>Only the node that owns the analytic store runs jobs ({@code tvaers.analytics.owner}, ADR 0023); another node
 * refuses to start one. On shutdown (after the web server has stopped taking requests) the running job is
 * interrupted and given a few seconds; then the jobs' owners mark what did not finish as interrupted, so the
 * analyst sees it and starts it again (README: Operating Tværs).
 */
@Component
class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    /** Replaced when the runner starts again after a stop (a lifecycle may stop and start more than once). */
    private volatile ExecutorService executor = newExecutor();
    private final Timer timer;
    private final AtomicInteger pending = new AtomicInteger();
    private final List<Runnable> onStop = new CopyOnWriteArrayList<>();
    private final boolean owner;
    private final Duration grace;
    private volatile boolean running;
    private volatile boolean stopping;

    JobRunner(MeterRegistry registry, @Value("${tvaers.analytics.owner:true}") boolean owner,
            @Value("${tvaers.analytics.shutdown-grace:PT5S}") Duration grace) {
        this.owner = owner;
        this.grace = grace;
        this.timer = Timer.builder("tvaers.monitoring.jobs").description("imports and indicator runs, as they finish")
                .register(registry);
        registry.gauge("tvaers.monitoring.jobs.pending", pending);
    }

    void submit(Runnable job) {
        if (!owner) {
            throw new IllegalStateException("this node does not own the analytic store (tvaers.analytics.owner)");
        }
        if (stopping) {
            throw new IllegalStateException("shutting down");
        }
        pending.incrementAndGet();
        executor.submit(() -> {
            try {
                timer.record(job);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /**
     * Runs work on the job thread between two jobs (so never beside an import's swap) and waits for it: the
     * analytic store's backup.
     */
    <T> T betweenJobs(Callable<T> work) throws Exception {
        try {
            return executor.submit(work).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Whether this node runs the jobs of the analytic store (and so marks its interrupted jobs). */
    boolean owner() {
        return owner;
    }

    /** Whether the application is shutting down: a job failing now was interrupted, not wrong. */
    boolean stopping() {
        return stopping;
    }

    /** Run once the running job has stopped or its grace has passed, while the database is still there. */
    void onStop(Runnable action) {
        onStop.add(action);
    }

    /**
     * Starts, or starts again after a stop: Spring stops and restarts lifecycle beans more than once in a context's
     * life (the test framework pauses a cached context while another runs), so a stopped runner takes
     * jobs again with a new thread.
     */
    @Override
    public synchronized void start() {
        if (executor.isShutdown()) {
            executor = newExecutor();
        }
        stopping = false;
        running = true;
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "monitoring-jobs");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Et analysejob kørte stadig ved nedlukning; det markeres som afbrudt");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runnable action : onStop) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("could not mark interrupted jobs on shutdown", e);
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops in a higher phase), so no request starts a job meanwhile. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
