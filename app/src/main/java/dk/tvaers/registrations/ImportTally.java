package dk.tvaers.registrations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * What an import's new courses contribute to the benchmark's tally, counted from their checked lines while the file is
 * read (ADR 0047): a new course's values are exactly its lines, so its contribution needs no second read of the million
 * values just written. The rows are those of the SQL function {@code registration_contributions} (V79), which stays
 * the definition for every other write (courses there were, the form, fresh computations); {@code TallyTests} compares
 * the tally an import leaves with a fresh computation. Fulfilment: per indicator with a rule, the value at the rule's
 * time point (its own, or its first), counted per start year (x = the value for medians, else 0; k = met); a change
 * from START to END where both are numbers; completeness per time point of the scheme with required indicators, per
 * start date ('C:') and per start month ('M:').
 */
final class ImportTally {

    /** A value that was registered without a number (a choice, a date). */
    private static final Object NO_NUMBER = new Object();

    /** One group of the tally. */
    record Group(long unitId, LocalDate period, String measure, BigDecimal x) {}

    private final Scheme scheme;
    private final Map<String, Integer> slots;
    private final int width;
    private final List<Long> units = new ArrayList<>();
    private final List<LocalDate> starts = new ArrayList<>();
    /** Per course, its values by time point × indicator slot: a number, {@link #NO_NUMBER} or null (none). */
    private final List<Object[]> values = new ArrayList<>();

    ImportTally(Scheme scheme, Map<String, Integer> slots) {
        this.scheme = scheme;
        this.slots = slots;
        this.width = TimePoint.values().length * slots.size();
    }

    /** A course of the file, numbered as it first appears. */
    void course(long unitId, LocalDate start) {
        units.add(unitId);
        starts.add(start);
        values.add(null);
    }

    void value(int course, TimePoint timePoint, String indicator, BigDecimal number) {
        Object[] of = values.get(course);
        if (of == null) {
            of = new Object[width];
            values.set(course, of);
        }
        of[timePoint.ordinal() * slots.size() + slots.get(indicator)] = number == null ? NO_NUMBER : number;
    }

    /** The groups of the courses the predicate takes (by their number in the file): n and k each. */
    Map<Group, long[]> groups(IntPredicate taken) {
        Map<Group, long[]> groups = new HashMap<>();
        List<TimePoint> complete = scheme.timePoints().stream()
                .filter(tp -> scheme.indicatorsAt(tp).stream().anyMatch(Indicator::required)).toList();
        for (int course = 0; course < units.size(); course++) {
            if (!taken.test(course)) {
                continue;
            }
            Object[] of = values.get(course);
            long unit = units.get(course);
            LocalDate start = starts.get(course);
            LocalDate year = start.withDayOfYear(1);
            for (Indicator indicator : scheme.indicators()) {
                fulfilment(groups, indicator, of, unit, year);
            }
            for (TimePoint tp : complete) {
                boolean ok = scheme.indicatorsAt(tp).stream().filter(Indicator::required)
                        .allMatch(i -> at(of, tp, i) != null);
                count(groups, new Group(unit, start, "C:" + tp.name(), BigDecimal.ZERO), ok);
                count(groups, new Group(unit, start.withDayOfMonth(1), "M:" + tp.name(), BigDecimal.ZERO), ok);
            }
        }
        return groups;
    }

    private void fulfilment(Map<Group, long[]> groups, Indicator indicator, Object[] of, long unit, LocalDate year) {
        String measure = "F:" + indicator.code();
        switch (indicator.rule()) {
            case SHARE_YES, SHARE_AT_LEAST, MEDIAN -> {
                Object value = at(of, ruleTimePoint(indicator), indicator);
                BigDecimal number = value instanceof BigDecimal d ? d : null;
                if (value == null || (indicator.rule() == FulfilmentRule.MEDIAN && number == null)) {
                    return;
                }
                boolean ok = switch (indicator.rule()) {
                    case SHARE_YES -> number != null && number.compareTo(BigDecimal.ONE) == 0;
                    case SHARE_AT_LEAST -> number != null && number.compareTo(
                            indicator.threshold() == null ? BigDecimal.ZERO : indicator.threshold()) >= 0;
                    default -> false;
                };
                BigDecimal x = indicator.rule() == FulfilmentRule.MEDIAN ? number : BigDecimal.ZERO;
                count(groups, new Group(unit, year, measure, x), ok);
            }
            case MEDIAN_CHANGE -> {
                if (at(of, TimePoint.START, indicator) instanceof BigDecimal s
                        && at(of, TimePoint.END, indicator) instanceof BigDecimal e) {
                    count(groups, new Group(unit, year, measure, e.subtract(s)), false);
                }
            }
            case NONE -> {
                // not counted
            }
        }
    }

    /** The time point a rule reads: the indicator's own, or the first of its time points (as V79 reads it). */
    private static TimePoint ruleTimePoint(Indicator indicator) {
        if (indicator.ruleTimePoint() != null) {
            return indicator.ruleTimePoint();
        }
        return indicator.timePoints().stream().sorted().findFirst().orElse(null);
    }

    private Object at(Object[] of, TimePoint tp, Indicator indicator) {
        return of == null || tp == null ? null : of[tp.ordinal() * slots.size() + slots.get(indicator.code())];
    }

    /** Counts one course in its group; values that differ only in trailing zeros are one group, as in PostgreSQL. */
    private static void count(Map<Group, long[]> groups, Group group, boolean ok) {
        BigDecimal x = group.x().signum() == 0 ? BigDecimal.ZERO : group.x().stripTrailingZeros();
        long[] nk = groups.computeIfAbsent(new Group(group.unitId(), group.period(), group.measure(), x),
                g -> new long[2]);
        nk[0]++;
        if (ok) {
            nk[1]++;
        }
    }
}
