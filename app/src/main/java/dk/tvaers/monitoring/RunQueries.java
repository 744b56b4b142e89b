package dk.tvaers.monitoring;

import dk.tvaers.indicators.Dialect;
import dk.tvaers.indicators.EffectSql;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.IndicatorSql;
import dk.tvaers.indicators.RunSteps;
import dk.tvaers.indicators.SecondarySuppression;
import dk.tvaers.indicators.SeriesSql;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's queries on DuckDB (the analytic store, or a DuckDB file of the benchmark): the steps of {@link RunSteps}
 * up to the per-person table, the aggregates, effects and monthly series over it, and the reading of their rows. No
 * state; {@link DuckDbRuns} runs them as a job, {@link StandaloneEngine} without the application.
 */
final class RunQueries {

    private RunQueries() {}

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

    static long targetPersons(Statement statement, String prefix) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + prefix
                + "_cohort WHERE cohort_group = 'TARGET'")) {
            rs.next();
            return rs.getLong(1);
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
    static String sql(Dialect dialect, String template, String prefix, IndicatorRun run) {
        return dialect.render(template.replace("${run}", prefix)
                .replace("${initiative}", String.valueOf(run.initiativeId()))
                .replace("${window}", String.valueOf(run.windowDays())));
    }

    /** The versioned code lists, from the application's resources into the analytic store. */
    static void loadCodeLists(Statement statement) throws SQLException, IOException {
        load(statement, "code_preventable", "/monitoring/preventable-admissions-v0-provisional.csv", false);
        load(statement, "code_chronic", "/monitoring/chronic-conditions-v1.csv", false);
    }

    /** A code list into a table (temporary: the connection's own, e.g. {@link AnalyticCitizenStrata}'s). */
    static void load(Statement statement, String table, String resource, boolean temporary)
            throws SQLException, IOException {
        statement.execute("CREATE OR REPLACE " + (temporary ? "TEMP " : "") + "TABLE " + table
                + " (prefix VARCHAR, condition VARCHAR)");
        try (InputStream in = RunQueries.class.getResourceAsStream(resource)) {
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
}
