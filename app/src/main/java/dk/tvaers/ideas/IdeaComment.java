package dk.tvaers.ideas;

import java.time.Instant;

/**
 * A public comment on an idea by a logged-in user. {@code hiddenReason}: a moderator hid it (ADR 0034); only its
 * author is then shown it, with the reason.
 */
public record IdeaComment(long id, Long authorId, String authorName, String body, Instant at, String hiddenReason) {

    public boolean hidden() {
        return hiddenReason != null;
    }
}
