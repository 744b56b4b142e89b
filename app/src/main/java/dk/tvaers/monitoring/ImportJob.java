package dk.tvaers.monitoring;

import java.time.Instant;

/**
 * One import of event files into the analytic store, as the analyst's pages show it: a full snapshot, or
 * ({@code append}) new events added to the data in the store as a new data version, or ({@code omop}) OMOP CDM
 * tables mapped into the event model as a full snapshot (ADR 0046).
 */
public record ImportJob(long id, JobStatus status, int progress, String stepKey, String files, long errorCount,
        Integer dataVersion, Long persons, Long contacts, String byName, Instant createdAt, Instant finishedAt,
        boolean append, boolean omop) {}
