package dk.tvaers.monitoring;

import java.time.Instant;

/** One run of the indicator set for an initiative, with the data and definition versions it used. */
public record IndicatorRun(long id, long initiativeId, JobStatus status, int progress, String stepKey, int windowDays,
        Integer dataVersion, String definitionVersion, String tariffYears, String byName, Instant createdAt,
        Instant finishedAt) {

    /** Priced in more than one tariff year: the DRG figures compare unlike prices, and pages say so. */
    public boolean mixedTariffYears() {
        return tariffYears != null && tariffYears.contains(",");
    }
}
