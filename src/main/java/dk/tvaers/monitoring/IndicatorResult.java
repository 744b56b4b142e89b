package dk.tvaers.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One aggregate of one indicator for one group, period and stratum value. A suppressed result (fewer than 5 persons)
 * carries no figures at all.
 */
public record IndicatorResult(String indicator, String group, String period, String stratum, String stratumValue,
        boolean suppressed, Long n, BigDecimal total, Long denominator, BigDecimal median, Long withEvent) {

    /** Fewer persons than this and a group's figures never leave the analytic store. */
    public static final int MINIMUM_GROUP = 5;

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
