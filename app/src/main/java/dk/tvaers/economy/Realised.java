package dk.tvaers.economy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * What has happened, next to the plan. Costs: the grants paid to the initiative, from funding's ledger (each paid
 * tranche in its month; reversals subtract), borne by the region whose pool paid them. Gains: measured by the
 * initiative's newest Triple Aim run (aggregates only), or none.
 */
public record Realised(List<PaidMonth> paid, long paidTotalOre, Measured measured) {

    /** The paid grant money of one calendar month, in øre. */
    public record PaidMonth(YearMonth month, long ore) {}

    /**
     * The gains a run measured, per year for the included citizens: the fall in DRG value of hospital contacts
     * (the region) and in municipal services and GP fees together (TOTAL_COST − DRG_VALUE), each in the target
     * group minus the fall in the comparison group (difference in differences), × the included citizens, scaled from
     * the run's window to a year. {@code suppressed} when a group the figure needs has fewer than 5 persons: then no
     * figure is given.
     */
    public record Measured(long runId, Integer dataVersion, String definitionVersion, String tariffYears,
            Instant finishedAt, int windowDays, boolean suppressed, Long targetCitizens, Long regionYearOre,
            Long municipalityAndPracticeYearOre) {

        public Long totalYearOre() {
            return suppressed || regionYearOre == null ? null : regionYearOre + municipalityAndPracticeYearOre;
        }
    }

    /** Whether anything is realised: a paid tranche or a measured gain. */
    public boolean any() {
        return !paid.isEmpty() || (measured != null && measured.totalYearOre() != null);
    }

    /** The realised cumulative net of the plan's months up to {@code through} (costs paid, measured gains spread). */
    public long[] cumulative(Plan plan, YearMonth through) {
        int months = Math.min(plan.horizonMonths(), Math.max(0, plan.monthNumber(through)));
        long[] cumulative = new long[months];
        long paidSoFar = 0;
        Long year = measured == null ? null : measured.totalYearOre();
        for (int m = 1; m <= months; m++) {
            YearMonth month = plan.calendarMonth(m);
            for (PaidMonth p : paid) {
                if (p.month().equals(month)) {
                    paidSoFar += p.ore();
                }
            }
            // a measured yearly gain counts a twelfth a month, rounded half to even on the cumulative sum
            long gains = year == null ? 0 : BigDecimal.valueOf(year).multiply(BigDecimal.valueOf(m))
                    .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_EVEN).longValueExact();
            cumulative[m - 1] = gains - paidSoFar;
        }
        return cumulative;
    }

    /** Paid before the plan's first month: shown apart, not in the realised cumulative net. */
    public long paidBefore(Plan plan) {
        return paid.stream().filter(p -> p.month().isBefore(plan.start())).mapToLong(PaidMonth::ore).sum();
    }
}
