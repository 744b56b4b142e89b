package dk.tvaers.monitoring;

import java.time.Instant;

/**
 * One run of the indicator set for an initiative, with the data and definition versions it used and the engine it
 * was computed on ({@link Engine}, with the version the engine reported).
 */
public record IndicatorRun(long id, long initiativeId, JobStatus status, int progress, String stepKey, int windowDays,
        Integer dataVersion, String definitionVersion, String tariffYears, String byName, Instant createdAt,
        Instant finishedAt, Engine engine, String engineVersion) {

    /** Where a run is computed (ADR 0041). */
    public enum Engine {
        /** The analytic store on this machine. */
        DUCKDB,
        /** The Spark job on the configured target (tvaers.monitoring.spark.*). */
        SPARK;

        public String messageKey() {
            return "monitoring.run.engine." + name();
        }
    }

    /** A run on this machine's DuckDB whose engine version is not known (tests, the benchmark). */
    public IndicatorRun(long id, long initiativeId, JobStatus status, int progress, String stepKey, int windowDays,
            Integer dataVersion, String definitionVersion, String tariffYears, String byName, Instant createdAt,
            Instant finishedAt) {
        this(id, initiativeId, status, progress, stepKey, windowDays, dataVersion, definitionVersion, tariffYears,
                byName, createdAt, finishedAt, Engine.DUCKDB, null);
    }

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
