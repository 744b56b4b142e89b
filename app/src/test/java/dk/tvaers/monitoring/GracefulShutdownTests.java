package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.TvaersApplication;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Graceful shutdown (what SIGTERM starts: the JVM's shutdown hook closes the application context): a request in
 * flight is answered, a new one is refused, a job that had not finished is marked interrupted in PostgreSQL (so the
 * analyst sees it and starts it again), and the embedded PostgreSQL is stopped.
 */
class GracefulShutdownTests {

    static final CountDownLatch slowStarted = new CountDownLatch(1);

    @Test
    void shutdownAnswersTheRequestInFlightRefusesNewOnesMarksTheJobAndStopsPostgresql() throws Exception {
        Path dataDir = Path.of("target", "test-data", "shutdown-" + UUID.randomUUID()).toAbsolutePath();
        var context = new SpringApplicationBuilder(TvaersApplication.class, Slow.class).profiles("test")
                .run("--tvaers.data-dir=" + dataDir, "--server.port=0", "--tvaers.test.slow-endpoint=true");
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        int postgresPort = context.getBean(EmbeddedPostgres.class).getPort();

        // a job under way: the job thread is busy, the run waits behind it (queued)
        var runner = context.getBean(JobRunner.class);
        var jobStarted = new CountDownLatch(1);
        runner.submit(() -> {
            jobStarted.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(jobStarted.await(30, TimeUnit.SECONDS)).isTrue();
        long initiative = context.getBean(Initiatives.class).start(new NewInitiative("Nedlukning", "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        long runId = context.getBean(Runs.class).start(initiative, 365, Actor.SYSTEM);

        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

        var closing = CompletableFuture.runAsync(context::close);
        // while the request in flight is being finished, a new connection is refused
        Thread.sleep(500);
        assertThat(closing).isNotDone();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);

        HttpResponse<String> answered = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("ok");
        closing.get(120, TimeUnit.SECONDS);

        assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "").close())
                .as("the embedded PostgreSQL is stopped");
        // the cluster alone, without Tværs (which would mark unfinished jobs again when it starts)
        try (var postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
                var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.prepareStatement("SELECT status, step_key FROM monitoring_run WHERE id = ?")) {
            statement.setLong(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("status")).isEqualTo("FAILED");
                assertThat(rs.getString("step_key")).isEqualTo("monitoring.job.interrupted");
            }
        }
    }

    /** A page that takes two seconds, open to anyone, only in this test. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("tvaers.test.slow-endpoint")
    static class Slow {

        @Bean
        SlowController slowController() {
            return new SlowController();
        }

        @Bean
        @Order(0)
        SecurityFilterChain slowSecurity(HttpSecurity http) throws Exception {
            return http.securityMatcher("/test/**").authorizeHttpRequests(r -> r.anyRequest().permitAll()).build();
        }
    }

    @RestController
    static class SlowController {

        @GetMapping("/test/slow")
        String slow() throws InterruptedException {
            slowStarted.countDown();
            Thread.sleep(2000);
            return "ok";
        }
    }
}
