package dk.tvaers.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.TvaersApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Two instances of Tværs on one PostgreSQL (ADR 0023): the first with its embedded database, the second pointed at
 * it as an external one. A scheduled job, locked like the application's own, never runs on both at once nor twice
 * within its lock; and every scheduled job of the application carries that lock.
 */
class TwoInstancesTests {

    record Turn(String node, Timestamp started, Timestamp finished, Timestamp locked) {}

    @Test
    void aScheduledJobRunsOnOneInstanceAtATime() throws Exception {
        Path root = Path.of("target", "test-data", "two-" + UUID.randomUUID()).toAbsolutePath();
        List<Turn> turns;
        List<String> unlocked = new ArrayList<>();
        try (var first = start(root.resolve("a"), "--tvaers.test.probe-node=A")) {
            String url = first.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            try (var second = start(root.resolve("b"), "--tvaers.test.probe-node=B", "--tvaers.db.url=" + url,
                    "--tvaers.db.user=postgres", "--tvaers.analytics.owner=false")) {
                // both schedulers try every 50 ms; give them a few seconds of turns
                Thread.sleep(4000);
                unlocked.addAll(unlockedScheduledMethods(first));
                unlocked.addAll(unlockedScheduledMethods(second));
            }
            turns = first.getBean(JdbcClient.class)
                    .sql("SELECT node, started, finished, locked FROM probe_turn WHERE finished IS NOT NULL ORDER BY started")
                    .query(Turn.class).list();
        }
        assertThat(unlocked).as("@Scheduled methods without @SchedulerLock").isEmpty();
        assertThat(turns).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < turns.size(); i++) {
            Turn before = turns.get(i - 1);
            Turn after = turns.get(i);
            assertThat(after.started()).as("turn %d (%s) starts after turn %d (%s) finished", i, after.node(), i - 1,
                    before.node()).isAfterOrEqualTo(before.finished());
            assertThat(after.locked().getTime() - before.locked().getTime())
                    .as("turns take the lock at least its 300 ms apart").isGreaterThanOrEqualTo(300);
        }
    }

    private static List<String> unlockedScheduledMethods(ConfigurableApplicationContext context) {
        var unlocked = new ArrayList<String>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getName().startsWith("dk.tvaers.")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class) && !method.isAnnotationPresent(SchedulerLock.class)) {
                    unlocked.add(type.getName() + "." + method.getName());
                }
            }
        }
        return unlocked;
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... args) {
        var all = new ArrayList<>(List.of("--tvaers.data-dir=" + dataDir, "--server.port=0"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(TvaersApplication.class, Probe.class).profiles("test")
                .run(all.toArray(String[]::new));
    }

    /** A scheduled job locked the way the application's are, recording each turn it gets in the shared database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("tvaers.test.probe-node")
    static class Probe {

        @Bean
        ProbeJob probeJob(JdbcClient jdbc, @Value("${tvaers.test.probe-node}") String node) {
            jdbc.sql("CREATE TABLE IF NOT EXISTS probe_turn (id BIGSERIAL PRIMARY KEY, node TEXT, "
                    + "started TIMESTAMP WITH TIME ZONE, finished TIMESTAMP WITH TIME ZONE, locked TIMESTAMP)").update();
            return new ProbeJob(jdbc, node);
        }
    }

    static class ProbeJob {

        private final JdbcClient jdbc;
        private final String node;

        ProbeJob(JdbcClient jdbc, String node) {
            this.jdbc = jdbc;
            this.node = node;
        }

        @Scheduled(fixedDelay = 50)
        @SchedulerLock(name = "test.probe", lockAtLeastFor = "PT0.3S", lockAtMostFor = "PT10S")
        public void turn() throws InterruptedException {
            long id = jdbc.sql("INSERT INTO probe_turn (node, started, locked) VALUES (:node, clock_timestamp(), "
                    + "(SELECT locked_at FROM shedlock WHERE name = 'test.probe')) RETURNING id")
                    .param("node", node).query(Long.class).single();
            Thread.sleep(20);
            jdbc.sql("UPDATE probe_turn SET finished = clock_timestamp() WHERE id = :id").param("id", id).update();
        }
    }
}
