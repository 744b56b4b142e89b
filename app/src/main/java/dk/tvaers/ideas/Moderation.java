package dk.tvaers.ideas;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.security.RateLimits;
import dk.tvaers.platform.web.PageOf;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation of what the public reads (ADR 0034). Anyone signed in reports a public idea or comment with a reason
 * ({@code moderation-report}: a bounded number per user); innovation consultants, the moderators, take the open
 * reports from a queue and hide the content with a reason its author sees, dismiss the report, or restore hidden
 * content. Hidden content leaves every public list, search, similar-ideas hint and export; every report and action is
 * in the audit log, and the author hears of it through {@link ContentModerated}.
 */
@Service
public class Moderation {

    /** Where a report stands. */
    public enum State {
        OPEN,
        HIDDEN,
        DISMISSED;

        public String messageKey() {
            return "moderation.state." + name();
        }
    }

    /** Filters of the moderators' queue; every field may be empty. */
    public record Filter(State state, String text) {}

    /**
     * A report with what it is about: the idea (and its comment, when {@code commentId} is set), its text and author,
     * and whether it is hidden now ({@code hiddenReason} is then the moderator's reason).
     */
    public record Report(long id, long ideaId, Long commentId, String ideaTitle, String content, String authorName,
            String reporterName, String reason, Instant at, State state, Instant resolvedAt, String resolvedBy,
            String hiddenReason) {

        public boolean hidden() {
            return hiddenReason != null;
        }

        public boolean isComment() {
            return commentId != null;
        }
    }

