package dk.tvaers.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.monitoring.IndicatorRun;
import dk.tvaers.monitoring.JobStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measured gains per sector from a run's aggregates, hand-worked: 10 citizens in each group and period; per citizen
 * the target group's DRG value falls 100,000 → 60,000 øre and the comparison group's 50,000 → 45,000 (35,000 øre
 * difference in differences), municipal services 20,000 → 10,000 against 10,000 → 10,000 (10,000), GP fees
 * 1,000 → 3,000 against 1,000 → 1,000 (−2,000: a cost that grew). × 10 citizens, a year's window.
 */
class MeasuredGainsTests {

    /** Per indicator: totals of target before, target after, comparison before, comparison after (10 persons each). */
    private static final Map<String, long[]> TOTALS = Map.of(
            "DRG_VALUE", new long[] {1_000_000, 600_000, 500_000, 450_000},
            "MUNICIPAL_COST", new long[] {200_000, 100_000, 100_000, 100_000},
            "GP_COST", new long[] {10_000, 30_000, 10_000, 10_000});

    @Test
    void aRunOfCatalogueFourGivesTheRegionTheMunicipalityAndGeneralPracticeApart() {
        Realised.Measured m = RealisedFigures.measured(run(365), results(true, true));
        assertThat(m.suppressed()).isFalse();
        assertThat(m.perSector()).isTrue();
        assertThat(m.targetCitizens()).isEqualTo(10);
        assertThat(m.regionYearOre()).isEqualTo(350_000);
        assertThat(m.municipalityYearOre()).isEqualTo(100_000);
        assertThat(m.generalPracticeYearOre()).isEqualTo(-20_000);
        assertThat(m.yearOre(EconomySector.MUNICIPALITY)).isEqualTo(100_000);
        assertThat(m.yearOre(EconomySector.CITIZEN)).isNull();
        // the two add up to what was shown together before, and the total is the three sectors
        assertThat(m.municipalityAndPracticeYearOre()).isEqualTo(80_000);
        assertThat(m.totalYearOre()).isEqualTo(430_000);
        // a two-year window: half a year's worth each year
        Realised.Measured twoYears = RealisedFigures.measured(run(730), results(true, true));
        assertThat(List.of(twoYears.regionYearOre(), twoYears.municipalityYearOre(),
                twoYears.generalPracticeYearOre())).containsExactly(175_000L, 50_000L, -10_000L);
    }

    @Test
    void aRunBeforeCatalogueFourGivesMunicipalityAndGeneralPracticeOnlyTogether() {
        Realised.Measured m = RealisedFigures.measured(run(365), results(false, true));
        assertThat(m.suppressed()).isFalse();
        assertThat(m.perSector()).isFalse();
        assertThat(m.regionYearOre()).isEqualTo(350_000);
        assertThat(m.municipalityAndPracticeYearOre()).isEqualTo(80_000);
        assertThat(m.municipalityYearOre()).isNull();
        assertThat(m.generalPracticeYearOre()).isNull();
        assertThat(m.yearOre(EconomySector.MUNICIPALITY)).isNull();
    }

    @Test
    void aSuppressedSectorCellGivesNoFigureAtAll() {
        var results = new ArrayList<>(results(true, true));
        results.replaceAll(r -> r.indicator().equals("GP_COST") && r.group().equals("COMPARISON")
                && r.period().equals("AFTER") ? new IndicatorResult(r.indicator(), r.group(), r.period(), r.stratum(),
                        r.stratumValue(), true, null, null, null, null, null, true) : r);
        Realised.Measured m = RealisedFigures.measured(run(365), results);
        assertThat(m.suppressed()).isTrue();
        assertThat(m.totalYearOre()).isNull();
        assertThat(m.yearOre(EconomySector.REGION)).isNull();
        assertThat(m.perSector()).isFalse();
    }

    private static IndicatorRun run(int window) {
        return new IndicatorRun(77, 1, JobStatus.SUCCEEDED, 100, null, window, 3, "def-3/ind-4/fi-0p/mm-1", "2025",
                "Analytiker", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"));
    }

    /** The overall cells (and a stratum cell that must not count) of DRG_VALUE, TOTAL_COST and, if asked, the parts. */
    private static List<IndicatorResult> results(boolean perSector, boolean withStratum) {
        var results = new ArrayList<IndicatorResult>();
        String[][] cells = {{"TARGET", "BEFORE"}, {"TARGET", "AFTER"}, {"COMPARISON", "BEFORE"},
            {"COMPARISON", "AFTER"}};
        for (int i = 0; i < cells.length; i++) {
            long total = 0;
            for (var entry : TOTALS.entrySet()) {
                total += entry.getValue()[i];
                if (entry.getKey().equals("DRG_VALUE") || perSector) {
                    results.add(cell(entry.getKey(), cells[i][0], cells[i][1], "ALL", entry.getValue()[i]));
                }
            }
            results.add(cell("TOTAL_COST", cells[i][0], cells[i][1], "ALL", total));
            if (withStratum) {
                results.add(cell("DRG_VALUE", cells[i][0], cells[i][1], "SEX", 1));
            }
        }
        return results;
    }

    private static IndicatorResult cell(String indicator, String group, String period, String stratum, long total) {
        return new IndicatorResult(indicator, group, period, stratum, stratum.equals("ALL") ? "ALL" : "F", false, 10L,
                BigDecimal.valueOf(total), null, BigDecimal.valueOf(total / 10), 10L, false);
    }
}
