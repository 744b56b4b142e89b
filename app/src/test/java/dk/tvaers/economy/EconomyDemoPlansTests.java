package dk.tvaers.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The demo business cases reproduce the published figures they are reconstructed from. */
class EconomyDemoPlansTests {

    @Test
    void viosKlinikkenIsPositiveAfter25MonthsAndSaves37MillionAYearFromTheThirdYearAt150Citizens() {
        Plan plan = EconomyDemoData.viosKlinikken(YearMonth.of(2027, 1));
        KeyFigures figures = KeyFigures.of(plan);
        assertThat(plan.plannedCitizens()).isEqualTo(150);
        assertThat(figures.breakEvenMonth()).isEqualTo(25);
        assertThat(figures.cumulativeTotal()[23]).isEqualTo(-14_380_000L); // −143,800 kr. after month 24
        assertThat(figures.cumulativeTotal()[24]).isEqualTo(16_460_000L); // +164,600 kr. after month 25
        long thirdYear = 0;
        for (int m = 24; m < 36; m++) {
            thirdYear += figures.total()[m];
        }
        assertThat(thirdYear).as("3,700,800 kr., the published 3.7 mio. kr.").isEqualTo(370_080_000L);
        assertThat(figures.steadyStateYearNetOre()).isEqualTo(370_080_000L);
        assertThat(figures.shadowAccounts()).extracting(KeyFigures.ShadowAccount::sector).containsExactly(
                EconomySector.REGION, EconomySector.MUNICIPALITY, EconomySector.GENERAL_PRACTICE, EconomySector.CITIZEN);
    }

    @Test
    void viSamlerKraefterneIsEconomicallyNeutral() {
        KeyFigures figures = KeyFigures.of(EconomyDemoData.viSamlerKraefterne(YearMonth.of(2027, 1)));
        assertThat(figures.neutral()).isTrue();
        assertThat(figures.npvOre()).isZero();
        assertThat(figures.breakEvenMonth()).isNull();
        assertThat(figures.shadowAccounts().getFirst().paysOre()).isEqualTo(36 * 25_000_000L);
    }
}
