package dk.tvaers.challenges;

import java.time.Instant;

/** A challenge's call opened again in a new round (its followers are told, with the new deadline). */
public record ChallengeCallOpened(long challengeId, long callId, int round, Instant deadline) {}
