package dk.tvaers.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.CohortRule;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.SyntheticData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same cells on both engines: the planted-truth generator's population and the edge fixtures of the application
 * (app/src/test/resources/monitoring/fixture*) through DuckDB and through Spark local[2], every cell compared
 * statistic by statistic (suppressed or not, n, total, denominator, median, persons with an event).
 */
class SameCellsTests {

    private static final Path FIXTURES = Path.of("../app/src/test/resources/monitoring");

    private static SparkSession spark;

    @TempDir
    static Path work;

    @BeforeAll
    static void startSpark() {
        spark = IndicatorJob.session(SparkSession.builder().master("local[2]").appName("same-cells")
                .config("spark.sql.shuffle.partitions", "2")
                // small data: compiling whole-stage code and re-planning cost more than they save
                .config("spark.sql.codegen.wholeStage", "false")
                .config("spark.sql.adaptive.enabled", "false"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void plantedPopulationGivesTheSameCells() throws Exception {
        Path csv = work.resolve("planted-csv");
        SyntheticData.write(SyntheticData.Options.of(2000, 16), csv);
        var cells = compare(csv, work.resolve("planted"), SyntheticData.DEFAULT_INITIATIVE, 365, null);
        // the planted effect is there (not an empty comparison): high-risk targets' acute contacts, 4 → 1.5
        var highRiskBefore = cells.get("ACUTE_CONTACTS TARGET BEFORE SUBGROUP HIGH_RISK");
        var highRiskAfter = cells.get("ACUTE_CONTACTS TARGET AFTER SUBGROUP HIGH_RISK");
        assertThat(highRiskBefore.median()).isEqualByComparingTo("4");
        assertThat(highRiskAfter.median()).isLessThan(highRiskBefore.median());
        // ... and on the costs per sector of catalogue v4: municipal services fall, GP fees rise (øre per citizen)
        assertThat(cells.get("MUNICIPAL_COST TARGET BEFORE SUBGROUP HIGH_RISK").median()).isEqualByComparingTo("2080000");
        assertThat(cells.get("MUNICIPAL_COST TARGET AFTER SUBGROUP HIGH_RISK").median()).isEqualByComparingTo("780000");
        assertThat(cells.get("GP_COST TARGET BEFORE SUBGROUP HIGH_RISK").median()).isEqualByComparingTo("60000");
        assertThat(cells.get("GP_COST TARGET AFTER SUBGROUP HIGH_RISK").median()).isEqualByComparingTo("150000");
    }

    @Test
    void definitionsFixtureGivesTheSameCells() throws Exception {
        compare(FIXTURES.resolve("fixture"), work.resolve("fixture"), 9, 365, null);
    }

    @Test
    void populationsByRuleGiveTheSameCells() throws Exception {
        for (Integer k : new Integer[] {null, 2}) {
            var rule = new CohortRule(List.of("DJ44"), List.of("751"), 60, 80, LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31), k, k == null ? null : "education");
            compare(FIXTURES.resolve("fixture-rule"), work.resolve("fixture-rule-" + k), 1, 365, rule);
        }
    }

    /** Runs both engines and compares every cell; returns DuckDB's cells by key. */
    private static Map<String, IndicatorResult> compare(Path csv, Path parquet, long initiative, int window,
            CohortRule rule) throws Exception {
        IndicatorJob.Outcome duck;
        try (Connection connection = DuckDbEngine.load(csv, parquet)) {
            duck = DuckDbEngine.run(connection, initiative, window, rule);
        }
        var options = new IndicatorJob.Options(parquet, parquet.resolve("out"), initiative, window, "parquet", null,
                rule);
        IndicatorJob.Outcome onSpark = IndicatorJob.run(spark, options, (p, k) -> {});

        // every statistic of every aggregate row before suppression (small fixtures: most cells are under 5)
        Map<String, Map<String, Object>> rawA = rowsByKey(duck.rows());
        Map<String, Map<String, Object>> rawB = rowsByKey(onSpark.rows());
        assertThat(rawB.keySet()).containsExactlyElementsOf(rawA.keySet());
        assertThat(rawA).as("aggregate rows").isNotEmpty();
        var rawDifferences = new ArrayList<String>();
        for (var row : rawA.entrySet()) {
            var other = rawB.get(row.getKey());
            assertThat(other.keySet()).as("columns").containsExactlyInAnyOrderElementsOf(row.getValue().keySet());
            for (var column : row.getValue().entrySet()) {
                if (!sameValue(column.getValue(), other.get(column.getKey()))) {
                    rawDifferences.add(row.getKey() + " " + column.getKey() + ": DuckDB " + column.getValue()
                            + " / Spark " + other.get(column.getKey()));
                }
            }
        }
        assertThat(rawDifferences).as("statistics that differ").isEmpty();
        assertThat(rawA.get("TARGET BEFORE ALL ALL").get("n_acute_contacts")).as("the target group is there")
                .isNotEqualTo(0L);

        // and what leaves the engines: the suppressed results
        Map<String, IndicatorResult> a = byKey(duck.results());
        Map<String, IndicatorResult> b = byKey(onSpark.results());
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        var differences = new ArrayList<String>();
        for (var entry : a.entrySet()) {
            IndicatorResult x = entry.getValue();
            IndicatorResult y = b.get(entry.getKey());
            if (x.suppressed() != y.suppressed() || x.secondary() != y.secondary()
                    || !java.util.Objects.equals(x.n(), y.n())
                    || !java.util.Objects.equals(x.denominator(), y.denominator())
                    || !java.util.Objects.equals(x.withEvent(), y.withEvent())
                    || !same(x.total(), y.total()) || !same(x.median(), y.median())) {
                differences.add(entry.getKey() + ": DuckDB " + x + " / Spark " + y);
            }
        }
        assertThat(differences).as("cells that differ").isEmpty();
        return a;
    }

    private static Map<String, Map<String, Object>> rowsByKey(List<Map<String, Object>> rows) {
        var map = new TreeMap<String, Map<String, Object>>();
        for (var row : rows) {
            String key = row.get("cohort_group") + " " + row.get("period") + " " + row.get("stratum") + " "
                    + row.get("stratum_value");
            assertThat(map.put(key, row)).as("one row per key: " + key).isNull();
        }
        return map;
    }

    /** Equal text, or equal numbers whatever their Java type (DuckDB's HUGEINT sums, Spark's longs). */
    private static boolean sameValue(Object x, Object y) {
        if (x instanceof Number && y instanceof Number) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return java.util.Objects.equals(x, y);
    }

    private static boolean same(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }

    private static Map<String, IndicatorResult> byKey(List<IndicatorResult> results) {
        var map = new TreeMap<String, IndicatorResult>();
        for (IndicatorResult r : results) {
            String key = r.indicator() + " " + r.group() + " " + r.period() + " " + r.stratum() + " " + r.stratumValue();
            assertThat(map.put(key, r)).as("one cell per key: " + key).isNull();
        }
        return map;
    }
}
