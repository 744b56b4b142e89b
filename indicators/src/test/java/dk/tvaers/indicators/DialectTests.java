package dk.tvaers.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The few spellings DuckDB and Spark SQL (and PostgreSQL, for the benchmark) do not share. */
class DialectTests {

    private static final String SQL = "SELECT {{days_between(a; b)}}, {{add_days(d; -365)}}, {{add_hours(t; 4)}}, "
            + "{{add_years(p; 65)}}, {{median(CASE WHEN x > 0 THEN x END)}}";

    @Test
    void rendersTheMacrosForDuckDb() {
        assertThat(Dialect.DUCKDB.render(SQL)).isEqualTo("SELECT date_diff('day', a, b), "
                + "CAST(d + INTERVAL (-365) DAY AS DATE), (t + INTERVAL (4) HOUR), CAST(p + INTERVAL (65) YEAR AS DATE), "
                + "quantile_cont(CASE WHEN x > 0 THEN x END, 0.5)");
    }

    @Test
    void rendersTheMacrosForSparkWithDatediffsReversedArgumentsAndAnExactPercentile() {
        assertThat(Dialect.SPARK.render(SQL)).isEqualTo("SELECT datediff(b, a), date_add(d, -365), "
                + "(t + make_interval(0, 0, 0, 0, 4, 0, 0)), add_months(p, 12 * 65), "
                + "percentile(CASE WHEN x > 0 THEN x END, 0.5)");
    }

    private static CohortRule rule(boolean matched) {
        return new CohortRule(java.util.List.of("DJ44", "DI50"), java.util.List.of("751"), 60, 80,
                java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 12, 31), matched ? 2 : null,
                matched ? "education" : null);
    }

    @Test
    void leavesNoMacroInAnyDefinition() {
        for (String sql : new String[] {IndicatorSql.COHORT, IndicatorSql.STAYS, IndicatorSql.ADMISSIONS,
            IndicatorSql.INDEX_ADMISSIONS, IndicatorSql.MULTIMORBIDITY, IndicatorSql.PERSON_PERIODS,
            IndicatorSql.aggregates(Indicator.catalogue()), IndicatorSql.cohortByRule(rule(true)),
            IndicatorSql.cohortByRule(rule(false))}) {
            for (Dialect dialect : Dialect.values()) {
                String filled = sql.replace("${run}", "r").replace("${initiative}", "1").replace("${window}", "365");
                assertThat(dialect.render(filled)).doesNotContain("{{").doesNotContain("}}");
            }
        }
    }

    /**
     * The engine profile's changes (bench/README.md): the aggregate reads the per-person table once, not once per
     * stratum, and stays take their first and last contact from the grouping, not from two more window sorts. Their
     * cells are the fixture's and the planted truth's; this keeps the shape that made them fast.
     */
    @Test
    void theAggregateReadsThePersonTableOnceAndStaysSortTwice() {
        String aggregate = IndicatorSql.aggregates(Indicator.catalogue());
        assertThat(aggregate.split("\\$\\{run}_person", -1)).hasSize(2);
        // previous end and row number in one sort (the same partition and order), the stay number over the row number
        assertThat(IndicatorSql.STAYS.split(" OVER ", -1)).hasSize(4);
        assertThat(IndicatorSql.STAYS).contains("OVER (PARTITION BY pk ORDER BY rn\n")
                .doesNotContain("contact_id").doesNotContain("max(CASE WHEN (dx");
    }

    /**
     * Stays take their first and last contact as the value at the least tuple of keys (bench/README.md, "Engine
     * profile": cheaper than building a sortable text key per contact): DuckDB's arg_min and Spark's min_by over a
     * struct, which both compare field by field; PostgreSQL (the benchmark's baseline) the first of an ordered array.
     */
    @Test
    void rendersMinByAsTheValueAtTheLeastTupleOfKeys() {
        String sql = "{{min_by(d; start_ms; p; -e)}}";
        assertThat(Dialect.DUCKDB.render(sql)).isEqualTo("arg_min(d, row(start_ms, p, -e))");
        assertThat(Dialect.SPARK.render(sql)).isEqualTo("min_by(d, struct(start_ms, p, -e))");
        assertThat(Dialect.POSTGRES.render(sql)).isEqualTo("(array_agg(d ORDER BY start_ms, p, -e))[1]");
        assertThat(Dialect.DUCKDB.render("{{epoch_ms(t)}}")).isEqualTo("epoch_ms(t)");
        assertThat(Dialect.SPARK.render("{{epoch_ms(t)}}"))
                .isEqualTo("timestampdiff(MILLISECOND, TIMESTAMP_NTZ '1970-01-01 00:00:00', t)");
        assertThat(IndicatorSql.STAYS).contains("{{min_by(").doesNotContain("min_text").doesNotContain("sort_ms");
    }

    @Test
    void rendersSortableTimestampKeysThatOrderAsTheTimestamps() {
        assertThat(Dialect.DUCKDB.render("{{sort_ms(t)}}, {{sort_ms_desc(t)}}, {{min_text(k)}}")).isEqualTo(
                "lpad(CAST(epoch_ms(t) + 100000000000000 AS VARCHAR), 15, '0'), "
                        + "lpad(CAST(899999999999999 - epoch_ms(t) AS VARCHAR), 15, '0'), min(k)");
        assertThat(Dialect.SPARK.render("{{sort_ms(t)}}, {{min_text(k)}}")).isEqualTo(
                "lpad(CAST(timestampdiff(MILLISECOND, TIMESTAMP_NTZ '1970-01-01 00:00:00', t) + 100000000000000 AS "
                        + "STRING), 15, '0'), min(k)");
        assertThat(Dialect.POSTGRES.render("{{min_text(k)}}")).isEqualTo("min(k COLLATE \"C\")");
    }
}
