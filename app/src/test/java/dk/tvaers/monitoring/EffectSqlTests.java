package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.tvaers.indicators.EffectSql;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The effect SQL on a hand-made per-person table: the difference-in-differences, the matched estimate (weighted by
 * the target group's persons per matching cell, which differs from the pooled one when the comparison group's
 * composition differs), the bootstrap's determinism for a seed, and hiding when an input cell is hidden.
 */
class EffectSqlTests {

    private static final IndicatorRun RUN = new IndicatorRun(1, 1, JobStatus.RUNNING, 0, null, 365, 1, null, null,
            "test", null, null);

    /** person, group, cell (education), acute contacts before, after. */
    private static final Object[][] PERSONS = {
        {"T1", "TARGET", "BASIC", 4, 2}, // cell BASIC: target −2, comparison +3 → −5
        {"C1", "COMPARISON", "BASIC", 1, 4},
        {"T2", "TARGET", "HIGHER", 3, 2}, // cell HIGHER: targets −1, comparison 0 → −1
        {"T3", "TARGET", "HIGHER", 2, 1},
        {"C2", "COMPARISON", "HIGHER", 2, 2},
        {"C3", "COMPARISON", "HIGHER", 0, 0},
        {"C4", "COMPARISON", "HIGHER", 5, 5},
    };

    @Test
    void differenceInDifferencesPooledAndMatched() throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            load(s);
            var indicators = Indicator.catalogue();
            // pooled: target (−2 −1 −1) / 3 = −4/3, comparison (3 + 0 + 0 + 0) / 4 = 0.75
            var pooled = RunQueries.effects(s, RUN, "run_1", indicators, shownResults(), null, 11, 200);
            assertThat(effect(pooled, "ACUTE_CONTACTS").estimate().doubleValue()).isCloseTo(-4.0 / 3 - 0.75,
                    within(1e-6));
            assertThat(effect(pooled, "ACUTE_CONTACTS").matched()).isFalse();
            // matched: cells weighted by their target persons, (1 · (−5) + 2 · (−1)) / 3 = −7/3
            var matched = RunQueries.effects(s, RUN, "run_1", indicators, shownResults(), "education", 11, 200);
            assertThat(effect(matched, "ACUTE_CONTACTS").estimate().doubleValue()).isCloseTo(-7.0 / 3, within(1e-6));
            assertThat(effect(matched, "ACUTE_CONTACTS").matched()).isTrue();
            // the same seed gives the same interval; another seed another one
            var again = RunQueries.effects(s, RUN, "run_1", indicators, shownResults(), null, 11, 200);
            assertThat(effect(again, "ACUTE_CONTACTS")).isEqualTo(effect(pooled, "ACUTE_CONTACTS"));
            var intervals = new java.util.HashSet<String>();
            for (long seed = 11; seed < 16; seed++) {
                var e = effect(RunQueries.effects(s, RUN, "run_1", indicators, shownResults(), null, seed, 200),
                        "ACUTE_CONTACTS");
                intervals.add(e.lower() + "/" + e.upper());
            }
            assertThat(intervals).as("intervals of seeds 11-15").hasSizeGreaterThan(1);
            var e = effect(pooled, "ACUTE_CONTACTS");
            assertThat(e.lower()).isLessThanOrEqualTo(e.estimate());
            assertThat(e.upper()).isGreaterThanOrEqualTo(e.estimate());
            // mortality means something only after inclusion: the difference after (nobody died: 0)
            assertThat(effect(pooled, "MORTALITY").kind()).isEqualTo(EffectSql.Kind.DIFFERENCE_AFTER);
            assertThat(effect(pooled, "MORTALITY").estimate()).isEqualByComparingTo("0");
            // a hidden input cell hides the effect: with three means shown it would give the fourth away
            var hidden = new ArrayList<>(shownResults());
            hidden.replaceAll(r -> r.indicator().equals("ACUTE_CONTACTS") && r.group().equals("COMPARISON")
                    && r.period().equals("AFTER") ? r.hiddenAsComplement() : r);
            var withHidden = RunQueries.effects(s, RUN, "run_1", indicators, hidden, null, 11, 200);
            assertThat(effect(withHidden, "ACUTE_CONTACTS").suppressed()).isTrue();
            assertThat(effect(withHidden, "ACUTE_CONTACTS").estimate()).isNull();
            // nobody answered a score: no estimate, hidden
            assertThat(effect(pooled, "PRO_EQ5D_INDEX").suppressed()).isTrue();
        }
    }

    private static Effect effect(List<Effect> effects, String indicator) {
        return effects.stream().filter(e -> e.indicator().equals(indicator)).findFirst().orElseThrow();
    }

    /** Every whole-group cell shown (the effect's inputs), with n and a non-zero total. */
    private static List<IndicatorResult> shownResults() {
        var results = new ArrayList<IndicatorResult>();
        for (Indicator indicator : Indicator.catalogue()) {
            for (String group : List.of("TARGET", "COMPARISON")) {
                for (String period : List.of("BEFORE", "AFTER")) {
                    results.add(new IndicatorResult(indicator.code(), group, period, "ALL", "ALL", false, 5L,
                            java.math.BigDecimal.ONE, null, null, 1L));
                }
            }
        }
        return results;
    }

    private static void load(Statement s) throws Exception {
        var columns = new ArrayList<String>();
        for (Indicator indicator : Indicator.catalogue()) {
            columns.add(indicator.column() + (indicator.statistic() == Indicator.Statistic.SCORE ? " BIGINT" : " BIGINT"));
        }
        s.execute("CREATE TABLE run_1_person (person_id VARCHAR, cohort_group VARCHAR, period VARCHAR, "
                + "aged_65 INTEGER, index_admissions BIGINT, " + String.join(", ", columns) + ")");
        s.execute("CREATE TABLE run_1_cohort (person_id VARCHAR, sex VARCHAR, birth_date DATE, education VARCHAR)");
        for (Object[] p : PERSONS) {
            s.execute("INSERT INTO run_1_cohort VALUES ('" + p[0] + "', 'F', DATE '1950-03-01', '" + p[2] + "')");
            for (var period : Map.of("BEFORE", p[3], "AFTER", p[4]).entrySet()) {
                var values = new ArrayList<String>();
                for (Indicator indicator : Indicator.catalogue()) {
                    values.add(indicator.code().equals("ACUTE_CONTACTS") ? String.valueOf(period.getValue())
                            : indicator.statistic() == Indicator.Statistic.SCORE ? "NULL" : "0");
                }
                s.execute("INSERT INTO run_1_person VALUES ('" + p[0] + "', '" + p[1] + "', '" + period.getKey()
                        + "', 1, 1, " + String.join(", ", values) + ")");
            }
        }
    }
}
