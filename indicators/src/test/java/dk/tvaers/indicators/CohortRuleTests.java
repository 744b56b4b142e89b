package dk.tvaers.indicators;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule's values go into SQL text: anything but their exact shapes is refused before any SQL is made. */
class CohortRuleTests {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @Test
    void refusesCodesThatAreNotSksDiagnosesOrMunicipalities() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortRule(List.of("DJ44' OR 1=1 --"), List.of(),
                0, 120, FROM, TO, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortRule(List.of("DJ44"), List.of("751')"),
                0, 120, FROM, TO, null, null));
    }

    @Test
    void refusesAStratumThatIsNotAPersonColumn() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortRule(List.of("DJ44"), List.of(), 0, 120,
                FROM, TO, 2, "education; DROP TABLE person"));
    }

    @Test
    void refusesEmptyOrReversedRanges() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortRule(List.of(), List.of(), 0, 120, FROM, TO,
                null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortRule(List.of("DJ44"), List.of(), 0, 120, TO,
                FROM, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortRule(List.of("DJ44"), List.of(), 70, 60, FROM,
                TO, null, null));
    }

    @Test
    void aRuleWithoutMatchingCarriesNoStratum() {
        CohortRule rule = new CohortRule(List.of("DJ44"), List.of("751"), 60, 80, FROM, TO, null, "education");
        assertThat(rule.matched()).isFalse();
        assertThat(rule.stratumColumn()).isNull();
        assertThat(IndicatorSql.cohortByRule(rule)).contains("h.action_diagnosis LIKE 'DJ44%'").contains("'751'");
    }
}
