package dk.tvaers.monitoring;

import dk.tvaers.indicators.SecondarySuppression;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.IndicatorSql;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.Dialect;
import dk.tvaers.indicators.EffectSql;
import dk.tvaers.indicators.SeriesSql;
import dk.tvaers.indicators.RunSteps;
import dk.tvaers.accounts.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Triple Aim runs: the indicator set for one initiative's target and comparison groups, before and after each
 * person's index date, by stratum. A run is a background job; it keeps its per-person table in the analytic store
 * ({@code run_<id>_person}) and writes only aggregates, groups under 5 suppressed, to PostgreSQL.
 */
@Service
public class Runs {

    public static final int DEFAULT_WINDOW_DAYS = 365;

    /** By default the per-person tables of an initiative's 3 newest successful runs are kept; older ones dropped. */
    public static final int DEFAULT_PERSON_TABLES_KEPT = 3;

    private static final Logger log = LoggerFactory.getLogger(Runs.class);

    private final JdbcClient jdbc;
    private final AnalyticStore store;
    private final JobRunner runner;
    private final TransactionTemplate transaction;
    private final Populations populations;
    private final int personTablesKept;

    Runs(JdbcClient jdbc, AnalyticStore store, JobRunner runner, TransactionTemplate transaction,
            Populations populations,
            @Value("${tvaers.monitoring.person-tables-kept:" + DEFAULT_PERSON_TABLES_KEPT + "}") int personTablesKept) {
        this.jdbc = jdbc;
        this.store = store;
        this.runner = runner;
        // on shutdown: what did not finish is marked interrupted at once, not only at the next start
        runner.onStop(this::markInterrupted);
        this.transaction = transaction;
        this.populations = populations;
        this.personTablesKept = Math.max(1, personTablesKept);
    }

