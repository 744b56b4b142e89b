package dk.tvaers.ideas;

import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.platform.web.WorklistContributor;
import dk.tvaers.platform.web.WorklistItem;
import dk.tvaers.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ideas module's part of "Mine sider". A submitter: their ideas, the clinic's questions they have not answered,
 * and what happened to their ideas in the last {@link #NEWS_DAYS} days. An innovation consultant: new ideas nobody
 * has taken, ideas whose submitter answered last (a reply the clinic has not answered), and the open ideas assigned
 * to them with the oldest one's age, and the reports waiting for a moderator (ADR 0034). Each a count in SQL.
 */
@Component
class IdeasWorklist implements WorklistContributor {

    static final int NEWS_DAYS = 14;

    /** The last message of each idea's thread. */
    private static final String LAST_MESSAGE = """
            (SELECT m.kind FROM idea_message m WHERE m.idea_id = i.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    IdeasWorklist(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorklistItem> worklist(CurrentUser user) {
        List<WorklistItem> items = new ArrayList<>();
        if (user.hasRole(Role.CITIZEN) || user.hasRole(Role.STAFF)) {
            Role role = user.hasRole(Role.CITIZEN) ? Role.CITIZEN : Role.STAFF;
            long mine = count("SELECT count(*) FROM idea i WHERE i.submitter_user_id = :user AND i.status <> 'UNCONFIRMED'",
                    user.userId());
            long questions = count("SELECT count(*) FROM idea i WHERE i.submitter_user_id = :user"
                    + " AND i.status IN ('SUBMITTED', 'IN_REVIEW') AND " + LAST_MESSAGE + " = 'QUESTION'", user.userId());
            Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(NEWS_DAYS)));
            long news = jdbc.sql("""
                    SELECT count(*) FROM idea i WHERE i.submitter_user_id = :user AND i.status <> 'UNCONFIRMED' AND (
                        EXISTS (SELECT 1 FROM idea_status_change c WHERE c.idea_id = i.id AND c.changed_at >= :since
                                AND c.by_user_id IS DISTINCT FROM :user AND c.from_status IS NOT NULL)
                        OR EXISTS (SELECT 1 FROM idea_comment c WHERE c.idea_id = i.id AND c.created_at >= :since
                                AND c.author_id IS DISTINCT FROM :user))""")
                    .param("user", user.userId()).param("since", since).query(Long.class).single();
            items.add(WorklistItem.of(role, "worklist.ideas.mine", mine, "/mine-ideer", 10));
            items.add(WorklistItem.of(role, "worklist.ideas.questions", questions, "/mine-ideer", 11));
            items.add(WorklistItem.of(role, "worklist.ideas.news", news, "/mine-ideer", 12));
        }
        if (user.hasRole(Role.INNOVATION_CONSULTANT)) {
            var fresh = countAndOldest("FROM idea i WHERE i.status = 'SUBMITTED' AND i.assigned_to_user_id IS NULL",
                    user.userId());
            items.add(new WorklistItem(Role.INNOVATION_CONSULTANT, "worklist.ideas.new", fresh.count(),
                    "/idekliniken?status=SUBMITTED", fresh.oldest(), 10));
            var replies = countAndOldest("FROM idea i WHERE i.status IN ('SUBMITTED', 'IN_REVIEW') AND "
                    + LAST_MESSAGE + " = 'ANSWER'", user.userId());
            items.add(new WorklistItem(Role.INNOVATION_CONSULTANT, "worklist.ideas.replies", replies.count(),
                    "/idekliniken", replies.oldest(), 11));
            var assigned = countAndOldest("FROM idea i WHERE i.status IN ('SUBMITTED', 'IN_REVIEW')"
                    + " AND i.assigned_to_user_id = :user", user.userId());
            items.add(new WorklistItem(Role.INNOVATION_CONSULTANT, "worklist.ideas.assigned", assigned.count(),
                    "/idekliniken?tildelt=" + user.userId(), assigned.oldest(), 12));
            var reports = jdbc.sql("SELECT count(*) AS n, min(created_at) AS oldest FROM moderation_report"
                            + " WHERE resolution IS NULL")
                    .query((rs, n) -> new CountAndOldest(rs.getLong("n"),
                            rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                    .single();
            items.add(new WorklistItem(Role.INNOVATION_CONSULTANT, "worklist.ideas.reports", reports.count(),
                    "/moderation?status=OPEN", reports.oldest(), 13));
        }
        return items;
    }

    private record CountAndOldest(long count, Instant oldest) {}

    private long count(String sql, long userId) {
        return jdbc.sql(sql).param("user", userId).query(Long.class).single();
    }

    /** How many, and the submission time of the oldest: by that the list shows how long the oldest has waited. */
    private CountAndOldest countAndOldest(String from, long userId) {
        var query = jdbc.sql("SELECT count(*) AS n, min(i.submitted_at) AS oldest " + from);
        if (from.contains(":user")) {
            query = query.param("user", userId);
        }
        return query.query((rs, n) -> new CountAndOldest(rs.getLong("n"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                .single();
    }
}
