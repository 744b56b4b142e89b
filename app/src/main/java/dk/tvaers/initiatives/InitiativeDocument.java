package dk.tvaers.initiatives;

import java.time.Instant;

/** A document of an initiative (its content is fetched on its own, see {@link InitiativeDocuments#content}). */
public record InitiativeDocument(long id, long initiativeId, String filename, String contentType, long sizeBytes,
        String uploadedByName, Instant uploadedAt) {}
