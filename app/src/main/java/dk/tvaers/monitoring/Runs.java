package dk.tvaers.monitoring;

import dk.tvaers.accounts.Actor;
import dk.tvaers.indicators.EffectSql;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.SecondarySuppression;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Triple Aim runs: the indicator set for one initiative's target and comparison groups, before and after each
 * person's index date, by stratum. A run is a background job; it keeps its per-person table in the analytic store
 * ({@code run_<id>_person}) and writes only aggregates, groups under 5 suppressed, to PostgreSQL. It runs on this
 * machine's DuckDB ({@link DuckDbRuns}) or, where a target is configured, on Apache Spark ({@link SparkRuns});
 * {@link RunRecords} writes its row and aggregates, {@link RunQueries} holds its DuckDB queries.
 */
@Service
public class Runs {

    public static final int DEFAULT_WINDOW_DAYS = 365;

    /** By default the per-person tables of an initiative's 3 newest successful runs are kept; older ones dropped. */
    public static final int DEFAULT_PERSON_TABLES_KEPT = 3;

    private static final Logger log = LoggerFactory.getLogger(Runs.class);

    private final JdbcClient jdbc;
    private final JobRunner runner;
    private final Populations populations;
    private final RunRecords records;
    private final DuckDbRuns duckDb;
    private final SparkRuns spark;
    private final TransactionTemplate transaction;

    Runs(JdbcClient jdbc, JobRunner runner, Populations populations, RunRecords records, DuckDbRuns duckDb,
            SparkRuns spark, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.runner = runner;
        // on shutdown: what did not finish is marked interrupted at once, not only at the next start
        runner.onStop(this::markInterrupted);
        this.populations = populations;
        this.records = records;
        this.duckDb = duckDb;
        this.spark = spark;
    }

    /** How many of an initiative's newest runs keep their per-person table (tvaers.monitoring.person-tables-kept). */
    public int personTablesKept() {
        return duckDb.personTablesKept();
    }

    /** Whether a Spark target is configured (tvaers.monitoring.spark.*): then a run may be computed there. */
    public boolean sparkEnabled() {
        return spark.enabled();
    }

    /** The configured Spark master, as pages name the target ("yarn", "local[2]"). */
    public String sparkMaster() {
        return spark.master();
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
     * population definition (none saved: its imported inclusion events); the run records the version. On this
     * machine's DuckDB.
     */
    public long start(long initiativeId, int windowDays, Actor actor) {
        return start(initiativeId, windowDays, IndicatorRun.Engine.DUCKDB, actor);
    }

    /** The same on an engine; Spark only when a target is configured ({@link #sparkEnabled}). Always a new run. */
    public long start(long initiativeId, int windowDays, IndicatorRun.Engine engine, Actor actor) {
        if (engine == IndicatorRun.Engine.SPARK && !spark.enabled()) {
            throw new IllegalStateException("no Spark target is configured (tvaers.monitoring.spark.enabled)");
        }
        Long population = populations.current(initiativeId).map(Population::id).orElse(null);
        long id = insert(initiativeId, windowDays, population, engine, actor);
        submit(id);
        return id;
    }

    /** A run asked for: a new one, or ({@code existing}) the same computation already queued, running or done. */
    public record Requested(long id, boolean existing) {
    }

    /**
     * What the analyst's "start" asks for: the run of the initiative's current population over the data now live.
     * On this machine's DuckDB the same run (initiative, window, population version) that is queued or running, or
     * finished on the same data and catalogue version with its per-person table kept, is that run: it gives the
     * same cells, so it is not computed again (a double click or a second analyst cannot fill the queue; ADR 0049).
     * Not while an import waits or runs, whose data the new run would see. On Spark always a new run (its input may
     * lie outside the analytic store).
     */
    public Requested request(long initiativeId, int windowDays, IndicatorRun.Engine engine, Actor actor) {
        if (engine != IndicatorRun.Engine.DUCKDB) {
            return new Requested(start(initiativeId, windowDays, engine, actor), false);
        }
        Requested requested = transaction.execute(status -> {
            // one request per initiative at a time across nodes: two at once would both find nothing and both insert
            jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('monitoring_run'), "
                    + "CAST(:initiative AS integer))) AS locked").param("initiative", initiativeId)
                    .query(Integer.class).single();
            Long population = populations.current(initiativeId).map(Population::id).orElse(null);
            return same(initiativeId, windowDays, population).map(id -> new Requested(id, true))
                    .orElseGet(() -> new Requested(insert(initiativeId, windowDays, population,
                            IndicatorRun.Engine.DUCKDB, actor), false));
        });
        if (!requested.existing()) {
            submit(requested.id());
        }
        return requested;
    }

