package dk.tvaers.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A run of the indicator set as every engine performs it: the steps in order (each creates table
 * {@code <prefix>_<name>}), the run's parameters filled in, the code-list tables, and the aggregate rows read into
 * {@link IndicatorResult}s with primary and secondary suppression. The application on DuckDB ({@code Runs}) and the
 * Spark job run exactly these steps.
 */
public final class RunSteps {

    /** One step: the table it makes ({@code <prefix>_<name>}), its SQL template and the message key of its progress. */
    public record Step(String name, String template, String stepKey) {}

    /** The code-list tables (columns {@code prefix, condition}) and the resources they are read from. */
    public static final Map<String, String> CODE_LISTS = Map.of(
            "code_preventable", "/monitoring/preventable-admissions-v0-provisional.csv",
            "code_chronic", "/monitoring/chronic-conditions-v1.csv");

    private RunSteps() {}

    /** The steps of a run: the cohort (imported inclusions, or by the rule when not null), then the rest. */
    public static List<Step> steps(CohortRule rule) {
        return List.of(
                new Step("cohort", rule == null ? IndicatorSql.COHORT : IndicatorSql.cohortByRule(rule),
                        "monitoring.run.step.cohort"),
                new Step("stay", IndicatorSql.STAYS, "monitoring.run.step.stays"),
                new Step("admission", IndicatorSql.ADMISSIONS, "monitoring.run.step.admissions"),
                new Step("index", IndicatorSql.INDEX_ADMISSIONS, "monitoring.run.step.readmissions"),
                new Step("multimorbidity", IndicatorSql.MULTIMORBIDITY, "monitoring.run.step.multimorbidity"),
                new Step("person", IndicatorSql.PERSON_PERIODS, "monitoring.run.step.persons"));
    }

    /** A template with the run's parameters filled in and rendered for the dialect. */
    public static String sql(Dialect dialect, String template, String prefix, long initiative, int windowDays) {
        return dialect.render(template.replace("${run}", prefix)
                .replace("${initiative}", String.valueOf(initiative))
                .replace("${window}", String.valueOf(windowDays)));
    }

    /** The rows {prefix, condition} of a code-list table (one of {@link #CODE_LISTS}). */
    public static List<String[]> codeList(String table) {
        String resource = CODE_LISTS.get(table);
        if (resource == null) {
            throw new IllegalArgumentException("no code list " + table);
        }
        try (InputStream in = RunSteps.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            var rows = new ArrayList<String[]>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].strip().split(",", 2));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code-list tables as statements any SQL engine takes (CREATE TABLE, INSERT). */
    public static List<String> codeListStatements(boolean orReplace) {
        var statements = new ArrayList<String>();
        for (String table : new java.util.TreeSet<>(CODE_LISTS.keySet())) {
            statements.add((orReplace ? "CREATE OR REPLACE TABLE " : "CREATE TABLE ") + table
                    + " (prefix VARCHAR, condition VARCHAR)");
            for (String[] row : codeList(table)) {
                statements.add("INSERT INTO " + table + " VALUES ('" + row[0].replace("'", "''") + "', '"
                        + row[1].replace("'", "''") + "')");
            }
        }
        return statements;
    }

    /**
     * One indicator's result from an aggregate row ({@link IndicatorSql#aggregates}), the row's columns read by
     * name; a group under 5 (or a score under 5 answers) comes back without figures.
     */
    public static IndicatorResult result(Function<String, Object> row, Indicator indicator) {
        String x = indicator.column();
        long n = number(row.apply("n_" + x)).longValue();
        String group = (String) row.apply("cohort_group");
        String period = (String) row.apply("period");
        String stratum = (String) row.apply("stratum");
        String value = (String) row.apply("stratum_value");
        boolean score = indicator.statistic() == Indicator.Statistic.SCORE;
        long with = number(row.apply("with_" + x)).longValue();
        if (IndicatorResult.primaryHidden(n, with, score)) {
            return IndicatorResult.primary(indicator.code(), group, period, stratum, value);
        }
        Long denominator = indicator.statistic() == Indicator.Statistic.RATIO || score
                ? number(row.apply("denominator_" + x)).longValue() : null;
        Object total = row.apply("total_" + x);
        Object median = row.apply("median_" + x);
        // nobody answered: no total and no median, only the share answering (0)
        return new IndicatorResult(indicator.code(), group, period, stratum, value, false, n,
                total == null ? BigDecimal.ZERO : decimal(total), denominator,
                median == null ? null : decimal(median), with);
    }

    /** Every indicator's result of every aggregate row, then secondary suppression: what may leave an engine. */
    public static List<IndicatorResult> results(List<Function<String, Object>> rows, List<Indicator> indicators) {
        var results = new ArrayList<IndicatorResult>();
        for (Function<String, Object> row : rows) {
            for (Indicator indicator : indicators) {
                results.add(result(row, indicator));
            }
        }
        return SecondarySuppression.apply(results, indicators);
    }

    /** A row of named values (as a map) for {@link #result}. */
    public static Function<String, Object> row(Map<String, Object> values) {
        var copy = new LinkedHashMap<>(values);
        return name -> {
            if (!copy.containsKey(name)) {
                throw new IllegalArgumentException("no column " + name);
            }
            return copy.get(name);
        };
    }

    private static Number number(Object value) {
        return value == null ? 0L : (Number) value;
    }

    private static BigDecimal decimal(Object value) {
        // through the text, as JDBC's getString gives it: a double's shortest representation, a decimal's scale
        return new BigDecimal(value.toString());
    }
}
