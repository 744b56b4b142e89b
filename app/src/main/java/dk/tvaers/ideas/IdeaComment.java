package dk.tvaers.ideas;

import java.time.Instant;

/** A public comment on an idea by a logged-in user. */
public record IdeaComment(long id, String authorName, String body, Instant at) {}
