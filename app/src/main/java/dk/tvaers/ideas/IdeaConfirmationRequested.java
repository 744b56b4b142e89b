package dk.tvaers.ideas;

/** A person without an account submitted an idea; they are mailed a link to confirm it (and to follow it). */
public record IdeaConfirmationRequested(long ideaId, long followerId) {}
