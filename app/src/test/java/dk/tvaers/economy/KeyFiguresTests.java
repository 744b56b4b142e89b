package dk.tvaers.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of a business case against examples worked by hand (every amount in øre). */
class KeyFiguresTests {

    private static final YearMonth START = YearMonth.of(2026, 1);

    /**
     * Three years, 10 citizens:
     * <ul>
     * <li>region invests 120,000 kr. in month 1 (−12,000,000 øre);
     * <li>the municipality pays 1,000 kr. a citizen a month from month 1 (−1,000,000 øre a month);
     * <li>the region gains 2,000 kr. a citizen a month from month 4 (+2,000,000 øre a month, freed capacity);
     * <li>general practice gains 500 kr. a month in the first year (+50,000 øre).
     * </ul>
     * Month 1: −12,950,000; months 2–3: −950,000 each (−14,850,000); months 4–12: +1,050,000 each (−5,400,000 after
     * month 12); from month 13: +1,000,000 a month, so month 17 is −400,000 and month 18 is +600,000: break-even in
     * month 18. Year nets: −5,400,000, 12,000,000, 12,000,000.
     */
    private static final Plan HAND_WORKED = new Plan(START, 3, 10, DiscountRate.STATE_DEFAULT_BASIS_POINTS, List.of(
            line(LineCategory.INVESTMENT, EconomySector.REGION, Effect.CASH, START, AmountBasis.MONTHLY, 12_000_000, 1),
            line(LineCategory.OPERATING, EconomySector.MUNICIPALITY, Effect.CASH, START, AmountBasis.PER_CITIZEN,
                    100_000, null),
            line(LineCategory.GAIN, EconomySector.REGION, Effect.CAPACITY, START.plusMonths(3), AmountBasis.PER_CITIZEN,
                    200_000, null),
            line(LineCategory.GAIN, EconomySector.GENERAL_PRACTICE, Effect.CASH, START, AmountBasis.MONTHLY, 50_000, 12),
            line(LineCategory.GAIN, EconomySector.CITIZEN, Effect.NON_ECONOMIC, START, AmountBasis.MONTHLY, 99_999,
                    null)));

    @Test
    void breakEvenIsTheFirstMonthFromWhichTheCumulativeNetStaysPositive() {
        KeyFigures figures = KeyFigures.of(HAND_WORKED);
        long[] cumulative = figures.cumulativeTotal();
        assertThat(cumulative[0]).isEqualTo(-12_950_000);
        assertThat(cumulative[2]).isEqualTo(-14_850_000);
        assertThat(cumulative[11]).isEqualTo(-5_400_000);
        assertThat(cumulative[16]).isEqualTo(-400_000);
        assertThat(cumulative[17]).isEqualTo(600_000);
        assertThat(figures.breakEvenMonth()).isEqualTo(18);
        assertThat(figures.horizonNetOre()).isEqualTo(18_600_000);
    }

    @Test
    void aDipBelowZeroAfterAPositiveMonthMovesTheBreakEven() {
        // +100 in month 1, −200 in month 2, +300 from month 3: cumulative 100, −100, 200, ... → break-even month 3
        var plan = new Plan(START, 1, 0, 350, List.of(
                line(LineCategory.GAIN, EconomySector.REGION, Effect.CASH, START, AmountBasis.MONTHLY, 100, 1),
                line(LineCategory.OPERATING, EconomySector.REGION, Effect.CASH, START.plusMonths(1),
                        AmountBasis.MONTHLY, 200, 1),
                line(LineCategory.GAIN, EconomySector.REGION, Effect.CASH, START.plusMonths(2), AmountBasis.MONTHLY,
                        300, null)));
        assertThat(KeyFigures.of(plan).breakEvenMonth()).isEqualTo(3);
    }

    @Test
    void anEconomicallyNeutralPlanNeverBreaksEven() {
        var plan = new Plan(START, 2, 0, 350, List.of(
                line(LineCategory.OPERATING, EconomySector.MUNICIPALITY, Effect.CASH, START, AmountBasis.MONTHLY, 500,
                        null),
                line(LineCategory.GAIN, EconomySector.MUNICIPALITY, Effect.CASH, START, AmountBasis.MONTHLY, 500,
                        null)));
        KeyFigures figures = KeyFigures.of(plan);
        assertThat(figures.neutral()).isTrue();
        assertThat(figures.breakEvenMonth()).isNull();
        assertThat(figures.npvOre()).isZero();
    }

