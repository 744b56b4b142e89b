package dk.tvaers.monitoring;

import dk.tvaers.indicators.EffectSql;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.IndicatorSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A run on this machine's DuckDB (the analytic store): the per-person table {@code run_<id>_person} stays in the
 * store, the aggregates, effects and monthly series are computed from it; the newest runs of an initiative keep their
 * per-person table ({@code tvaers.monitoring.person-tables-kept}), older ones are dropped.
 */
@Component
class DuckDbRuns {

    private static final Logger log = LoggerFactory.getLogger(DuckDbRuns.class);

    private final AnalyticStore store;
    private final JdbcClient jdbc;
    private final int personTablesKept;

    DuckDbRuns(AnalyticStore store, JdbcClient jdbc,
            @Value("${tvaers.monitoring.person-tables-kept:" + Runs.DEFAULT_PERSON_TABLES_KEPT + "}")
            int personTablesKept) {
        this.store = store;
        this.jdbc = jdbc;
        this.personTablesKept = Math.max(1, personTablesKept);
    }

    int personTablesKept() {
        return personTablesKept;
    }

    RunOutcome execute(IndicatorRun run, Population.Rule rule, RunQueries.Progress progress) throws Exception {
        progress.step(2, "monitoring.run.step.codes");
        String prefix = "run_" + run.id();
        List<Indicator> indicators = Indicator.catalogue();
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            int dataVersion = dataVersion(statement);
            RunQueries.loadCodeLists(statement);
            RunQueries.computePersonTable(statement, run, prefix, rule, progress);
            if (RunQueries.targetPersons(statement, prefix) == 0) {
                // an empty population is no result of "< 5" everywhere: the run stops and says why
                throw new RunOutcome.EmptyPopulation();
            }
            progress.step(88, "monitoring.run.step.aggregates");
            var tariffYears = new ArrayList<String>();
            try (ResultSet rs = statement.executeQuery(RunQueries.sql(IndicatorSql.TARIFF_YEARS, prefix, run))) {
                while (rs.next()) {
                    tariffYears.add(rs.getString(1));
                }
            }
            List<IndicatorResult> results = RunQueries.aggregate(statement, run, prefix, indicators);
            progress.step(92, "monitoring.run.step.effects");
            long seed = run.id();
            var effects = RunQueries.effects(statement, run, prefix, indicators, results,
                    rule == null || !rule.cohortRule().matched() ? null : rule.cohortRule().stratumColumn(), seed,
                    EffectSql.REPLICATES);
            var series = RunQueries.hideWithGroup(RunQueries.series(statement, run, prefix), results);
            for (String table : List.of("cohort", "stay", "admission", "index", "multimorbidity")) {
                statement.execute("DROP TABLE IF EXISTS " + prefix + "_" + table);
            }
            return new RunOutcome(results, effects, series, dataVersion, IndicatorSql.DEFINITION_VERSION,
                    tariffYears, seed, EffectSql.REPLICATES, IndicatorRun.Engine.DUCKDB, version(statement), true);
        }
    }

    /** DuckDB's own version, as the run records it ("DuckDB v1.5.6"). */
    private static String version(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT version()")) {
            rs.next();
            return "DuckDB " + rs.getString(1);
        }
    }

    /** The version of the data now live in the analytic store. */
    static int dataVersion(Statement statement) {
        try (ResultSet rs = statement.executeQuery("SELECT version FROM data_version")) {
            if (!rs.next()) {
                throw new IllegalStateException("nothing imported yet");
            }
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("nothing imported yet", e);
        }
    }

    /**
     * Housekeeping after a run succeeded: only the newest {@link #personTablesKept()} successful runs of an
     * initiative keep their per-person table in the analytic store; older ones are dropped and their runs marked so
     * (their aggregates in PostgreSQL stay).
     */
    void dropOldPersonTables(long initiativeId) throws SQLException {
        List<Long> old = jdbc.sql("""
                SELECT id FROM monitoring_run WHERE initiative_id = :initiative AND status = 'SUCCEEDED'
                  AND NOT person_table_dropped
                  AND id NOT IN (SELECT id FROM monitoring_run WHERE initiative_id = :initiative
                                 AND status = 'SUCCEEDED' AND NOT person_table_dropped ORDER BY id DESC LIMIT :kept)""")
                .param("initiative", initiativeId).param("kept", personTablesKept).query(Long.class).list();
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            for (long runId : old) {
                statement.execute("DROP TABLE IF EXISTS run_" + runId + "_person");
                jdbc.sql("UPDATE monitoring_run SET person_table_dropped = true WHERE id = :id").param("id", runId)
                        .update();
            }
        }
    }

    /** Drops a failed or stopped run's per-person table (it holds person-level rows). */
    void dropPersonTable(long id) {
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS run_" + id + "_person");
        } catch (SQLException e) {
            log.warn("could not drop the per-person table of run {}", id, e);
        }
    }
}
