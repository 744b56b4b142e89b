package dk.tvaers.accounts;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEntry(
        long id, Instant occurredAt, AuditKind kind, Long actorId, String actor, String subject, String details,
        String remoteAddress) {}
