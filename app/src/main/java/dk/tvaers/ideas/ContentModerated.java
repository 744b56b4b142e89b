package dk.tvaers.ideas;

import java.time.Instant;

/**
 * A moderator hid ({@code hidden}) or restored an idea or, when {@code commentId} is set, one of its comments.
 * {@code authorId} is the account that wrote it; {@code at} makes the action's key with the content.
 */
public record ContentModerated(long ideaId, Long commentId, long authorId, String ideaTitle, boolean hidden,
        Instant at) {}