    /**
     * −5,400,000 + 12,000,000 / 1.035 + 12,000,000 / 1.035² = −5,400,000 + 11,594,202.8986 + 11,202,128.4044
     * = 17,396,331.3029 øre → 17,396,331 øre.
     */
    @Test
    void netPresentValueWithTheStateRateDiscountsYearOneAndTwo() {
        KeyFigures figures = KeyFigures.of(HAND_WORKED);
        assertThat(figures.npvOre()).isEqualTo(17_396_331);
        assertThat(KeyFigures.npv(new long[] {100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1_035}, 350))
                .as("1,035 øre one year later is worth 1,000 øre today").isEqualTo(1_100);
        assertThat(KeyFigures.npv(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1_000_000}, 0)).isEqualTo(1_000_000);
    }

    @Test
    void netPresentValueRoundsHalfToEvenOnlyAtTheEnd() {
        long[] year = new long[24];
        year[12] = 1; // 1 / 1.035 = 0.966 → 1
        assertThat(KeyFigures.npv(year, 350)).isEqualTo(1);
        year[12] = 3; // 3 / 1.035 = 2.899 → 3; 2 / 1.035 = 1.932 → 2; summed before rounding
        year[0] = -2;
        assertThat(KeyFigures.npv(year, 350)).isEqualTo(1); // −2 + 2.899 = 0.899 → 1
    }

    @Test
    void steadyStateShadowAccountsAndCitizensToBreakEven() {
        KeyFigures figures = KeyFigures.of(HAND_WORKED);
        assertThat(figures.steadyStateYearNetOre()).isEqualTo(12_000_000);
        assertThat(figures.steadyStateBySector()).containsEntry(EconomySector.REGION, 24_000_000L)
                .containsEntry(EconomySector.MUNICIPALITY, -12_000_000L)
                .containsEntry(EconomySector.GENERAL_PRACTICE, 0L);
        assertThat(figures.shadowAccounts()).extracting(KeyFigures.ShadowAccount::sector)
                .containsExactly(EconomySector.REGION, EconomySector.MUNICIPALITY, EconomySector.GENERAL_PRACTICE,
                        EconomySector.CITIZEN);
        var region = figures.shadowAccounts().get(0);
        assertThat(region.paysOre()).isEqualTo(12_000_000);
        assertThat(region.gainsOre()).isEqualTo(66_000_000); // months 4–36
        assertThat(region.netOre()).isEqualTo(54_000_000);
        var municipality = figures.shadowAccounts().get(1);
        assertThat(municipality.paysOre()).isEqualTo(36_000_000);
        assertThat(municipality.netOre()).isEqualTo(-36_000_000);
        assertThat(figures.shadowAccounts().get(2).netOre()).isEqualTo(600_000);
        assertThat(figures.shadowAccounts().get(3).netOre()).as("non-economic: described, not counted").isZero();
        // without citizens −11,400,000; each citizen adds 33 × 200,000 − 36 × 100,000 = 3,000,000: 3 give −2,400,000,
        // 4 give +600,000
        assertThat(figures.citizensToBreakEven()).isEqualTo(4);
    }

    @Test
    void sensitivityScalesEachLinesMonthlyAmountRoundingHalfToEven() {
        assertThat(KeyFigures.scale(1, 75)).isEqualTo(1); // 0.75
        assertThat(KeyFigures.scale(2, 75)).isEqualTo(2); // 1.5 → even
        assertThat(KeyFigures.scale(6, 75)).isEqualTo(4); // 4.5 → even
        assertThat(KeyFigures.scale(10, 125)).isEqualTo(12); // 12.5 → even
        assertThat(KeyFigures.scale(14, 125)).isEqualTo(18); // 17.5 → even
        assertThat(KeyFigures.scale(333, 100)).isEqualTo(333);

        KeyFigures figures = KeyFigures.of(HAND_WORKED);
        var both = figures.sensitivity().get(2);
        assertThat(both.key()).isEqualTo("economy.sensitivity.both");
        // steady year: gains 12 × 1,500,000, costs 12 × 1,250,000 → 3,000,000
        assertThat(both.steadyStateYearNetOre()).isEqualTo(3_000_000);
        var gainsDown = figures.sensitivity().get(0);
        assertThat(gainsDown.steadyStateYearNetOre()).isEqualTo(12 * (1_500_000 - 1_000_000));
    }

    @Test
    void perCitizenAmountsMultiplyByThePlannedCitizens() {
        var plan = new Plan(START, 1, 150, 350, List.of(line(LineCategory.GAIN, EconomySector.REGION, Effect.CASH,
                START, AmountBasis.PER_CITIZEN, 205_601, null)));
        assertThat(KeyFigures.of(plan).steadyStateYearNetOre()).isEqualTo(150L * 205_601 * 12);
    }

    static PlanLine line(LineCategory category, EconomySector sector, Effect effect, YearMonth start,
            AmountBasis basis, long amountOre, Integer duration) {
        return new PlanLine(category, sector, effect, "linje", start, basis, amountOre, duration, "");
    }
}
