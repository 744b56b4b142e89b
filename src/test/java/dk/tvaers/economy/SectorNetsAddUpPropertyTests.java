package dk.tvaers.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the lines, the sectors' nets add up to the total, month by month and in the shadow accounts. */
class SectorNetsAddUpPropertyTests {

    private static final YearMonth START = YearMonth.of(2026, 1);

    @Property(tries = 300)
    void perSectorNetsAddUpToTheTotal(@ForAll("lines") List<PlanLine> lines, @ForAll @IntRange(min = 1, max = 10)
            int years, @ForAll @IntRange(min = 0, max = 5_000) int citizens) {
        KeyFigures figures = KeyFigures.of(new Plan(START, years, citizens, 350, lines));
        long[] total = figures.total();
        for (int m = 0; m < total.length; m++) {
            long sum = 0;
            for (EconomySector sector : EconomySector.values()) {
                sum += figures.net().get(sector)[m];
            }
            assertThat(sum).as("month %d", m + 1).isEqualTo(total[m]);
        }
        long accounts = figures.shadowAccounts().stream().mapToLong(KeyFigures.ShadowAccount::netOre).sum();
        assertThat(accounts).isEqualTo(figures.horizonNetOre());
        long steady = figures.steadyStateBySector().values().stream().mapToLong(Long::longValue).sum();
        assertThat(steady).isEqualTo(figures.steadyStateYearNetOre());
        for (var account : figures.shadowAccounts()) {
            assertThat(account.netOre()).isEqualTo(account.gainsOre() - account.paysOre());
        }
    }

    @Provide
    Arbitrary<List<PlanLine>> lines() {
        Arbitrary<PlanLine> line = Combinators.combine(
                Arbitraries.of(LineCategory.class),
                Arbitraries.of(EconomySector.class),
                Arbitraries.of(Effect.class),
                Arbitraries.integers().between(0, 130).map(START::plusMonths),
                Arbitraries.of(AmountBasis.class),
                Arbitraries.longs().between(0, 100_000_000L),
                Arbitraries.integers().between(1, 130).injectNull(0.3))
                .as((category, sector, effect, start, basis, amount, duration) -> new PlanLine(category, sector,
                        effect, "linje", start, basis, amount, duration, ""));
        return line.list().ofMaxSize(12);
    }
}
