package dk.tvaers.economy;

import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Grant;
import dk.tvaers.funding.LedgerEntry;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.monitoring.IndicatorRun;
import dk.tvaers.monitoring.Runs;
import dk.tvaers.platform.web.TimeFormat;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers an initiative's realised figures: the actual costs its people entered, and through the public services of
 * funding (the ledger of the pools that pay its grants) and monitoring (the aggregates of its newest finished run). No person-level row is read: the run's
 * aggregates are the only source of measured gains, and a suppressed group gives no figure.
 */
@Service
public class RealisedFigures {

    static final String DRG = "DRG_VALUE";
    static final String TOTAL = "TOTAL_COST";
    static final String MUNICIPAL = "MUNICIPAL_COST";
    static final String GP = "GP_COST";

    private final Funding funding;
    private final Runs runs;
    private final ActualCosts actualCosts;

    RealisedFigures(Funding funding, Runs runs, ActualCosts actualCosts) {
        this.funding = funding;
        this.runs = runs;
        this.actualCosts = actualCosts;
    }

    @Transactional(readOnly = true)
    public Realised of(long initiativeId) {
        List<Grant> grants = funding.grantsForInitiative(initiativeId);
        Set<Long> grantIds = grants.stream().map(Grant::id).collect(Collectors.toSet());
        Map<YearMonth, Long> byMonth = new TreeMap<>();
        for (long pool : grants.stream().map(Grant::poolId).distinct().toList()) {
            for (LedgerEntry entry : funding.ledger(pool)) {
                if (entry.kind() == LedgerEntry.Kind.PAID && entry.grantId() != null
                        && grantIds.contains(entry.grantId())) {
                    byMonth.merge(YearMonth.from(entry.recordedAt().atZone(TimeFormat.COPENHAGEN)),
                            entry.amount().ore(), Math::addExact);
                }
            }
        }
        var paid = new ArrayList<Realised.PaidMonth>();
        byMonth.forEach((month, ore) -> paid.add(new Realised.PaidMonth(month, ore)));
        long total = paid.stream().mapToLong(Realised.PaidMonth::ore).sum();
        Realised.Measured measured = runs.latestSucceeded(initiativeId)
                .map(run -> measured(run, runs.results(run.id()))).orElse(null);
        return new Realised(paid, total, actualCosts.all(initiativeId), measured);
    }

    /**
     * The measured gains of a run (see {@link Realised.Measured}), from its overall (stratum ALL) aggregates: per
     * sector when the run holds {@code MUNICIPAL_COST} and {@code GP_COST} (catalogue 4 on), else the region and the
     * other two together.
     */
    static Realised.Measured measured(IndicatorRun run, List<IndicatorResult> results) {
        Map<String, IndicatorResult> overall = results.stream().filter(r -> "ALL".equals(r.stratum()))
                .filter(r -> List.of(DRG, TOTAL, MUNICIPAL, GP).contains(r.indicator()))
                .collect(Collectors.toMap(r -> r.indicator() + "/" + r.group() + "/" + r.period(), r -> r,
                        (a, b) -> a));
        boolean perSector = overall.keySet().stream().anyMatch(k -> k.startsWith(MUNICIPAL + "/"))
                || overall.keySet().stream().anyMatch(k -> k.startsWith(GP + "/"));
        List<String> needed = perSector ? List.of(DRG, MUNICIPAL, GP) : List.of(DRG, TOTAL);
        boolean suppressed = false;
        for (String indicator : needed) {
            for (String group : List.of("TARGET", "COMPARISON")) {
                for (String period : List.of("BEFORE", "AFTER")) {
                    IndicatorResult r = overall.get(indicator + "/" + group + "/" + period);
                    if (r == null || r.suppressed() || r.n() == null || r.n() == 0) {
                        suppressed = true;
                    }
                }
            }
        }
        if (suppressed) {
            return new Realised.Measured(run.id(), run.dataVersion(), run.definitionVersion(), run.tariffYears(),
                    run.finishedAt(), run.windowDays(), true, null, null, null, null, null);
        }
        long citizens = overall.get(DRG + "/TARGET/AFTER").n();
        long region = perYear(fall(overall, DRG), citizens, run.windowDays());
        if (perSector) {
            long municipality = perYear(fall(overall, MUNICIPAL), citizens, run.windowDays());
            long practice = perYear(fall(overall, GP), citizens, run.windowDays());
            return new Realised.Measured(run.id(), run.dataVersion(), run.definitionVersion(), run.tariffYears(),
                    run.finishedAt(), run.windowDays(), false, citizens, region,
                    Math.addExact(municipality, practice), municipality, practice);
        }
        BigDecimal other = fall(overall, TOTAL).subtract(fall(overall, DRG));
        return new Realised.Measured(run.id(), run.dataVersion(), run.definitionVersion(), run.tariffYears(),
                run.finishedAt(), run.windowDays(), false, citizens, region,
                perYear(other, citizens, run.windowDays()), null, null);
    }

    /** The target group's fall per person minus the comparison group's (positive: the initiative saved). */
    private static BigDecimal fall(Map<String, IndicatorResult> overall, String indicator) {
        BigDecimal target = mean(overall.get(indicator + "/TARGET/BEFORE"))
                .subtract(mean(overall.get(indicator + "/TARGET/AFTER")));
        BigDecimal comparison = mean(overall.get(indicator + "/COMPARISON/BEFORE"))
                .subtract(mean(overall.get(indicator + "/COMPARISON/AFTER")));
        return target.subtract(comparison);
    }

    private static BigDecimal mean(IndicatorResult result) {
        return result.total().divide(BigDecimal.valueOf(result.n()), MathContext.DECIMAL128);
    }

    private static long perYear(BigDecimal perPersonAndWindow, long citizens, int windowDays) {
        return perPersonAndWindow.multiply(BigDecimal.valueOf(citizens)).multiply(BigDecimal.valueOf(365))
                .divide(BigDecimal.valueOf(windowDays), 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
