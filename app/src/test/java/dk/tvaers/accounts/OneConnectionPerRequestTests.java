package dk.tvaers.accounts;

import dk.tvaers.platform.security.LinkTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * No request needs two database connections at once (ADR 0016): with a pool of ONE connection (after the start), anonymous password
 * resets in parallel and parallel uses of one reset link all finish. A request that opened a second connection while
 * holding the first (the audit log's REQUIRES_NEW did) waits for itself and fails when the pool times out.
 */
@IntegrationTest
@TestPropertySource(properties = {"tvaers.db.pool-size=2", "tvaers.db.connection-timeout=PT5S",
        "tvaers.rate-limits.password-reset.capacity=1000", "tvaers.rate-limits.password-reset-address.capacity=1000"})
class OneConnectionPerRequestTests {

    static final String PASSWORD = "Gammel-adgangskode-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** Flyway needs two connections to start; then the pool shrinks to one for the requests. */
    @BeforeEach
    void poolOfOneConnection() throws Exception {
        var hikari = (HikariDataSource) dataSource;
        hikari.getHikariConfigMXBean().setMinimumIdle(1);
        hikari.getHikariConfigMXBean().setMaximumPoolSize(1);
        hikari.getHikariPoolMXBean().softEvictConnections();
        for (int i = 0; i < 600 && hikari.getHikariPoolMXBean().getTotalConnections() > 1; i++) {
            Thread.sleep(100);
        }
        assertThat(hikari.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(1);
    }

    @Test
    void parallelPasswordResetsFinishWithOneConnection() throws Exception {
        String email = "ene.forbindelse@test.tvaers.dk";
        users.create(new UserAttributes(email, "Ene Forbindelse", null, Set.of(Role.CITIZEN)), PASSWORD, false,
                Actor.SYSTEM);

        List<MvcResult> results = inParallel(20, i -> mvc.perform(post("/glemt-adgangskode").with(csrf())
                .param("email", i % 2 == 0 ? email : "ukendt" + i + "@test.tvaers.dk")).andReturn());

        assertThat(results).extracting(result -> result.getResponse().getStatus()).containsOnly(200);
        assertThat(results).allSatisfy(result -> assertThat(result.getModelAndView().getModel()).containsEntry("sent", true));
    }

    @Test
    void parallelUsesOfOneResetLinkFinishAndOnlyOneSetsThePassword() throws Exception {
        String email = "ti.paa.en@test.tvaers.dk";
        long id = users.create(new UserAttributes(email, "Ti På Et Link", null, Set.of(Role.CITIZEN)), PASSWORD, false,
                Actor.SYSTEM);
        String token = "et-link-til-ti-samtidige-" + id;
        jdbc.sql("INSERT INTO password_reset_token (token_hash, user_id, expires_at) VALUES (:hash, :user, :expires)")
                .param("hash", LinkTokens.hash(token)).param("user", id)
                .param("expires", Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS))).update();

        List<MvcResult> results = inParallel(10, i -> {
            String password = "Ny-adgangskode-nummer-" + i + "-42";
            return mvc.perform(post("/nulstil-adgangskode").with(csrf())
                    .param("token", token).param("password", password).param("repeat", password)).andReturn();
        });

        assertThat(results).filteredOn(result -> result.getResponse().getStatus() == 302).hasSize(1);
        assertThat(results).filteredOn(result -> result.getResponse().getStatus() == 200)
                .allSatisfy(result -> assertThat(result.getModelAndView().getModel()).containsEntry("tokenValid", false))
                .hasSize(9);
    }

    interface Call {
        MvcResult call(int index) throws Exception;
    }

    /** Runs the calls together (released at once by a latch); every one must end, bounded by a timeout. */
    static List<MvcResult> inParallel(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<MvcResult>>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<MvcResult> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            var results = new ArrayList<MvcResult>();
            for (Future<MvcResult> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
