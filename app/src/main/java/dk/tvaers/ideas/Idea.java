package dk.tvaers.ideas;

import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** An idea as pages show it. {@link #publicSubmitterName()} is what the public may read about who had it. */
public record Idea(
        long id,
        String title,
        String problem,
        String proposal,
        String beneficiaries,
        InnovationType innovationType,
        Region region,
        IdeaStatus status,
        Set<Sector> sectors,
        Long submitterUserId,
        String submitterName,
        boolean showName,
        String assistedByName,
        Long assignedToUserId,
        String assignedToName,
        String outcomeNote,
        String outcomeByName,
        Instant outcomeAt,
        Long mergedIntoId,
        Long initiativeId,
        long supports,
        Instant createdAt,
        Instant submittedAt,
        String hiddenReason) {

    /** Whether a moderator hid it (ADR 0034): then only its submitter sees it, with {@link #hiddenReason}. */
    public boolean hidden() {
        return hiddenReason != null;
    }

    public String publicSubmitterName() {
        return showName ? submitterName : null;
    }

    /** How long the idea has waited since it counted (was submitted or confirmed). */
    public Duration ageInQueue(Clock clock) {
        return submittedAt == null ? Duration.ZERO : Duration.between(submittedAt, clock.instant());
    }

    public long daysInQueue(Clock clock) {
        return ageInQueue(clock).toDays();
    }
}
