package dk.tvaers.economy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The key figures of a plan, computed exactly: every amount is a {@code long} of øre, and the only rounding is where
 * a factor meets an amount (the sensitivity's −25 %/+25 %, half to even, once per line and month) and at the end of
 * the net present value (half to even, to whole øre). See ADR 0026.
 *
 * <ul>
 * <li>{@code net[sector][m]}: the sector's net in month m+1 (gains minus costs); the total is the sum of the sectors;
 * <li>break-even month: the first month from which the cumulative total net stays above zero to the horizon's end
 * (null when it never does);
 * <li>net present value: each plan year's net (year 0 = months 1–12) discounted by (1 + rate)^year;
 * <li>steady-state year: the horizon's last year, with its net in total and per sector;
 * <li>citizens to break even: the fewest planned citizens for which the cumulative net at the horizon's end is
 * above zero (null when more citizens do not help).
 * </ul>
 */
public record KeyFigures(Plan plan, Map<EconomySector, long[]> net, long[] total, Integer breakEvenMonth, long npvOre,
        long steadyStateYearNetOre, Map<EconomySector, Long> steadyStateBySector, List<ShadowAccount> shadowAccounts,
        List<Scenario> sensitivity, Integer citizensToBreakEven) {

    /** One sector's statement over the horizon: what it pays, what it gains, its net (all øre; pays positive). */
    public record ShadowAccount(EconomySector sector, long paysOre, long gainsOre, long netOre, long steadyPaysOre,
            long steadyGainsOre, long steadyNetOre) {}

    /** A sensitivity scenario: the factors (percent) on gains and costs, and what they make of the key figures. */
    public record Scenario(String key, int gainPercent, int costPercent, Integer breakEvenMonth, long npvOre,
            long steadyStateYearNetOre) {}

    public static KeyFigures of(Plan plan) {
        Flows flows = flows(plan, 100, 100);
        var scenarios = List.of(scenario(plan, "economy.sensitivity.gainsDown", 75, 100),
                scenario(plan, "economy.sensitivity.costsUp", 100, 125),
                scenario(plan, "economy.sensitivity.both", 75, 125));
        int months = plan.horizonMonths();
        var accounts = new ArrayList<ShadowAccount>();
        Map<EconomySector, Long> steadyBySector = new EnumMap<>(EconomySector.class);
        for (EconomySector sector : EconomySector.values()) {
            long pays = 0;
            long gains = 0;
            long steadyPays = 0;
            long steadyGains = 0;
            for (int m = 0; m < months; m++) {
                long paid = flows.costs.get(sector)[m];
                long gained = flows.gains.get(sector)[m];
                pays = Math.addExact(pays, paid);
                gains = Math.addExact(gains, gained);
                if (m >= months - 12) {
                    steadyPays = Math.addExact(steadyPays, paid);
                    steadyGains = Math.addExact(steadyGains, gained);
                }
            }
            steadyBySector.put(sector, steadyGains - steadyPays);
            if (pays != 0 || gains != 0 || plan.lines().stream().anyMatch(l -> l.sector() == sector)) {
                accounts.add(new ShadowAccount(sector, pays, gains, gains - pays, steadyPays, steadyGains,
                        steadyGains - steadyPays));
            }
        }
        return new KeyFigures(plan, flows.net, flows.total, breakEven(flows.total), npv(flows.total,
                plan.discountRateBasisPoints()), steadyState(flows.total), steadyBySector, List.copyOf(accounts),
                scenarios, citizensToBreakEven(plan));
    }

    /** The cumulative net of a sector, month by month. */
    public long[] cumulative(EconomySector sector) {
        return cumulate(net.get(sector));
    }

    public long[] cumulativeTotal() {
        return cumulate(total);
    }

    /** The cumulative total net at the horizon's end. */
    public long horizonNetOre() {
        long[] cumulative = cumulativeTotal();
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /** The sectors that have a line, in their order. */
    public List<EconomySector> sectors() {
        return shadowAccounts.stream().map(ShadowAccount::sector).toList();
    }

    /** Whether the plan is economically neutral: every month's net is zero in every sector. */
    public boolean neutral() {
        for (long[] values : net.values()) {
            for (long value : values) {
                if (value != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The planned costs of a sector, month by month (øre, positive). */
    static long[] plannedCosts(Plan plan, EconomySector sector) {
        return flows(plan, 100, 100).costs.get(sector);
    }

    // --- the arithmetic ---

    private record Flows(Map<EconomySector, long[]> costs, Map<EconomySector, long[]> gains,
            Map<EconomySector, long[]> net, long[] total) {}

    /** Costs and gains per sector and month, with the gains and costs scaled by the given percentages. */
    static Flows flows(Plan plan, int gainPercent, int costPercent) {
        int months = plan.horizonMonths();
        Map<EconomySector, long[]> costs = new EnumMap<>(EconomySector.class);
        Map<EconomySector, long[]> gains = new EnumMap<>(EconomySector.class);
        Map<EconomySector, long[]> net = new EnumMap<>(EconomySector.class);
        for (EconomySector sector : EconomySector.values()) {
            costs.put(sector, new long[months]);
            gains.put(sector, new long[months]);
            net.put(sector, new long[months]);
        }
        long[] total = new long[months];
        for (PlanLine line : plan.lines()) {
            long signed = line.monthlyOre(plan.plannedCitizens());
            long amount = scale(Math.abs(signed), line.category().cost() ? costPercent : gainPercent);
            int first = Math.max(plan.monthNumber(line.start()), 1);
            int last = line.durationMonths() == null ? months
                    : Math.min(months, plan.monthNumber(line.start()) + line.durationMonths() - 1);
            long[] target = (line.category().cost() ? costs : gains).get(line.sector());
            for (int m = first; m <= last; m++) {
                target[m - 1] = Math.addExact(target[m - 1], amount);
            }
        }
        for (EconomySector sector : EconomySector.values()) {
            long[] n = net.get(sector);
            for (int m = 0; m < months; m++) {
                n[m] = Math.subtractExact(gains.get(sector)[m], costs.get(sector)[m]);
                total[m] = Math.addExact(total[m], n[m]);
            }
        }
        return new Flows(costs, gains, net, total);
    }

    /** An amount of øre times a percentage, rounded half to even to whole øre. */
    static long scale(long ore, int percent) {
        if (percent == 100) {
            return ore;
        }
        return BigDecimal.valueOf(ore).multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 0,
                RoundingMode.HALF_EVEN).longValueExact();
    }

    static long[] cumulate(long[] values) {
        long[] cumulative = new long[values.length];
        long sum = 0;
        for (int m = 0; m < values.length; m++) {
            sum = Math.addExact(sum, values[m]);
            cumulative[m] = sum;
        }
        return cumulative;
    }

    /** The first month (1-based) from which the cumulative net stays above zero to the end; null if none. */
    static Integer breakEven(long[] total) {
        long[] cumulative = cumulate(total);
        Integer month = null;
        for (int m = cumulative.length - 1; m >= 0 && cumulative[m] > 0; m--) {
            month = m + 1;
        }
        return month;
    }

    /** The net present value in whole øre: year t's net (months 12t+1..12t+12) divided by (1 + rate)^t. */
    static long npv(long[] total, int rateBasisPoints) {
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(rateBasisPoints, 4));
        BigDecimal sum = BigDecimal.ZERO;
        for (int year = 0; year * 12 < total.length; year++) {
            long yearNet = 0;
            for (int m = year * 12; m < Math.min(total.length, year * 12 + 12); m++) {
                yearNet = Math.addExact(yearNet, total[m]);
            }
            sum = sum.add(BigDecimal.valueOf(yearNet).divide(factor.pow(year), MathContext.DECIMAL128));
        }
        return sum.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The net of the horizon's last 12 months. */
    static long steadyState(long[] total) {
        long sum = 0;
        for (int m = Math.max(0, total.length - 12); m < total.length; m++) {
            sum = Math.addExact(sum, total[m]);
        }
        return sum;
    }

    private static Scenario scenario(Plan plan, String key, int gainPercent, int costPercent) {
        long[] total = flows(plan, gainPercent, costPercent).total;
        return new Scenario(key, gainPercent, costPercent, breakEven(total),
                npv(total, plan.discountRateBasisPoints()), steadyState(total));
    }

    /**
     * The fewest citizens for which the cumulative net at the horizon's end is above zero. The net is linear in the
     * number of citizens (per-citizen amounts are multiplied, never rounded), so two evaluations give it exactly.
     */
    static Integer citizensToBreakEven(Plan plan) {
        long atZero = sum(flows(plan.withCitizens(0), 100, 100).total);
        long perCitizen = sum(flows(plan.withCitizens(1), 100, 100).total) - atZero;
        if (atZero > 0) {
            return 0;
        }
        if (perCitizen <= 0) {
            return null;
        }
        long needed = Math.floorDiv(-atZero, perCitizen) + 1;
        return needed > Integer.MAX_VALUE ? null : (int) needed;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum = Math.addExact(sum, value);
        }
        return sum;
    }
}
