package dk.tvaers.ideas;

import java.time.Instant;

/** One step in an idea's status history, with who and when; {@code from} is null for the start. */
public record StatusChange(IdeaStatus from, IdeaStatus to, String note, String byName, Instant at) {}
