package dk.tvaers.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.TestSmtp;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The actuator on a management port of its own (the production default, here a random one): readiness is down
 * while Flyway migrates and while the analytic store cannot answer; metrics are served to anyone reaching the
 * management port (bound to loopback) and not at all on the application's port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "management.server.address=127.0.0.1"})
@Import({TestSmtp.MailPort.class, ReadinessTests.DuringMigration.class})
@ActiveProfiles("test")
@DirtiesContext
class ReadinessTests {

    @LocalServerPort
    int serverPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessIsDownWhileFlywayMigrates() {
        assertThat(DuringMigration.seen).isNotEmpty().containsOnly(ReadinessState.REFUSING_TRAFFIC);
    }

    @Test
    void metricsAreOnTheManagementPortOnlyAndReadinessFollowsTheAnalyticStore() throws Exception {
        assertThat(status(managementPort, "/actuator/prometheus")).isEqualTo(200);
        assertThat(status(serverPort, "/actuator/prometheus")).as("not served on the application's port")
                .isIn(302, 401, 403, 404);
        assertThat(status(managementPort, "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(managementPort, "/actuator/health/liveness")).isEqualTo(200);

        // the analytic store closed (its file gone, a disk unmounted): not ready, but alive
        Object store = context.getBean("analyticStore");
        Method close = store.getClass().getDeclaredMethod("close");
        close.setAccessible(true);
        close.invoke(store);
        assertThat(status(managementPort, "/actuator/health/readiness")).isEqualTo(503);
        assertThat(status(managementPort, "/actuator/health/liveness")).isEqualTo(200);
    }

    private int status(int port, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Records the readiness state each time Flyway is about to migrate. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DuringMigration {

        static final List<ReadinessState> seen = new ArrayList<>();

        @Bean
        Callback readinessProbe(ApplicationAvailability availability) {
            return new Callback() {
                @Override
                public boolean supports(Event event, Context context) {
                    return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE;
                }

                @Override
                public boolean canHandleInTransaction(Event event, Context context) {
                    return true;
                }

                @Override
                public void handle(Event event, Context context) {
                    seen.add(availability.getReadinessState());
                }

                @Override
                public String getCallbackName() {
                    return "readiness-probe";
                }
            };
        }
    }
}
