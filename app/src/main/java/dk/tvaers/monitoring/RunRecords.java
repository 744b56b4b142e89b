package dk.tvaers.monitoring;

import dk.tvaers.indicators.IndicatorResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A run's row and its aggregates in PostgreSQL: progress, the outcome in one transaction, failure. */
@Component
class RunRecords {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RunRecords(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    void step(long id, int progress, String stepKey) {
        jdbc.sql("UPDATE monitoring_run SET status = 'RUNNING', progress = :progress, step_key = :step WHERE id = :id "
                + "AND status IN ('QUEUED', 'RUNNING')")
                .param("progress", progress).param("step", stepKey).param("id", id).update();
    }

    void fail(long id, String stepKey) {
        jdbc.sql("UPDATE monitoring_run SET status = 'FAILED', step_key = :step, finished_at = now() WHERE id = :id")
                .param("step", stepKey).param("id", id).update();
    }

    /** The outcome and the run's success, all or nothing. */
    void succeed(long id, RunOutcome outcome) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM monitoring_result WHERE run_id = :id").param("id", id).update();
            for (IndicatorResult r : outcome.results()) {
                insert(id, r);
            }
            jdbc.sql("DELETE FROM monitoring_effect WHERE run_id = :id").param("id", id).update();
            for (Effect e : outcome.effects()) {
                insert(id, e);
            }
            jdbc.sql("DELETE FROM monitoring_series WHERE run_id = :id").param("id", id).update();
            for (Effect.Month m : outcome.series()) {
                insert(id, m);
            }
            jdbc.sql("""
                    UPDATE monitoring_run SET status = 'SUCCEEDED', progress = 100, step_key = NULL,
                    data_version = :data, definition_version = :definition, tariff_years = :tariff,
                    bootstrap_seed = :seed, bootstrap_replicates = :replicates, engine = :engine,
                    engine_version = :engineVersion, person_table_dropped = :dropped,
                    finished_at = now() WHERE id = :id""")
                    .param("seed", outcome.bootstrapSeed()).param("replicates", outcome.bootstrapReplicates())
                    .param("data", outcome.dataVersion()).param("definition", outcome.definitionVersion())
                    .param("tariff", String.join(", ", outcome.tariffYears()))
                    .param("engine", outcome.engine().name()).param("engineVersion", outcome.engineVersion())
                    .param("dropped", !outcome.personTableKept()).param("id", id).update();
        });
    }

    private void insert(long runId, IndicatorResult r) {
        jdbc.sql("""
                INSERT INTO monitoring_result (run_id, indicator, cohort_group, period, stratum, stratum_value,
                    suppressed, n, total, denominator, median, with_event, secondary)
                VALUES (:run, :indicator, :group, :period, :stratum, :value, :suppressed, :n, :total, :denominator,
                    :median, :with, :secondary)""")
                .param("run", runId).param("indicator", r.indicator()).param("group", r.group())
                .param("period", r.period()).param("stratum", r.stratum()).param("value", r.stratumValue())
                .param("suppressed", r.suppressed()).param("n", r.n()).param("total", r.total())
                .param("denominator", r.denominator()).param("median", r.median()).param("with", r.withEvent())
                .param("secondary", r.secondary()).update();
    }

    private void insert(long runId, Effect e) {
        jdbc.sql("""
                INSERT INTO monitoring_effect (run_id, indicator, kind, matched, suppressed, estimate, lower_bound,
                    upper_bound)
                VALUES (:run, :indicator, :kind, :matched, :suppressed, :estimate, :lower, :upper)""")
                .param("run", runId).param("indicator", e.indicator()).param("kind", e.kind().name())
                .param("matched", e.matched()).param("suppressed", e.suppressed()).param("estimate", e.estimate())
                .param("lower", e.lower()).param("upper", e.upper()).update();
    }

    private void insert(long runId, Effect.Month m) {
        jdbc.sql("""
                INSERT INTO monitoring_series (run_id, measure, cohort_group, month, suppressed, persons, events)
                VALUES (:run, :measure, :group, :month, :suppressed, :persons, :events)""")
                .param("run", runId).param("measure", m.measure()).param("group", m.group()).param("month", m.month())
                .param("suppressed", m.suppressed()).param("persons", m.persons()).param("events", m.events())
                .update();
    }
}