    /** The newest run that computes what a new one would (see {@link #request}). */
    private Optional<Long> same(long initiativeId, int windowDays, Long population) {
        return jdbc.sql("""
                SELECT r.id FROM monitoring_run r
                WHERE r.initiative_id = :initiative AND r.window_days = :window AND r.engine = 'DUCKDB'
                  AND r.population_id IS NOT DISTINCT FROM CAST(:population AS bigint)
                  AND (r.status IN ('QUEUED', 'RUNNING')
                       OR (r.status = 'SUCCEEDED' AND NOT r.person_table_dropped
                           AND r.definition_version = :definition
                           AND r.data_version = (SELECT max(data_version) FROM monitoring_import
                                                 WHERE status = 'SUCCEEDED')))
                  AND NOT EXISTS (SELECT 1 FROM monitoring_import WHERE status IN ('QUEUED', 'RUNNING'))
                ORDER BY r.id DESC LIMIT 1""")
                .param("initiative", initiativeId).param("window", windowDays).param("population", population)
                .param("definition", dk.tvaers.indicators.IndicatorSql.DEFINITION_VERSION)
                .query(Long.class).optional();
    }

    private long insert(long initiativeId, int windowDays, Long population, IndicatorRun.Engine engine, Actor actor) {
        return jdbc.sql("""
                INSERT INTO monitoring_run (initiative_id, window_days, population_id, by_user_id, by_name, engine)
                VALUES (:initiative, :window, :population, :by, :name, :engine) RETURNING id""")
                .param("initiative", initiativeId).param("window", windowDays).param("population", population)
                .param("by", actor.id()).param("name", actor.name()).param("engine", engine.name())
                .query(Long.class).single();
    }

    private void submit(long id) {
        try {
            runner.submit(() -> execute(id));
        } catch (RuntimeException e) {
            // not queued (shutting down, or not the analytic store's node): the row must not wait for ever
            records.fail(id, "monitoring.job.failed");
            throw e;
        }
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
        return available(SecondarySuppression.apply(stored), fromOmop(runId));
    }

    /** Indicators OMOP CDM data cannot give: it holds no DRG values, GP fees or municipal services (ADR 0046). */
    public static final List<String> NOT_IN_OMOP = List.of("DRG_VALUE", "DRG_VALUE_ACUTE", "MUNICIPAL_COST",
            "GP_COST", "TOTAL_COST");

    /** The stratum value of persons whose sex or social position the data do not hold (OMOP input, ADR 0046). */
    public static final String UNKNOWN = "UNKNOWN";

    /**
     * What a run's data could not show, and its pages and exports leave out with a notice: the indicators OMOP data
     * lack, and the strata no person's value is known of (every value {@link #UNKNOWN}).
     */
    public record Unavailable(boolean omop, List<String> indicators, List<String> strata) {

        public boolean any() {
            return omop || !strata.isEmpty();
        }
    }

    /** Whether the run's data came from an OMOP CDM import (ADR 0046). */
    public boolean fromOmop(long runId) {
        return jdbc.sql("""
                SELECT i.source FROM monitoring_run r
                JOIN monitoring_import i ON i.data_version = r.data_version AND i.status = 'SUCCEEDED'
                WHERE r.id = :id ORDER BY i.id DESC LIMIT 1""").param("id", runId).query(String.class).optional()
                .map("OMOP"::equals).orElse(false);
    }

