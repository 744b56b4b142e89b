package dk.tvaers.catalog;

import java.time.Instant;

/** A story of the historiekatalog: a good example told in plain language, linked to a case and/or an initiative. */
public record Story(long id, String title, String lead, String body, Long caseId, String caseTitle, Long initiativeId,
        String authorName, Instant createdAt) {}