    /** How many of an initiative's newest runs keep their per-person table (tvaers.monitoring.person-tables-kept). */
    public int personTablesKept() {
        return personTablesKept;
    }

    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        // only the node that runs the jobs: another node starting must not fail the owner's running job (ADR 0023)
        if (runner.owner()) {
            jdbc.sql("UPDATE monitoring_run SET status = 'FAILED', step_key = 'monitoring.job.interrupted', "
                    + "finished_at = now() WHERE status IN ('QUEUED', 'RUNNING')").update();
        }
    }

    /**
     * Starts a run for the initiative on the data now in the analytic store, with the initiative's current
     * population definition (none saved: its imported inclusion events); the run records the version.
     */
    public long start(long initiativeId, int windowDays, Actor actor) {
        Long population = populations.current(initiativeId).map(Population::id).orElse(null);
        long id = jdbc.sql("""
                INSERT INTO monitoring_run (initiative_id, window_days, population_id, by_user_id, by_name)
                VALUES (:initiative, :window, :population, :by, :name) RETURNING id""")
                .param("initiative", initiativeId).param("window", windowDays).param("population", population)
                .param("by", actor.id()).param("name", actor.name()).query(Long.class).single();
        runner.submit(() -> execute(id));
        return id;
    }

    public Optional<IndicatorRun> find(long id) {
        return jdbc.sql("SELECT * FROM monitoring_run WHERE id = :id").param("id", id).query(Runs::map).optional();
    }

    public List<IndicatorRun> recent(int limit) {
        return jdbc.sql("SELECT * FROM monitoring_run ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query(Runs::map).list();
    }

    /** The newest finished run of the initiative, whose results its dashboard shows. */
    public Optional<IndicatorRun> latestSucceeded(long initiativeId) {
        return jdbc.sql("""
                SELECT * FROM monitoring_run WHERE initiative_id = :id AND status = 'SUCCEEDED'
                ORDER BY id DESC LIMIT 1""").param("id", initiativeId).query(Runs::map).optional();
    }

    /** The run's aggregates as every page and export gets them: suppressed (docs/suppression.md). */
    public List<IndicatorResult> results(long runId) {
        List<IndicatorResult> stored = jdbc.sql("""
                SELECT * FROM monitoring_result WHERE run_id = :id
                ORDER BY indicator, cohort_group DESC, period DESC, stratum, stratum_value""")
                .param("id", runId)
                .query((rs, n) -> new IndicatorResult(rs.getString("indicator"), rs.getString("cohort_group"),
                        rs.getString("period"), rs.getString("stratum"), rs.getString("stratum_value"),
                        rs.getBoolean("suppressed"), (Long) rs.getObject("n"), rs.getBigDecimal("total"),
                        (Long) rs.getObject("denominator"), rs.getBigDecimal("median"),
                        (Long) rs.getObject("with_event"), rs.getBoolean("secondary")))
                .list();
        // applied again on reading: a run stored before secondary suppression existed is protected as well
        return SecondarySuppression.apply(stored);
    }

    /** The run's effects as every page and export gets them (hidden where their inputs are, docs/suppression.md). */
    public Effect.Set effects(long runId) {
        var settings = jdbc.sql("SELECT bootstrap_seed, bootstrap_replicates FROM monitoring_run WHERE id = :id")
                .param("id", runId).query((rs, n) -> new Object[] {rs.getObject("bootstrap_seed"),
                        rs.getObject("bootstrap_replicates")}).optional().orElse(new Object[2]);
        List<Effect> effects = jdbc.sql("SELECT * FROM monitoring_effect WHERE run_id = :id ORDER BY indicator")
                .param("id", runId)
                .query((rs, n) -> new Effect(rs.getString("indicator"), EffectSql.Kind.valueOf(rs.getString("kind")),
                        rs.getBoolean("matched"), rs.getBoolean("suppressed"), rs.getBigDecimal("estimate"),
                        rs.getBigDecimal("lower_bound"), rs.getBigDecimal("upper_bound")))
                .list();
        return new Effect.Set((Long) settings[0], (Integer) settings[1], effects);
    }

    /** The run's monthly series for its run charts, months with 1–4 persons at risk hidden. */
    public List<Effect.Month> series(long runId) {
        return jdbc.sql("SELECT * FROM monitoring_series WHERE run_id = :id ORDER BY measure, cohort_group DESC, month")
                .param("id", runId)
                .query((rs, n) -> new Effect.Month(rs.getString("measure"), rs.getString("cohort_group"),
                        rs.getInt("month"), rs.getBoolean("suppressed"), (Long) rs.getObject("persons"),
                        (Long) rs.getObject("events")))
                .list();
    }

    // --- the job ---

    void execute(long id) {
        IndicatorRun run = find(id).orElseThrow();
        try {
            step(id, 2, "monitoring.run.step.codes");
            String prefix = "run_" + id;
            List<Indicator> indicators = Indicator.catalogue();
            try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
                int dataVersion = dataVersion(statement);
                loadCodeLists(statement);
                Population.Rule rule = populations.ofRun(id).map(Population::rule).orElse(null);
                computePersonTable(statement, run, prefix, rule, (progress, key) -> step(id, progress, key));
                if (targetPersons(statement, prefix) == 0) {
                    // an empty population is no result of "< 5" everywhere: the run stops and says why
                    throw new EmptyPopulation();
                }
                step(id, 88, "monitoring.run.step.aggregates");
                var tariffYears = new ArrayList<String>();
                try (ResultSet rs = statement.executeQuery(sql(IndicatorSql.TARIFF_YEARS, prefix, run))) {
                    while (rs.next()) {
                        tariffYears.add(rs.getString(1));
                    }
                }
                var results = aggregate(statement, run, prefix, indicators);
                step(id, 92, "monitoring.run.step.effects");
                long seed = id;
                var effects = effects(statement, run, prefix, indicators, results,
                        rule == null || !rule.cohortRule().matched() ? null : rule.cohortRule().stratumColumn(), seed,
                        EffectSql.REPLICATES);
                var series = hideWithGroup(series(statement, run, prefix), results);
                for (String table : List.of("cohort", "stay", "admission", "index", "multimorbidity")) {
                    statement.execute("DROP TABLE IF EXISTS " + prefix + "_" + table);
                }
                transaction.executeWithoutResult(status -> {
                    jdbc.sql("DELETE FROM monitoring_result WHERE run_id = :id").param("id", id).update();
                    for (IndicatorResult r : results) {
                        insert(id, r);
                    }
                    jdbc.sql("DELETE FROM monitoring_effect WHERE run_id = :id").param("id", id).update();
                    for (Effect e : effects) {
                        insert(id, e);
                    }
                    jdbc.sql("DELETE FROM monitoring_series WHERE run_id = :id").param("id", id).update();
                    for (Effect.Month m : series) {
                        insert(id, m);
                    }
                    jdbc.sql("""
                            UPDATE monitoring_run SET status = 'SUCCEEDED', progress = 100, step_key = NULL,
                            data_version = :data, definition_version = :definition, tariff_years = :tariff,
                            bootstrap_seed = :seed, bootstrap_replicates = :replicates,
                            finished_at = now() WHERE id = :id""")
                            .param("seed", seed).param("replicates", EffectSql.REPLICATES)
                            .param("data", dataVersion).param("definition", IndicatorSql.DEFINITION_VERSION)
                            .param("tariff", String.join(", ", tariffYears)).param("id", id).update();
                });
                dropOldPersonTables(statement, run.initiativeId());
            }
        } catch (EmptyPopulation e) {
            log.info("run {} stopped: its target group is empty", id);
            dropPersonTable(id);
            jdbc.sql("UPDATE monitoring_run SET status = 'FAILED', step_key = 'monitoring.run.error.emptyPopulation', "
                    + "finished_at = now() WHERE id = :id").param("id", id).update();
        } catch (Exception e) {
            log.error("run {} failed", id, e);
            try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS run_" + id + "_person");
            } catch (SQLException dropping) {
                log.warn("could not drop the per-person table of failed run {}", id, dropping);
            }
            jdbc.sql("UPDATE monitoring_run SET status = 'FAILED', step_key = :step, "
                    + "finished_at = now() WHERE id = :id")
                    .param("step", runner.stopping() ? "monitoring.job.interrupted" : "monitoring.job.failed")
                    .param("id", id).update();
        }
    }

    /**
     * Housekeeping: only the newest {@link #personTablesKept()} successful runs of an initiative keep their
     * per-person table in the analytic store; older ones are dropped and their runs marked so (their aggregates in
     * PostgreSQL stay).
     */
    private void dropOldPersonTables(Statement statement, long initiativeId) throws SQLException {
        List<Long> old = jdbc.sql("""
                SELECT id FROM monitoring_run WHERE initiative_id = :initiative AND status = 'SUCCEEDED'
                  AND NOT person_table_dropped
                  AND id NOT IN (SELECT id FROM monitoring_run WHERE initiative_id = :initiative
                                 AND status = 'SUCCEEDED' ORDER BY id DESC LIMIT :kept)""")
                .param("initiative", initiativeId).param("kept", personTablesKept).query(Long.class).list();
        for (long runId : old) {
            statement.execute("DROP TABLE IF EXISTS run_" + runId + "_person");
            jdbc.sql("UPDATE monitoring_run SET person_table_dropped = true WHERE id = :id").param("id", runId)
                    .update();
        }
    }

    /** Whether the run's per-person table is still in the analytic store. */
    public boolean personTableKept(long runId) {
        return jdbc.sql("SELECT status = 'SUCCEEDED' AND NOT person_table_dropped FROM monitoring_run WHERE id = :id")
                .param("id", runId).query(Boolean.class).optional().orElse(false);
    }

    /** The run's target group has nobody in it (no inclusion events for the initiative, or a rule nobody meets). */
    private static final class EmptyPopulation extends RuntimeException {
        EmptyPopulation() {
            super(null, null, false, false);
        }
    }

    static long targetPersons(Statement statement, String prefix) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + prefix
                + "_cohort WHERE cohort_group = 'TARGET'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void dropPersonTable(long id) {
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS run_" + id + "_person");
        } catch (SQLException e) {
            log.warn("could not drop the per-person table of run {}", id, e);
        }
    }

    /** Progress of a run's steps: percent done and the message key of the step. */
    interface Progress {
        void step(int percent, String stepKey);
    }

    /** Builds stays, admissions, index admissions, multimorbidity and the per-person table of the run. */
    static void computePersonTable(Statement statement, IndicatorRun run, String prefix, Progress progress)
            throws SQLException {
        computePersonTable(statement, run, prefix, null, progress);
    }

    /** The same with the cohort of a population by rule (null: the imported inclusion events). */
    static void computePersonTable(Statement statement, IndicatorRun run, String prefix, Population.Rule rule,
            Progress progress) throws SQLException {
        // the same steps as every engine runs them (the Spark job too)
        var steps = RunSteps.steps(rule == null ? null : rule.cohortRule());
        for (int i = 0; i < steps.size(); i++) {
            progress.step(5 + 80 * i / steps.size(), steps.get(i).stepKey());
            String sql = sql(steps.get(i).template(), prefix, run);
            if (!steps.get(i).name().equals("person")) {
                // intermediate tables live in memory for this connection only: no writing to the store's file.
                // Only the per-person table is kept. (A storage choice of the runner, not part of the definitions.)
                sql = sql.replaceFirst("CREATE OR REPLACE TABLE", "CREATE OR REPLACE TEMP TABLE");
            }
            statement.execute(sql);
        }
    }

    /** Every indicator's aggregates from the per-person table; groups under 5 persons come back suppressed. */
    static List<IndicatorResult> aggregate(Statement statement, IndicatorRun run, String prefix,
            List<Indicator> indicators) throws SQLException {
        var results = new ArrayList<IndicatorResult>();
        try (ResultSet rs = statement.executeQuery(sql(IndicatorSql.aggregates(indicators), prefix, run))) {
            while (rs.next()) {
                for (Indicator indicator : indicators) {
                    results.add(result(rs, indicator));
                }
            }
        }
        return SecondarySuppression.apply(results, indicators);
    }

    /**
     * Every indicator's effect, computed in the analytic store over the per-person table (EffectSql); an effect
     * whose group results are hidden or empty is hidden too.
     */
    static List<Effect> effects(Statement statement, IndicatorRun run, String prefix, List<Indicator> indicators,
            List<IndicatorResult> results, String matchStratum, long seed, int replicates) throws SQLException {
        var effects = new ArrayList<Effect>();
        try (ResultSet rs = statement.executeQuery(sql(EffectSql.effects(indicators, replicates, seed, matchStratum),
                prefix, run))) {
            rs.next();
            for (Indicator indicator : indicators) {
                String x = indicator.column();
                EffectSql.Kind kind = EffectSql.kind(indicator);
                BigDecimal estimate = decimal(rs, "estimate_" + x);
                if (estimate == null || !Effect.inputsShown(results, indicator.code(), kind)) {
                    effects.add(new Effect(indicator.code(), kind, matchStratum != null, true, null, null, null));
                } else {
                    effects.add(new Effect(indicator.code(), kind, matchStratum != null, false, estimate,
                            decimal(rs, "lower_" + x), decimal(rs, "upper_" + x)));
                }
            }
        }
        return effects;
    }

    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() || Double.isNaN(value) || Double.isInfinite(value) ? null
                : BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP);
    }

    /** The monthly series of the run charts; a month whose group has 1–4 persons at risk is hidden. */
    static List<Effect.Month> series(Statement statement, IndicatorRun run, String prefix) throws SQLException {
        var months = new ArrayList<Effect.Month>();
        try (ResultSet rs = statement.executeQuery(sql(SeriesSql.series(run.windowDays()), prefix, run))) {
            while (rs.next()) {
                long persons = rs.getLong("persons");
                boolean hidden = IndicatorResult.primaryHidden(persons, 0, false);
                months.add(new Effect.Month(rs.getString("measure"), rs.getString("cohort_group"), rs.getInt("month"),
                        hidden, hidden ? null : persons, hidden ? null : rs.getLong("events")));
            }
        }
        return months;
    }

    /**
     * A group's months are hidden with the group: when its whole-group result (acute contacts before the index date,
     * which every person has) is hidden, by the primary or the secondary rule.
     */
    static List<Effect.Month> hideWithGroup(List<Effect.Month> series, List<IndicatorResult> results) {
        return series.stream().map(m -> {
            boolean hidden = results.stream().anyMatch(r -> r.indicator().equals("ACUTE_CONTACTS")
                    && r.group().equals(m.group()) && r.stratum().equals("ALL") && r.suppressed());
            return hidden && !m.suppressed() ? new Effect.Month(m.measure(), m.group(), m.month(), true, null, null)
                    : m;
        }).toList();
    }

    static String sql(String template, String prefix, IndicatorRun run) {
        return sql(Dialect.DUCKDB, template, prefix, run);
    }

    /** The SQL of a step for a run, in a dialect (PostgreSQL: only the benchmark's baseline uses it). */
    public static String sql(Dialect dialect, String template, String prefix, IndicatorRun run) {
        return dialect.render(template.replace("${run}", prefix)
                .replace("${initiative}", String.valueOf(run.initiativeId()))
                .replace("${window}", String.valueOf(run.windowDays())));
    }

    private static int dataVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT version FROM data_version")) {
            if (!rs.next()) {
                throw new IllegalStateException("nothing imported yet");
            }
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("nothing imported yet", e);
        }
    }

    /** The versioned code lists, from the application's resources into the analytic store. */
    static void loadCodeLists(Statement statement) throws SQLException, IOException {
        load(statement, "code_preventable", "/monitoring/preventable-admissions-v0-provisional.csv");
        load(statement, "code_chronic", "/monitoring/chronic-conditions-v1.csv");
    }

    private static void load(Statement statement, String table, String resource) throws SQLException, IOException {
        statement.execute("CREATE OR REPLACE TABLE " + table + " (prefix VARCHAR, condition VARCHAR)");
        try (InputStream in = Runs.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] v = lines[i].strip().split(",", 2);
                statement.execute("INSERT INTO " + table + " VALUES ('" + v[0].replace("'", "''") + "', '"
                        + v[1].replace("'", "''") + "')");
            }
        }
    }

    static IndicatorResult result(ResultSet rs, Indicator indicator) throws SQLException {
        String x = indicator.column();
        long n = rs.getLong("n_" + x);
        String group = rs.getString("cohort_group");
        String period = rs.getString("period");
        String stratum = rs.getString("stratum");
        String value = rs.getString("stratum_value");
        boolean score = indicator.statistic() == Indicator.Statistic.SCORE;
        long with = rs.getLong("with_" + x);
        // a score of fewer than 5 persons who answered is suppressed as well (its mean would be theirs)
        if (IndicatorResult.primaryHidden(n, with, score)) {
            return IndicatorResult.primary(indicator.code(), group, period, stratum, value);
        }
        Long denominator = indicator.statistic() == Indicator.Statistic.RATIO || score
                ? rs.getLong("denominator_" + x) : null;
        String total = rs.getString("total_" + x);
        String median = rs.getString("median_" + x);
        // nobody answered: no total and no median, only the share answering (0)
        return new IndicatorResult(indicator.code(), group, period, stratum, value, false, n,
                total == null ? BigDecimal.ZERO : new BigDecimal(total), denominator,
                median == null ? null : new BigDecimal(median), with);
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

    private void step(long id, int progress, String stepKey) {
        jdbc.sql("UPDATE monitoring_run SET status = 'RUNNING', progress = :progress, step_key = :step WHERE id = :id "
                + "AND status IN ('QUEUED', 'RUNNING')")
                .param("progress", progress).param("step", stepKey).param("id", id).update();
    }

    static IndicatorRun map(ResultSet rs, int row) throws SQLException {
        return new IndicatorRun(rs.getLong("id"), rs.getLong("initiative_id"), JobStatus.valueOf(rs.getString("status")),
                rs.getInt("progress"), rs.getString("step_key"), rs.getInt("window_days"),
                (Integer) rs.getObject("data_version"), rs.getString("definition_version"),
                rs.getString("tariff_years"), rs.getString("by_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
    }
}
