package dk.tvaers.ideas;

import java.time.Instant;

/** One assessor's score (1–5) of an idea on one criterion, with a short justification. */
public record Score(long criterionId, String criterionName, long assessorId, String assessorName, int score,
        String justification, Instant at) {}
