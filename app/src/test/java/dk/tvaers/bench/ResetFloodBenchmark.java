package dk.tvaers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.ChildTvaers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reset flood (issue 10): {@code -Dbench.parallel=} (default 60) anonymous {@code POST /glemt-adgangskode} at once,
 * {@code -Dbench.rounds=} (default 5) times, against Tværs in a child JVM with its production pool (10 connections)
 * and the password-reset rate limits raised (the flood stands for many clients; with the default limits one client
 * gets 429 after 10). Meanwhile a visitor reads the idea list and a static file in turn. Prints errors (HTTP 5xx or no
 * answer within 60 s), the resets' times, and the idea list's time against the static file's, before and during the
 * flood. Target: 0 errors; the idea list during the flood within a small factor of the static file.
 */
@Tag("bench")
class ResetFloodBenchmark {

    @Test
    void parallelAnonymousResetsNeitherFailNorStallOtherPages() throws Exception {
        int parallel = Integer.getInteger("bench.parallel", 60);
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path run = Path.of("target", "bench-data", "resets-" + UUID.randomUUID()).toAbsolutePath();
        try (var app = ChildTvaers.start(run.resolve("data"), run.resolve("logs").resolve("tvaers.log"),
                "tvaers.rate-limits.password-reset.capacity=100000000",
                "tvaers.rate-limits.password-reset-address.capacity=100000000")) {
            HttpClient probe = HttpClient.newHttpClient();
            // warm up, then the baseline: the idea list and a static file, nothing else running
            timed(probe, app, "/ideer", 20);
            timed(probe, app, "/css/tvaers.css", 20);
            List<Long> listBefore = timed(probe, app, "/ideer", 30);
            List<Long> staticBefore = timed(probe, app, "/css/tvaers.css", 30);

            var errors = new AtomicInteger();
            var resetTimes = Collections.synchronizedList(new ArrayList<Long>());
            var listDuring = Collections.synchronizedList(new ArrayList<Long>());
            var staticDuring = Collections.synchronizedList(new ArrayList<Long>());
            for (int round = 0; round < rounds; round++) {
                var visitors = new ArrayList<ChildTvaers.Visitor>();
                for (int i = 0; i < parallel; i++) {
                    visitors.add(app.visitor("/glemt-adgangskode"));
                }
                var start = new CountDownLatch(1);
                var flooding = new AtomicBoolean(true);
                var threads = new ArrayList<Thread>();
                for (int i = 0; i < parallel; i++) {
                    var visitor = visitors.get(i);
                    String email = "flod" + round + "-" + i + "@test.tvaers.dk";
                    threads.add(Thread.ofPlatform().start(() -> {
                        try {
                            start.await();
                            long t0 = System.nanoTime();
                            var response = visitor.post("/glemt-adgangskode", Duration.ofSeconds(60), "email", email);
                            resetTimes.add(System.nanoTime() - t0);
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }));
                }
                Thread prober = Thread.ofPlatform().start(() -> {
                    while (flooding.get()) {
                        try {
                            listDuring.addAll(timed(probe, app, "/ideer", 1));
                            staticDuring.addAll(timed(probe, app, "/css/tvaers.css", 1));
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                });
                start.countDown();
                for (Thread thread : threads) {
                    thread.join();
                }
                flooding.set(false);
                prober.join();
            }

            System.out.printf("ResetFloodBenchmark: %d rounds of %d parallel anonymous POST /glemt-adgangskode%n",
                    rounds, parallel);
            System.out.printf("errors (5xx, other status or no answer in 60 s): %d of %d%n", errors.get(),
                    rounds * parallel);
            System.out.printf("reset: median %.0f ms, p95 %.0f ms, max %.0f ms%n", ms(resetTimes, 50), ms(resetTimes, 95),
                    ms(resetTimes, 100));
            System.out.printf("before the flood: /ideer median %.1f ms, static median %.1f ms, ratio %.1f%n",
                    ms(listBefore, 50), ms(staticBefore, 50), ms(listBefore, 50) / ms(staticBefore, 50));
            System.out.printf("during the flood (%d samples): /ideer median %.1f ms, p95 %.1f ms, max %.1f ms; static "
                            + "median %.1f ms; ratio of medians %.1f%n", listDuring.size(), ms(listDuring, 50),
                    ms(listDuring, 95), ms(listDuring, 100), ms(staticDuring, 50),
                    ms(listDuring, 50) / ms(staticDuring, 50));
            assertThat(errors.get()).isZero();
        }
    }

    private static List<Long> timed(HttpClient client, ChildTvaers app, String path, int times) throws Exception {
        var result = new ArrayList<Long>();
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            var response = client.send(HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.discarding());
            result.add(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        return result;
    }

    private static double ms(List<Long> nanos, int percentile) {
        var sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
