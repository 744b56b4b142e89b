package dk.tvaers.monitoring;

import dk.tvaers.indicators.IndicatorResult;
import java.util.List;

/**
 * What an engine's run gave, as the run records it: the suppressed aggregates, the effects and monthly series (empty
 * where the engine does not compute them), the versions used and the bootstrap's settings (null without effects).
 */
record RunOutcome(List<IndicatorResult> results, List<Effect> effects, List<Effect.Month> series,
        Integer dataVersion, String definitionVersion, List<String> tariffYears, Long bootstrapSeed,
        Integer bootstrapReplicates, IndicatorRun.Engine engine, String engineVersion, boolean personTableKept) {

    /** The run's target group has nobody in it (no inclusion events for the initiative, or a rule nobody meets). */
    static final class EmptyPopulation extends RuntimeException {
        EmptyPopulation() {
            super(null, null, false, false);
        }
    }
}
