package dk.tvaers.applications;

import dk.tvaers.shared.Money;
import java.time.Instant;

/** The Task Force's decision on an application, and where its grant and project are. */
public record Decision(long applicationId, int version, Outcome outcome, Money applied, Money granted, String reason,
        Long grantId, Long initiativeId, Instant decidedAt, String decidedByName, String earlyReason) {}
