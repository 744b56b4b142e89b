package dk.tvaers.economy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * What has happened, next to the plan. Costs: the grants paid to the initiative, from funding's ledger (each paid
 * tranche in its month; reversals subtract), borne by the region whose pool paid them; and the actual costs its
 * people or finance entered per sector and month. Gains: measured by the initiative's newest Triple Aim run
 * (aggregates only), or none.
 */
public record Realised(List<PaidMonth> paid, long paidTotalOre, List<ActualCost> actual, Measured measured) {

    public Realised {
        paid = List.copyOf(paid);
        actual = List.copyOf(actual);
    }

    /** One sector's costs from the plan's first month through a month: planned, and actually entered (øre). */
    public record SectorCosts(EconomySector sector, long plannedOre, long actualOre) {

        /** Actual minus planned: positive when the sector spent more than planned. */
        public long differenceOre() {
            return actualOre - plannedOre;
        }
    }

    /** The paid grant money of one calendar month, in øre. */
    public record PaidMonth(YearMonth month, long ore) {}

    /**
     * The gains a run measured, per year for the included citizens: the fall in DRG value of hospital contacts (the
     * region, {@code DRG_VALUE}), in municipal services ({@code MUNICIPAL_COST}) and in general-practice fees
     * ({@code GP_COST}), each in the target group minus the fall in the comparison group (difference in differences),
     * × the included citizens, scaled from the run's window to a year. A negative gain is a cost that grew. A run
     * of an indicator catalogue before version 4 holds no municipal and GP figures apart: then
     * {@code municipalityYearOre} and {@code generalPracticeYearOre} are null and only their sum is known
     * ({@code TOTAL_COST − DRG_VALUE}). {@code suppressed} when a group the figures need has fewer than 5 persons:
     * then no figure is given.
     */
    public record Measured(long runId, Integer dataVersion, String definitionVersion, String tariffYears,
            Instant finishedAt, int windowDays, boolean suppressed, Long targetCitizens, Long regionYearOre,
            Long municipalityAndPracticeYearOre, Long municipalityYearOre, Long generalPracticeYearOre) {

        public Long totalYearOre() {
            return suppressed || regionYearOre == null ? null : regionYearOre + municipalityAndPracticeYearOre;
        }

        /** Whether the run measured municipality and general practice apart (indicator catalogue 4 or later). */
        public boolean perSector() {
            return !suppressed && municipalityYearOre != null && generalPracticeYearOre != null;
        }

        /** The measured yearly gain of a sector, or null (not measured apart, suppressed, or not a measured sector). */
        public Long yearOre(EconomySector sector) {
            if (suppressed) {
                return null;
            }
            return switch (sector) {
                case REGION -> regionYearOre;
                case MUNICIPALITY -> municipalityYearOre;
                case GENERAL_PRACTICE -> generalPracticeYearOre;
                default -> null;
            };
        }
    }

    /** Whether anything is realised: a paid tranche or a measured gain. */
    public boolean any() {
        return !paid.isEmpty() || !actual.isEmpty() || (measured != null && measured.totalYearOre() != null);
    }

    /** The entered actual costs in total (øre). */
    public long actualTotalOre() {
        return actual.stream().mapToLong(ActualCost::amountOre).sum();
    }

    /**
     * Planned against entered actual costs per sector, from the plan's first month through {@code through} (within
     * the horizon): every sector the plan or an entry names, in the sectors' order.
     */
    public List<SectorCosts> costsBySector(Plan plan, YearMonth through) {
        int months = Math.min(plan.horizonMonths(), Math.max(0, plan.monthNumber(through)));
        var rows = new java.util.ArrayList<SectorCosts>();
        for (EconomySector sector : EconomySector.values()) {
            long[] planned = KeyFigures.plannedCosts(plan, sector);
            long plannedSoFar = 0;
            for (int m = 0; m < months; m++) {
                plannedSoFar = Math.addExact(plannedSoFar, planned[m]);
            }
            long actualSoFar = actual.stream().filter(a -> a.sector() == sector)
                    .filter(a -> !a.month().isBefore(plan.start()) && plan.monthNumber(a.month()) <= months)
                    .mapToLong(ActualCost::amountOre).sum();
            boolean named = plan.lines().stream().anyMatch(l -> l.sector() == sector && l.category().cost())
                    || actual.stream().anyMatch(a -> a.sector() == sector);
            if (named) {
                rows.add(new SectorCosts(sector, plannedSoFar, actualSoFar));
            }
        }
        return List.copyOf(rows);
    }

    /**
     * The realised cumulative net of the plan's months up to {@code through}: grants paid and actual costs entered
     * subtract in their month, measured gains are spread.
     */
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
            for (ActualCost a : actual) {
                if (a.month().equals(month)) {
                    paidSoFar = Math.addExact(paidSoFar, a.amountOre());
                }
            }
            // a measured yearly gain counts a twelfth a month, rounded half to even on the cumulative sum
            long gains = year == null ? 0 : BigDecimal.valueOf(year).multiply(BigDecimal.valueOf(m))
                    .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_EVEN).longValueExact();
            cumulative[m - 1] = gains - paidSoFar;
        }
        return cumulative;
    }

    /** Paid or spent before the plan's first month: shown apart, not in the realised cumulative net. */
    public long paidBefore(Plan plan) {
        return paid.stream().filter(p -> p.month().isBefore(plan.start())).mapToLong(PaidMonth::ore).sum()
                + actual.stream().filter(a -> a.month().isBefore(plan.start())).mapToLong(ActualCost::amountOre).sum();
    }
}
