package dk.tvaers.economy;

import java.time.YearMonth;

/**
 * One line of a business case. {@code amountOre} is a month's amount (per citizen when the basis is
 * {@link AmountBasis#PER_CITIZEN}), always positive: the category says whether it is paid or gained.
 * {@code durationMonths} null means until the end of the horizon.
 */
public record PlanLine(LineCategory category, EconomySector sector, Effect effect, String title, YearMonth start,
        AmountBasis basis, long amountOre, Integer durationMonths, String assumption) {

    /** The line's amount in one month, in øre, for the given number of citizens; signed (costs negative). */
    long monthlyOre(int citizens) {
        if (!effect.counted()) {
            return 0;
        }
        long amount = basis == AmountBasis.PER_CITIZEN ? Math.multiplyExact(amountOre, (long) citizens) : amountOre;
        return category.cost() ? -amount : amount;
    }
}
