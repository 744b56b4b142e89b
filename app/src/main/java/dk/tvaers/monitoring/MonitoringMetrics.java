package dk.tvaers.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports and indicator runs by status ({@code tvaers_monitoring_imports{status=...}},
 * {@code tvaers_monitoring_runs{status=...}}), counted in PostgreSQL at each scrape; how long jobs take is timed by
 * {@link JobRunner} ({@code tvaers_monitoring_jobs_seconds}).
 */
@Component
class MonitoringMetrics {

    MonitoringMetrics(MeterRegistry registry, JdbcClient jdbc) {
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("tvaers.monitoring.imports", () -> count(jdbc, "monitoring_import", status))
                    .description("imports of event data by status").tag("status", status.name()).register(registry);
            Gauge.builder("tvaers.monitoring.runs", () -> count(jdbc, "monitoring_run", status))
                    .description("indicator runs by status").tag("status", status.name()).register(registry);
        }
    }

    private static double count(JdbcClient jdbc, String table, JobStatus status) {
        try {
            return jdbc.sql("SELECT count(*) FROM " + table + " WHERE status = :status").param("status", status.name())
                    .query(Long.class).single();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
