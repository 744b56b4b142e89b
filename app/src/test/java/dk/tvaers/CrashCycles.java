package dk.tvaers;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crash test (issue 10, ADR 0002): citizens submit ideas anonymously over HTTP to Tværs in a child JVM; at a
 * random moment the process is killed with SIGKILL (the JVM alone, or the JVM with its PostgreSQL: the whole tree);
 * Tværs is started again on the same data directory, and every idea whose submission was answered with success
 * ("check your e-mail", 302 to /ideer/tak) must be in the database.
 */
public final class CrashCycles {

    public record Cycle(int number, boolean wholeTree, Duration writing, int acknowledgedInCycle,
            int acknowledgedSoFar, int presentOfThose, Set<String> lost, Duration restart) {}

    private static final String[] RAISED_LIMITS = {
            "tvaers.rate-limits.idea-submission.capacity=100000000",
            "tvaers.rate-limits.idea-confirmation-address.capacity=100000000"};

    private CrashCycles() {}

    /**
     * Runs the cycles; {@code alternate} kills the JVM alone in every even cycle (the orphan-postmaster case) and the
     * whole tree in the odd ones, otherwise the whole tree always.
     */
    public static List<Cycle> run(Path dataDir, Path logs, int cycles, int writers, Duration minWriting,
            Duration maxWriting, boolean alternate, long seed) throws Exception {
        var random = new Random(seed);
        var acknowledged = ConcurrentHashMap.<String>newKeySet();
        var results = new ArrayList<Cycle>();
        ChildTvaers app = ChildTvaers.start(dataDir, logs.resolve("start-0.log"), RAISED_LIMITS);
        try {
            for (int cycle = 1; cycle <= cycles; cycle++) {
                boolean wholeTree = !alternate || cycle % 2 == 1;
                int before = acknowledged.size();
                var stop = new AtomicBoolean();
                var sequence = new AtomicInteger();
                var threads = new ArrayList<Thread>();
                for (int w = 0; w < writers; w++) {
                    ChildTvaers.Visitor visitor = app.visitor("/ideer/ny");
                    int writer = w;
                    int c = cycle;
                    threads.add(Thread.ofPlatform().start(() -> {
                        while (!stop.get()) {
                            String title = "Krak-" + c + "-" + writer + "-" + sequence.incrementAndGet();
                            try {
                                HttpResponse<String> response = visitor.post("/ideer/ny", Duration.ofSeconds(30),
                                        "title", title,
                                        "problem", "Patienter glemmer deres medicin efter udskrivelsen",
                                        "proposal", "En påmindelse på sms fra hjemmeplejen",
                                        "beneficiaries", "Ældre medicinske patienter",
                                        "sectors", "REGION", "sectors", "MUNICIPALITY",
                                        "innovationType", "EVERYDAY", "region", "SYDDANMARK",
                                        "name", "Krak Test", "email", "krak" + writer + "@test.tvaers.dk");
                                if (response.statusCode() == 302 && response.headers().firstValue("Location")
                                        .orElse("").contains("/ideer/tak")) {
                                    acknowledged.add(title);
                                }
                            } catch (Exception e) {
                                // the process is gone: this submission was never answered, so it was not acknowledged
                            }
                        }
                    }));
                }
                // the random moment is counted from the first acknowledged submission of the cycle (a cold JVM on a
                // busy machine may take seconds to answer its first)
                for (int wait = 0; wait < 1200 && acknowledged.size() == before; wait++) {
                    Thread.sleep(100);
                }
                long span = maxWriting.toMillis() - minWriting.toMillis();
                Duration writing = Duration.ofMillis(minWriting.toMillis() + (span <= 0 ? 0 : random.nextLong(span)));
                Thread.sleep(writing.toMillis());
                app.kill(wholeTree);
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join(60_000);
                }
                Instant restarting = Instant.now();
                app = ChildTvaers.start(dataDir, logs.resolve("start-" + cycle + ".log"), RAISED_LIMITS);
                Duration restart = Duration.between(restarting, Instant.now());
                Set<String> present = app.ideaTitles("Krak-");
                Set<String> lost = new TreeSet<>(acknowledged);
                lost.removeAll(present);
                results.add(new Cycle(cycle, wholeTree, writing, acknowledged.size() - before, acknowledged.size(),
                        acknowledged.size() - lost.size(), lost, restart));
                if (acknowledged.size() == before) {
                    throw new IllegalStateException("cycle " + cycle + " acknowledged no submission; see " + logs);
                }
            }
        } finally {
            app.close();
        }
        return results;
    }
}
