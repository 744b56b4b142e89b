package dk.tvaers.economy;

import java.time.YearMonth;
import java.util.List;

/**
 * What a business case version plans: from which month (month 1), over how many years, for how many citizens, with
 * which discount rate (in basis points: 350 = 3.5 %), and its lines.
 */
public record Plan(YearMonth start, int horizonYears, int plannedCitizens, int discountRateBasisPoints,
        List<PlanLine> lines) {

    /** The longest horizon: 20 years, within the years 0–35 for which the state's rate is 3.5 %. */
    public static final int MAX_HORIZON_YEARS = 20;

    public Plan {
        lines = List.copyOf(lines);
    }

    public int horizonMonths() {
        return horizonYears * 12;
    }

    /** The month number (1 = the plan's first month) of a calendar month. */
    public int monthNumber(YearMonth month) {
        return (int) (start.until(month, java.time.temporal.ChronoUnit.MONTHS)) + 1;
    }

    public YearMonth calendarMonth(int monthNumber) {
        return start.plusMonths(monthNumber - 1L);
    }

    Plan withCitizens(int citizens) {
        return new Plan(start, horizonYears, citizens, discountRateBasisPoints, lines);
    }
}