    private static final String SELECT = """
            SELECT r.*, i.title AS idea_title,
                   CASE WHEN r.comment_id IS NULL THEN i.problem ELSE c.body END AS content,
                   CASE WHEN r.comment_id IS NULL THEN coalesce(i.submitter_name, '') ELSE c.author_name END AS author_name,
                   CASE WHEN r.comment_id IS NULL THEN i.hidden_reason ELSE c.hidden_reason END AS hidden_reason
            FROM moderation_report r JOIN idea i ON i.id = r.idea_id LEFT JOIN idea_comment c ON c.id = r.comment_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RateLimits rateLimits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Moderation(JdbcClient jdbc, AuditLog audit, RateLimits rateLimits, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.rateLimits = rateLimits;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reports a public idea ({@code commentId} null) or one of its public comments. A second report of the same
     * content by the same person while the first is open adds nothing. Returns false when there is no such public
     * content (unknown, unconfirmed or already hidden).
     */
    @Transactional
    public boolean report(long ideaId, Long commentId, String reason, Actor reporter) {
        if (!isPublic(ideaId, commentId)) {
            return false;
        }
        rateLimits.consume("moderation-report", "user:" + reporter.id());
        Optional<Long> id = jdbc.sql("""
                INSERT INTO moderation_report (idea_id, comment_id, reporter_id, reporter_name, reason, created_at)
                VALUES (:idea, :comment, :reporter, :name, :reason, :now)
                ON CONFLICT DO NOTHING RETURNING id""")
                .param("idea", ideaId).param("comment", commentId).param("reporter", reporter.id())
                .param("name", reporter.name()).param("reason", reason.strip())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
        id.ifPresent(report -> audit.record(AuditKind.CONTENT_REPORTED, reporter.id(), reporter.name(),
                subject(ideaId, commentId), "report " + report + ": " + reason.strip()));
        return true;
    }

    /** Whether the idea (or its comment) is public now: confirmed and not hidden. */
    @Transactional(readOnly = true)
    public boolean isPublic(long ideaId, Long commentId) {
        if (commentId == null) {
            return jdbc.sql("SELECT EXISTS (SELECT 1 FROM idea WHERE id = :id AND status <> 'UNCONFIRMED' AND hidden_at IS NULL)")
                    .param("id", ideaId).query(Boolean.class).single();
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM idea_comment c JOIN idea i ON i.id = c.idea_id
                               WHERE c.id = :comment AND c.idea_id = :id AND c.hidden_at IS NULL
                                 AND i.status <> 'UNCONFIRMED' AND i.hidden_at IS NULL)""")
                .param("id", ideaId).param("comment", commentId).query(Boolean.class).single();
    }

    /** The moderators' queue: open reports first (oldest first: they have waited longest), then the handled ones. */
    @Transactional(readOnly = true)
    public PageOf<Report> queue(Filter filter, int page, int size) {
        return new FilteredQuery()
                .filter("coalesce(r.resolution, 'OPEN') = :state", "state", filter.state())
                .contains("(i.title ILIKE :text OR r.reason ILIKE :text OR c.body ILIKE :text)", "text", filter.text())
                .orderBy("(r.resolution IS NOT NULL), CASE WHEN r.resolution IS NULL THEN r.created_at END,"
                        + " r.resolved_at DESC, r.id DESC")
                .page(jdbc, """
                        SELECT count(*) FROM moderation_report r JOIN idea i ON i.id = r.idea_id
                        LEFT JOIN idea_comment c ON c.id = r.comment_id""", SELECT, Moderation::map, page, size);
    }

    /** How many reports wait for a moderator. */
    @Transactional(readOnly = true)
    public long open() {
        return jdbc.sql("SELECT count(*) FROM moderation_report WHERE resolution IS NULL").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<Report> find(long reportId) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", reportId).query(Moderation::map).optional();
    }

    /**
     * Hides what the report is about with a reason its author will see, and resolves every open report of it. Hiding
     * hidden content again changes nothing but resolves the reports.
     */
    @Transactional
    public void hide(long reportId, String reason, Actor moderator) {
        Report report = find(reportId).orElseThrow();
        Instant now = clock.instant();
        int changed = jdbc.sql("UPDATE " + table(report) + " SET hidden_at = :now, hidden_reason = :reason"
                        + " WHERE id = :id AND hidden_at IS NULL")
                .param("now", Timestamp.from(now)).param("reason", reason.strip()).param("id", targetId(report))
                .update();
        resolve(report, State.HIDDEN, moderator, now);
        if (changed > 0) {
            audit.record(AuditKind.CONTENT_HIDDEN, moderator.id(), moderator.name(),
                    subject(report.ideaId(), report.commentId()), "report " + reportId + ": " + reason.strip());
            publish(report, true, now);
        }
    }

    /** Leaves the content as it is and closes every open report of it. */
    @Transactional
    public void dismiss(long reportId, Actor moderator) {
        Report report = find(reportId).orElseThrow();
        if (resolve(report, State.DISMISSED, moderator, clock.instant()) > 0) {
            audit.record(AuditKind.REPORT_DISMISSED, moderator.id(), moderator.name(),
                    subject(report.ideaId(), report.commentId()), "report " + reportId);
        }
    }

    /** Makes hidden content public again. */
    @Transactional
    public void restore(long reportId, Actor moderator) {
        Report report = find(reportId).orElseThrow();
        int changed = jdbc.sql("UPDATE " + table(report) + " SET hidden_at = NULL, hidden_reason = NULL"
                        + " WHERE id = :id AND hidden_at IS NOT NULL")
                .param("id", targetId(report)).update();
        if (changed > 0) {
            audit.record(AuditKind.CONTENT_RESTORED, moderator.id(), moderator.name(),
                    subject(report.ideaId(), report.commentId()), "report " + reportId);
            publish(report, false, clock.instant());
        }
    }

    private int resolve(Report report, State state, Actor moderator, Instant now) {
        return jdbc.sql("""
                UPDATE moderation_report SET resolution = :state, resolved_at = :now, resolved_by = :by
                WHERE idea_id = :idea AND comment_id IS NOT DISTINCT FROM :comment AND resolution IS NULL""")
                .param("state", state.name()).param("now", Timestamp.from(now)).param("by", moderator.name())
                .param("idea", report.ideaId()).param("comment", report.commentId()).update();
    }

    private void publish(Report report, boolean hidden, Instant at) {
        Long author = jdbc.sql(report.isComment()
                        ? "SELECT author_id FROM idea_comment WHERE id = :id"
                        : "SELECT submitter_user_id FROM idea WHERE id = :id")
                .param("id", targetId(report)).query(Long.class).optional().orElse(null);
        if (author != null) {
            events.publishEvent(new ContentModerated(report.ideaId(), report.commentId(), author, report.ideaTitle(),
                    hidden, at));
        }
    }

    private static String table(Report report) {
        return report.isComment() ? "idea_comment" : "idea";
    }

    private static long targetId(Report report) {
        return report.isComment() ? report.commentId() : report.ideaId();
    }

    private static String subject(long ideaId, Long commentId) {
        return commentId == null ? "idea " + ideaId : "idea " + ideaId + " comment " + commentId;
    }

    private static Report map(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        String resolution = rs.getString("resolution");
        return new Report(rs.getLong("id"), rs.getLong("idea_id"), (Long) rs.getObject("comment_id"),
                rs.getString("idea_title"), rs.getString("content"), rs.getString("author_name"),
                rs.getString("reporter_name"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant(),
                resolution == null ? State.OPEN : State.valueOf(resolution), resolved == null ? null : resolved.toInstant(),
                rs.getString("resolved_by"), rs.getString("hidden_reason"));
    }
}
