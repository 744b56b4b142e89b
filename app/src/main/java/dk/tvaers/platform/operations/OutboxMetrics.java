package dk.tvaers.platform.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail outbox (and every other event between modules): publications in {@code event_publication} not yet
 * completed, and of those the ones whose listener failed. Read from the database at each scrape, so every instance
 * reports the same figure for the shared table.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder("tvaers.events.incomplete", () -> count(jdbc, "completion_date IS NULL"))
                .description("event publications not completed (the mail outbox among them)")
                .register(registry);
        Gauge.builder("tvaers.events.failed", () -> count(jdbc, "completion_date IS NULL AND status = 'FAILED'"))
                .description("event publications whose listener failed and that wait to be tried again")
                .register(registry);
    }

    private static double count(JdbcClient jdbc, String condition) {
        try {
            return jdbc.sql("SELECT count(*) FROM event_publication WHERE " + condition).query(Long.class).single();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
