package dk.tvaers.monitoring;

import dk.tvaers.indicators.EffectSql;
import dk.tvaers.indicators.IndicatorResult;
import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator's effect in a run: the difference-in-differences of means (or, for an indicator meaningful only
 * after the index date, the difference after) with its 95 % bootstrap interval, in the indicator's stored unit (øre,
 * hundredths of a score point, a share as a fraction). Hidden — no figures — when any group result it is computed
 * from is hidden or empty (docs/suppression.md): otherwise it and the shown results would give the hidden one away.
 */
public record Effect(String indicator, EffectSql.Kind kind, boolean matched, boolean suppressed, BigDecimal estimate,
        BigDecimal lower, BigDecimal upper) {

    /** The interval lies wholly on one side of zero. */
    public boolean certain() {
        return !suppressed && lower != null && upper != null && (lower.signum() > 0 || upper.signum() < 0);
    }

    /** The four (or for DIFFERENCE_AFTER two) group results of the whole group the effect is computed from. */
    static boolean inputsShown(List<IndicatorResult> results, String indicator, EffectSql.Kind kind) {
        var needed = kind == EffectSql.Kind.DID
                ? List.of("TARGET|BEFORE", "TARGET|AFTER", "COMPARISON|BEFORE", "COMPARISON|AFTER")
                : List.of("TARGET|AFTER", "COMPARISON|AFTER");
        for (String key : needed) {
            boolean shown = results.stream().anyMatch(r -> r.indicator().equals(indicator)
                    && r.stratum().equals("ALL") && (r.group() + "|" + r.period()).equals(key)
                    && !r.suppressed() && !r.empty() && r.mean() != null);
            if (!shown) {
                return false;
            }
        }
        return true;
    }

    /** The run's effects with the bootstrap's seed and replicates (null for a run from before effects existed). */
    public record Set(Long seed, Integer replicates, List<Effect> effects) {}

    /** One month of a run chart; persons and events null when the group is hidden. */
    public record Month(String measure, String group, int month, boolean suppressed, Long persons, Long events) {}
}
