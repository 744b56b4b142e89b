package dk.tvaers.monitoring;

import dk.tvaers.indicators.Dialect;
import dk.tvaers.indicators.DuckDbSettings;
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
import java.util.Comparator;
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
        computePersonTable(statement, run, prefix, rule, progress, 0);
    }

    /**
     * The same, with the stays step computed in {@code staySlices} slices of the cohort's persons (0: as many as the
     * memory limit needs, {@link #staySlices}).
     */
    static void computePersonTable(Statement statement, IndicatorRun run, String prefix, Population.Rule rule,
            Progress progress, int staySlices) throws SQLException {
        // the same steps as every engine runs them (the Spark job too)
        var steps = RunSteps.steps(rule == null ? null : rule.cohortRule());
        for (int i = 0; i < steps.size(); i++) {
            progress.step(5 + 80 * i / steps.size(), steps.get(i).stepKey());
            if (steps.get(i).name().equals("stay")) {
                int slices = staySlices > 0 ? staySlices : staySlices(statement, prefix);
                if (slices > 1) {
                    computeStaysInSlices(statement, steps.get(i).template(), prefix, run, slices);
                    continue;
                }
            }
            statement.execute(temporary(sql(steps.get(i).template(), prefix, run), steps.get(i).name()));
        }
    }

    /**
     * Intermediate tables live in memory for this connection only (DuckDB spills them to its temporary directory
     * when they outgrow the memory limit): no writing to the store's file. Only the per-person table is kept. (A
     * storage choice of the runner, not part of the definitions.)
     */
    private static String temporary(String sql, String stepName) {
        return stepName.equals("person") ? sql
                : sql.replaceFirst("CREATE OR REPLACE TABLE", "CREATE OR REPLACE TEMP TABLE");
    }

    /**
     * How many contacts one slice of the stays step may sort per byte of DuckDB's memory limit. The step's two
     * window sorts hold a slice's contacts at once and DuckDB 1.4 does not spill them far enough: at the national
     * size (1.8 million persons in the cohort, 96.6 million of their contacts) the step failed with "out of memory"
     * at limits of 5 and 7 GB, and passed at 5 GB in five slices of about 19 million contacts (bench/README.md,
     * "National size"). One contact per 250 bytes of the limit keeps a slice there.
     */
    static final long STAY_CONTACTS_PER_LIMIT_BYTE_DIVISOR = 250;

    /**
     * The number of slices the stays step needs under the connection's memory limit: the cohort's share of all
     * hospital contacts (by persons; read from the tables' sizes, not by a join) over what one slice may hold. One
     * at every size up to tens of millions of contacts on a machine of 16 GB or more.
     */
    static int staySlices(Statement statement, String prefix) throws SQLException {
        long contacts;
        long cohort;
        long persons;
        try (ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM hospital_contact), "
                + "(SELECT count(DISTINCT person_id) FROM " + prefix + "_cohort), (SELECT count(*) FROM person)")) {
            rs.next();
            contacts = rs.getLong(1);
            cohort = rs.getLong(2);
            persons = Math.max(1, rs.getLong(3));
        }
        long estimate = contacts * Math.min(cohort, persons) / persons;
        long perSlice = Math.max(1_000_000, DuckDbSettings.memoryLimitBytes(statement.getConnection())
                / STAY_CONTACTS_PER_LIMIT_BYTE_DIVISOR);
        return (int) Math.max(1, Math.min(64, (estimate + perSlice - 1) / perSlice));
    }

    /**
     * The stays step for the cohort's persons in slices by their key ({@code pk % slices}): a stay never spans two
     * persons, so the union of the slices' stays is the step's table, row for row. Each slice is the step's own SQL
     * over a view of its part of the cohort.
     */
    private static void computeStaysInSlices(Statement statement, String template, String prefix, IndicatorRun run,
            int slices) throws SQLException {
        var parts = new ArrayList<String>();
        for (int slice = 0; slice < slices; slice++) {
            String part = prefix + "_slice" + slice;
            statement.execute("CREATE OR REPLACE TEMP VIEW " + part + "_cohort AS SELECT * FROM " + prefix
                    + "_cohort WHERE pk % " + slices + " = " + slice);
            statement.execute(temporary(sql(template, part, run), "stay"));
            parts.add("SELECT * FROM " + part + "_stay");
        }
        statement.execute("CREATE OR REPLACE TEMP TABLE " + prefix + "_stay AS " + String.join(" UNION ALL ", parts));
        for (int slice = 0; slice < slices; slice++) {
            statement.execute("DROP TABLE " + prefix + "_slice" + slice + "_stay");
            statement.execute("DROP VIEW " + prefix + "_slice" + slice + "_cohort");
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
        return aggregate(statement, run, prefix, indicators, aggregateByStratum(statement, prefix, indicators));
    }

    /** The one query's order of the rows: group, period, stratum, value, each ascending with nulls last. */
    private static final Comparator<IndicatorResult> AGGREGATE_ORDER = Comparator
            .comparing(IndicatorResult::group, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(IndicatorResult::period, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(IndicatorResult::stratum, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(IndicatorResult::stratumValue, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    /**
     * The same, with one query per stratum when {@code byStratum}: the rows are the one query's, in its order. A
     * group's exact median holds all of the group's values while it is computed, and DuckDB keeps them outside its
     * memory limit; the one query holds every stratum's at once.
     */
    static List<IndicatorResult> aggregate(Statement statement, IndicatorRun run, String prefix,
            List<Indicator> indicators, boolean byStratum) throws SQLException {
        var results = new ArrayList<IndicatorResult>();
        List<List<String>> queries = byStratum ? IndicatorSql.STRATA.stream().map(List::of).toList()
                : List.of(IndicatorSql.STRATA);
        for (List<String> strata : queries) {
            try (ResultSet rs = statement.executeQuery(sql(IndicatorSql.aggregates(indicators, strata), prefix, run))) {
                while (rs.next()) {
                    for (Indicator indicator : indicators) {
                        results.add(result(rs, indicator));
                    }
                }
            }
        }
        if (byStratum) {
            // stable: an aggregate row's indicators keep their order
            results.sort(AGGREGATE_ORDER);
        }
        return SecondarySuppression.apply(results, indicators);
    }

    /**
     * The bytes one value of an exact median takes while it is computed (a double in a list that grows by doubling).
     */
    static final long MEDIAN_BYTES_PER_VALUE = 16;

    /**
     * Whether the aggregates are asked one stratum at a time: when the exact medians of all strata together (every
     * person row once per stratum, once per indicator) would take more than a quarter of DuckDB's memory limit. At
     * the national size (3.6 million person rows, 13 indicators, 7 strata: 5.2 GB of values) the one query took the
     * process from 5.3 to 11.4 GB in its last seconds (bench/README.md, "National size").
     */
    static boolean aggregateByStratum(Statement statement, String prefix, List<Indicator> indicators)
            throws SQLException {
        long rows;
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + prefix + "_person")) {
            rs.next();
            rows = rs.getLong(1);
        }
        return aggregateByStratum(rows, indicators.size(), DuckDbSettings.memoryLimitBytes(statement.getConnection()));
    }

    /** The same for a per-person table of {@code rows} rows, a catalogue and a memory limit in bytes. */
    static boolean aggregateByStratum(long rows, int indicators, long memoryLimitBytes) {
        long values = rows * IndicatorSql.STRATA.size() * indicators;
        return values * MEDIAN_BYTES_PER_VALUE > memoryLimitBytes / 4;
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
