package dk.tvaers.catalog;

import java.time.Instant;

/** A case's record: its latest version number, what is published, and the initiative it describes, if any. */
public record CatalogCase(
        long id,
        Long initiativeId,
        int latestVersion,
        Long publishedVersionId,
        Long publishedAssessmentId,
        Instant publishedAt,
        EvidenceLevel evidenceLevel,
        Instant createdAt) {

    public boolean published() {
        return publishedVersionId != null;
    }
}
