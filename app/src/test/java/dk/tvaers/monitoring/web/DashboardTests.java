package dk.tvaers.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.monitoring.IndicatorRun;
import dk.tvaers.monitoring.JobStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the dashboard shows of a run made with an earlier indicator catalogue. */
class DashboardTests {

    private static final Locale DA = Locale.of("da");

    @Test
    void aRunOfAnEarlierCatalogueDoesNotShowTheIndicatorsItDidNotComputeAsEmptyGroups() {
        // catalogue 3 had no MUNICIPAL_COST and GP_COST: a run of it holds none of their cells
        var v3 = results(Set.of("MUNICIPAL_COST", "GP_COST"));
        var dashboard = Dashboard.of(run("def-3/ind-3/fi-0p/mm-1"), v3, DA);
        assertThat(costCodes(dashboard)).contains("DRG_VALUE", "TOTAL_COST")
                .doesNotContain("MUNICIPAL_COST", "GP_COST");

        var v4 = results(Set.of());
        assertThat(costCodes(Dashboard.of(run("def-3/ind-4/fi-0p/mm-1"), v4, DA)))
                .contains("DRG_VALUE", "MUNICIPAL_COST", "GP_COST", "TOTAL_COST");
    }

    private static List<String> costCodes(Dashboard dashboard) {
        return dashboard.panels().stream().filter(p -> p.dimension() == Indicator.Dimension.COST).findFirst()
                .orElseThrow().indicators().stream().map(v -> v.indicator().code()).toList();
    }

    private static IndicatorRun run(String definitionVersion) {
        return new IndicatorRun(1, 1, JobStatus.SUCCEEDED, 100, null, 365, 1, definitionVersion, "2025", "Test",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"));
    }

    private static List<IndicatorResult> results(Set<String> missing) {
        var results = new ArrayList<IndicatorResult>();
        for (Indicator indicator : Indicator.catalogue()) {
            if (missing.contains(indicator.code()) || indicator.fromRegistrations()) {
                continue;
            }
            for (String group : List.of("TARGET", "COMPARISON")) {
                for (String period : List.of("BEFORE", "AFTER")) {
                    results.add(new IndicatorResult(indicator.code(), group, period, "ALL", "ALL", false, 20L,
                            BigDecimal.valueOf(400), indicator.statistic() == Indicator.Statistic.RATIO ? 10L : null,
                            BigDecimal.TEN, 8L, false));
                }
            }
        }
        return results;
    }
}
