package dk.tvaers.ideas;

import dk.tvaers.platform.database.SqlText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of an idea's status: every change, with who made it and why, written in the transaction of the change
 * (submission and confirmation in {@link Ideas}, the clinic's steps in {@link IdeaClinic}).
 */
@Component
class IdeaStatusHistory {

    private final JdbcClient jdbc;

    IdeaStatusHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change ({@code from} null for the first status) and returns its id. */
    long record(long ideaId, IdeaStatus from, IdeaStatus to, String note, Long byId, String byName) {
        return jdbc.sql("""
                INSERT INTO idea_status_change (idea_id, from_status, to_status, note, by_user_id, by_name)
                VALUES (:id, :from, :to, :note, :by, :name) RETURNING id""")
                .param("id", ideaId)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("note", SqlText.blankToNull(note))
                .param("by", byId)
                .param("name", byName == null ? "" : byName)
                .query(Long.class).single();
    }
}