    /** What the run's pages leave out because its data cannot show it. */
    public Unavailable unavailable(long runId) {
        boolean omop = fromOmop(runId);
        List<IndicatorResult> stored = jdbc.sql("""
                SELECT DISTINCT stratum, stratum_value FROM monitoring_result WHERE run_id = :id""").param("id", runId)
                .query((rs, n) -> new IndicatorResult("", "", "", rs.getString(1), rs.getString(2), true, null, null,
                        null, null, null, false))
                .list();
        return new Unavailable(omop, omop ? NOT_IN_OMOP : List.of(), unknownStrata(stored));
    }

    /** The results without what the data cannot show ({@link Unavailable}); leaving cells out reveals nothing. */
    static List<IndicatorResult> available(List<IndicatorResult> results, boolean omop) {
        List<String> unknown = unknownStrata(results);
        return results.stream().filter(r -> !(omop && NOT_IN_OMOP.contains(r.indicator())))
                .filter(r -> !unknown.contains(r.stratum())).toList();
    }

    /** The strata whose every value is {@link #UNKNOWN}: no person's value is in the data. */
    static List<String> unknownStrata(List<IndicatorResult> results) {
        Set<String> known = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (IndicatorResult r : results) {
            (UNKNOWN.equals(r.stratumValue()) ? unknown : known).add(r.stratum());
        }
        unknown.removeAll(known);
        return dk.tvaers.indicators.IndicatorSql.STRATA.stream().filter(unknown::contains).toList();
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
        // an effect on an indicator the data cannot give (DRG value from OMOP data) is left out like its results
        boolean omop = fromOmop(runId);
        return new Effect.Set((Long) settings[0], (Integer) settings[1],
                effects.stream().filter(e -> !(omop && NOT_IN_OMOP.contains(e.indicator()))).toList());
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
            Population.Rule rule = populations.ofRun(id).map(Population::rule).orElse(null);
            RunQueries.Progress progress = (percent, key) -> records.step(id, percent, key);
            RunOutcome outcome = run.engine() == IndicatorRun.Engine.SPARK ? spark.execute(run, rule, progress)
                    : duckDb.execute(run, rule, progress);
            records.succeed(id, outcome);
            if (outcome.personTableKept()) {
                duckDb.dropOldPersonTables(run.initiativeId());
            }
        } catch (RunOutcome.EmptyPopulation e) {
            log.info("run {} stopped: its target group is empty", id);
            duckDb.dropPersonTable(id);
            records.fail(id, "monitoring.run.error.emptyPopulation");
        } catch (Exception e) {
            log.error("run {} failed", id, e);
            duckDb.dropPersonTable(id);
            records.fail(id, runner.stopping() || e instanceof InterruptedException ? "monitoring.job.interrupted"
                    : e instanceof SparkRuns.SparkJobFailed failed ? failed.stepKey() : "monitoring.job.failed");
        }
    }

    /** Whether the run's per-person table is still in the analytic store. */
    public boolean personTableKept(long runId) {
        return jdbc.sql("SELECT status = 'SUCCEEDED' AND NOT person_table_dropped FROM monitoring_run WHERE id = :id")
                .param("id", runId).query(Boolean.class).optional().orElse(false);
    }

    static IndicatorRun map(ResultSet rs, int row) throws SQLException {
        return new IndicatorRun(rs.getLong("id"), rs.getLong("initiative_id"), JobStatus.valueOf(rs.getString("status")),
                rs.getInt("progress"), rs.getString("step_key"), rs.getInt("window_days"),
                (Integer) rs.getObject("data_version"), rs.getString("definition_version"),
                rs.getString("tariff_years"), rs.getString("by_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                IndicatorRun.Engine.valueOf(rs.getString("engine")), rs.getString("engine_version"));
    }
}
