package dk.tvaers.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The steps both engines run, their parameters and the reading of aggregate rows (ADR 0031). */
class RunStepsTests {

    @Test
    void stepsAreTheRunsTablesInOrderAndTheRuleReplacesTheInclusions() {
        assertThat(RunSteps.steps(null)).extracting(RunSteps.Step::name)
                .containsExactly("cohort", "stay", "admission", "index", "multimorbidity", "person");
        assertThat(RunSteps.steps(null).getFirst().template()).isEqualTo(IndicatorSql.COHORT);
        var rule = new CohortRule(List.of("DJ44"), List.of(), 60, 80, java.time.LocalDate.of(2024, 1, 1),
                java.time.LocalDate.of(2024, 12, 31), null, null);
        assertThat(RunSteps.steps(rule).getFirst().template()).isEqualTo(IndicatorSql.cohortByRule(rule));
    }

    @Test
    void parametersAreFilledInAndMacrosRenderedPerDialect() {
        String spark = RunSteps.sql(Dialect.SPARK, IndicatorSql.PERSON_PERIODS, "run_7", 3, 180);
        assertThat(spark).contains("CREATE OR REPLACE TABLE run_7_person").contains("date_add(k.index_date, -180)")
                .doesNotContain("${").doesNotContain("{{");
        assertThat(RunSteps.sql(Dialect.DUCKDB, IndicatorSql.COHORT, "run_7", 3, 180))
                .contains("WHERE i.initiative_id = 3");
    }

    @Test
    void codeListsAreReadFromTheResources() {
        assertThat(RunSteps.codeList("code_chronic")).isNotEmpty().allMatch(r -> r.length == 2);
        assertThat(RunSteps.codeListStatements(false)).first().asString()
                .isEqualTo("CREATE TABLE code_chronic (prefix VARCHAR, condition VARCHAR)");
    }

    @Test
    void aGroupUnderFiveLeavesWithoutFiguresAndNumbersOfEitherEngineRead() {
        Indicator contacts = Indicator.catalogue().stream().filter(i -> i.code().equals("ACUTE_CONTACTS"))
                .findFirst().orElseThrow();
        Map<String, Object> row = new HashMap<>();
        row.put("cohort_group", "TARGET");
        row.put("period", "AFTER");
        row.put("stratum", "ALL");
        row.put("stratum_value", "ALL");
        row.put("n_acute_contacts", 4L);
        row.put("with_acute_contacts", 2L);
        row.put("total_acute_contacts", new java.math.BigInteger("9"));
        row.put("median_acute_contacts", 2.5d);
        assertThat(RunSteps.result(RunSteps.row(row), contacts).suppressed()).isTrue();
        row.put("n_acute_contacts", 6L);
        IndicatorResult shown = RunSteps.result(RunSteps.row(row), contacts);
        assertThat(shown.suppressed()).isFalse();
        assertThat(shown.total()).isEqualByComparingTo(BigDecimal.valueOf(9));
        assertThat(shown.median()).isEqualByComparingTo("2.5");
    }
}
