package dk.tvaers.notifications;

import dk.tvaers.platform.web.FollowState;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who follows what. Following twice is following once. */
@Service
public class Follows implements FollowState {

    /** One followed subject, with its title as its own module says it now. */
    public record Followed(SubjectType type, long id, String title, String link) {}

    private final JdbcClient jdbc;
    private final Subjects subjects;

    Follows(JdbcClient jdbc, Subjects subjects) {
        this.jdbc = jdbc;
        this.subjects = subjects;
    }

    /** Follows a subject the user may see; false when there is no such subject (or it is not public). */
    @Transactional
    public boolean follow(long userId, SubjectType type, long subjectId) {
        if (subjects.title(type, subjectId).isEmpty()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO notification_follow (user_id, subject_type, subject_id) VALUES (:user, :type, :id)
                ON CONFLICT DO NOTHING""")
                .param("user", userId).param("type", type.name()).param("id", subjectId).update();
        return true;
    }

    @Transactional
    public void unfollow(long userId, SubjectType type, long subjectId) {
        jdbc.sql("DELETE FROM notification_follow WHERE user_id = :user AND subject_type = :type AND subject_id = :id")
                .param("user", userId).param("type", type.name()).param("id", subjectId).update();
    }

    @Transactional(readOnly = true)
    public boolean follows(long userId, SubjectType type, long subjectId) {
        return jdbc.sql("""
                SELECT count(*) FROM notification_follow
                WHERE user_id = :user AND subject_type = :type AND subject_id = :id""")
                .param("user", userId).param("type", type.name()).param("id", subjectId)
                .query(Long.class).single() > 0;
    }

    @Override
    public boolean follows(long userId, String subjectType, long subjectId) {
        return follows(userId, SubjectType.valueOf(subjectType), subjectId);
    }

    /** The user's followed subjects, newest first, as they are now (one that is gone is left out). */
    @Transactional(readOnly = true)
    public List<Followed> of(long userId) {
        record Row(SubjectType type, long id) {}
        return jdbc.sql("""
                SELECT subject_type, subject_id FROM notification_follow WHERE user_id = :user
                ORDER BY created_at DESC LIMIT 200""")
                .param("user", userId)
                .query((rs, n) -> new Row(SubjectType.valueOf(rs.getString(1)), rs.getLong(2))).list().stream()
                .flatMap(row -> subjects.title(row.type(), row.id()).stream()
                        .map(title -> new Followed(row.type(), row.id(), title, row.type().link(row.id()))))
                .toList();
    }

    /** The followers of a subject. */
    @Transactional(readOnly = true)
    List<Long> followers(SubjectType type, long subjectId) {
        return jdbc.sql("SELECT user_id FROM notification_follow WHERE subject_type = :type AND subject_id = :id ORDER BY user_id")
                .param("type", type.name()).param("id", subjectId).query(Long.class).list();
    }
}
