package dk.tvaers.catalog;

/** An editor published a version of a case (with an assessment, or none). */
public record CasePublished(long caseId, long versionId, Long assessmentId) {}
