package dk.tvaers.monitoring;

import java.time.Instant;

/** One run of the indicator set for an initiative, with the data and definition versions it used. */
public record IndicatorRun(long id, long initiativeId, JobStatus status, int progress, String stepKey, int windowDays,
        Integer dataVersion, String definitionVersion, String tariffYears, String byName, Instant createdAt,
        Instant finishedAt) {

    /** The indicator catalogue's version from the recorded definition version ("ind-3" → "3"), for the reader. */
    public String catalogueVersion() {
        if (definitionVersion == null) {
            return "–";
        }
        for (String part : definitionVersion.split("/")) {
            if (part.startsWith("ind-")) {
                return part.substring(4);
            }
        }
        return definitionVersion;
    }

    /** Priced in more than one tariff year: the DRG figures compare unlike prices, and pages say so. */
    public boolean mixedTariffYears() {
        return tariffYears != null && tariffYears.contains(",");
    }
}
