package dk.tvaers.ideas;

import dk.tvaers.accounts.Actor;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public does with a published idea: support it (once per person) and comment on it. Moderators hide
 * comments ({@link Moderation}); a hidden comment stays visible to its own author with the moderator's reason.
 */
@Service
public class IdeaReactions {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    IdeaReactions(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Supports a published idea, once per person. */
    @Transactional
    public void support(long ideaId, long userId) {
        int added = jdbc.sql("""
                INSERT INTO idea_support (idea_id, user_id) VALUES (:idea, :user) ON CONFLICT DO NOTHING""")
                .param("idea", ideaId).param("user", userId).update();
        if (added == 0) {
            throw new AlreadySupportedException(ideaId);
        }
        jdbc.sql("UPDATE idea SET support_count = support_count + 1 WHERE id = :id").param("id", ideaId).update();
    }

    @Transactional(readOnly = true)
    public boolean supports(long ideaId, long userId) {
        return jdbc.sql("SELECT count(*) FROM idea_support WHERE idea_id = :idea AND user_id = :user")
                .param("idea", ideaId).param("user", userId).query(Long.class).single() > 0;
    }

    @Transactional
    public void comment(long ideaId, String body, Actor author) {
        long id = jdbc.sql("""
                INSERT INTO idea_comment (idea_id, author_id, author_name, body) VALUES (:idea, :id, :name, :body)
                RETURNING id""")
                .param("idea", ideaId).param("id", author.id()).param("name", author.name())
                .param("body", body.strip()).query(Long.class).single();
        events.publishEvent(new IdeaCommented(ideaId, id, author.id()));
    }

    /** The public comments of an idea, oldest first (hidden ones left out). */
    @Transactional(readOnly = true)
    public List<IdeaComment> comments(long ideaId) {
        return comments(ideaId, null);
    }

    /** The public comments, and the viewer's own hidden ones with the moderator's reason ({@code userId} may be null). */
    @Transactional(readOnly = true)
    public List<IdeaComment> comments(long ideaId, Long userId) {
        return jdbc.sql("""
                SELECT id, author_id, author_name, body, created_at, hidden_reason FROM idea_comment
                WHERE idea_id = :id AND (hidden_at IS NULL OR author_id = :user) ORDER BY created_at, id""")
                .param("id", ideaId).param("user", userId)
                .query((rs, n) -> new IdeaComment(rs.getLong("id"), (Long) rs.getObject("author_id"),
                        rs.getString("author_name"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("hidden_reason")))
                .list();
    }
}
