package dk.tvaers.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One aggregate of one indicator for one group, period and stratum value. A suppressed result carries no figures at
 * all: primary when the group has 1–4 persons (or a score 1–4 answers), {@code secondary} when it is hidden only so
 * that no primary cell can be computed from the others (docs/suppression.md). An empty group (n = 0) is shown.
 */
public record IndicatorResult(String indicator, String group, String period, String stratum, String stratumValue,
        boolean suppressed, Long n, BigDecimal total, Long denominator, BigDecimal median, Long withEvent,
        boolean secondary) {

    /** Fewer persons than this (but some) and a group's figures never leave the analytic store. */
    public static final int MINIMUM_GROUP = 5;

    /** The same figures, not (yet) hidden by secondary suppression. */
    public IndicatorResult(String indicator, String group, String period, String stratum, String stratumValue,
            boolean suppressed, Long n, BigDecimal total, Long denominator, BigDecimal median, Long withEvent) {
        this(indicator, group, period, stratum, stratumValue, suppressed, n, total, denominator, median, withEvent,
                false);
    }

    /** A result hidden by the primary rule: no figures. */
    public static IndicatorResult primary(String indicator, String group, String period, String stratum, String value) {
        return new IndicatorResult(indicator, group, period, stratum, value, true, null, null, null, null, null,
                false);
    }

    /** This result hidden so that another one cannot be derived: no figures. */
    public IndicatorResult hiddenAsComplement() {
        return suppressed ? this
                : new IndicatorResult(indicator, group, period, stratum, stratumValue, true, null, null, null, null,
                        null, true);
    }

    /** The primary rule: 1–4 persons, or for a score 1–4 persons who answered. */
    public static boolean primaryHidden(long n, long answered, boolean score) {
        return n > 0 && n < MINIMUM_GROUP || score && answered > 0 && answered < MINIMUM_GROUP;
    }

    /** Nobody in the group (for a 65+ indicator: nobody aged 65+); shown as such, not hidden. */
    public boolean empty() {
        return !suppressed && n == 0;
    }

    /** The mean per person, or for a ratio indicator events per index admission; null when suppressed or empty. */
    public BigDecimal mean() {
        if (suppressed) {
            return null;
        }
        long divisor = denominator != null ? denominator : n;
        return divisor == 0 ? null : total.divide(BigDecimal.valueOf(divisor), 4, RoundingMode.HALF_UP);
    }

    /** The share of persons with at least one event. */
    public BigDecimal shareWithEvent() {
        return suppressed || n == 0 ? null
                : BigDecimal.valueOf(withEvent).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP);
    }
}
