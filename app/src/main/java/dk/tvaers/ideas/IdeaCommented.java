package dk.tvaers.ideas;

/** Someone commented on a published idea ({@code authorId} is null for no account, which cannot happen today). */
public record IdeaCommented(long ideaId, long commentId, Long authorId) {}
