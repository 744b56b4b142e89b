package dk.tvaers.challenges;

import dk.tvaers.shared.Region;
import java.time.Instant;

/** What the Task Force publishes: the challenge and its first call (pool optional). */
public record NewChallenge(ChallengeKind kind, String title, String vision, String description, String question,
        Region region, Long poolId, Instant deadline) {}
