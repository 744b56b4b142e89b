package dk.tvaers.applications;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review of submitted applications: the Task Force assigns reviewers per call; a reviewer scores and recommends.
 * A reviewer whose organisation is in the consortium is disqualified (inhabil) for that application.
 */
@Service
public class Reviews {

    private final JdbcClient jdbc;
    private final Applications applications;
    private final Consortia consortia;
    private final UserDirectory users;
    private final Clock clock;

    Reviews(JdbcClient jdbc, Applications applications, Consortia consortia, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.consortia = consortia;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Assigns a reviewer (found by the login they use) to a call.
     *
     * @throws ApplicationRuleException when there is no such active user, or their organisation is in the
     *     consortium of an application to the call (conflict of interest: they could review none of its applications
     *     fairly, and would be shown theirs as waiting for their review)
     */
    @Transactional
    public UserAccount assign(long callId, String login, Actor actor) {
        UserAccount user = users.findByLogin(login).filter(UserAccount::active)
                .orElseThrow(() -> new ApplicationRuleException("login", "consortium.error.noSuchUser"));
        if (user.organisationId() != null) {
            var conflict = jdbc.sql("""
                    SELECT c.name FROM application a JOIN consortium c ON c.id = a.consortium_id
                    JOIN consortium_member m ON m.consortium_id = c.id
                    WHERE a.call_id = :call AND m.organisation_id = :organisation
                    ORDER BY a.id LIMIT 1""")
                    .param("call", callId).param("organisation", user.organisationId())
                    .query(String.class).optional();
            if (conflict.isPresent()) {
                throw new ApplicationRuleException("login", "review.error.conflictAtAssignment", user.displayName(),
                        user.organisationName(), conflict.get());
            }
        }
        jdbc.sql("""
                INSERT INTO call_reviewer (call_id, user_id, assigned_by_name) VALUES (:call, :user, :by)
                ON CONFLICT DO NOTHING""")
                .param("call", callId).param("user", user.id()).param("by", actor.name()).update();
        return user;
    }

    /**
     * Where an application stands on its way, as its status stepper shows it: 0 draft, 1 submitted, 2 in review (a
     * submitted application whose call has a reviewer or that has a review), 3 decided.
     */
    @Transactional(readOnly = true)
    public int step(Application application) {
        return switch (application.status()) {
            case DRAFT -> 0;
            case DECIDED -> 3;
            case SUBMITTED -> jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM call_reviewer WHERE call_id = :call)
                        OR EXISTS (SELECT 1 FROM application_review WHERE application_id = :id)""")
                    .param("call", application.callId()).param("id", application.id()).query(Boolean.class).single()
                    ? 2 : 1;
        };
    }

    /** A reviewer of a call. */
    public record Reviewer(long userId, String name, String email, String organisationName) {}

    @Transactional(readOnly = true)
    public List<Reviewer> reviewers(long callId) {
        return jdbc.sql("SELECT user_id FROM call_reviewer WHERE call_id = :call").param("call", callId)
                .query(Long.class).list().stream()
                .flatMap(userId -> users.find(userId).stream())
                .map(u -> new Reviewer(u.id(), u.displayName(), u.email(), u.organisationName()))
                .sorted(java.util.Comparator.comparing(Reviewer::name))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean isReviewer(long callId, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM call_reviewer WHERE call_id = :call AND user_id = :user)")
                .param("call", callId).param("user", userId).query(Boolean.class).single();
    }

    /**
     * The organisation that makes the user disqualified (inhabil) to review the application: theirs, when it is a
     * member of the consortium; empty when there is no conflict of interest.
     */
    @Transactional(readOnly = true)
    public Optional<String> conflict(long applicationId, long userId) {
        Application application = applications.find(applicationId);
        Consortium consortium = consortia.find(application.consortiumId());
        Long organisationId = users.find(userId).map(UserAccount::organisationId).orElse(null);
        return consortium.members().stream().filter(m -> organisationId != null && m.organisationId() == organisationId)
                .map(Consortium.Member::name).findFirst();
    }

    /**
     * Saves the reviewer's review of the application's latest version (again: replaces it, until the decision).
     *
     * @throws ApplicationRuleException when the reviewer is not assigned to the call, has a conflict of interest,
     *     the application is not submitted or already decided, or a score is missing or not 1–5
     */
    @Transactional
    public void review(long applicationId, Map<ReviewCriterion, Review.Score> scores, Recommendation recommendation,
            String comment, Actor reviewer) {
        Application application = applications.find(applicationId);
        if (application.status() != ApplicationStatus.SUBMITTED) {
            throw new ApplicationRuleException(null, application.draft() ? "application.error.notSubmitted"
                    : "application.error.decided");
        }
        if (!isReviewer(application.callId(), reviewer.id())) {
            throw new ApplicationRuleException(null, "review.error.notAssigned");
        }
        Optional<String> conflict = conflict(applicationId, reviewer.id());
        if (conflict.isPresent()) {
            throw new ApplicationRuleException(null, "review.error.conflict", conflict.get());
        }
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            Review.Score score = scores.get(criterion);
            if (score == null || score.score() < 1 || score.score() > 5) {
                throw new ApplicationRuleException("scores[" + criterion.name() + "]", "review.error.score");
            }
        }
        if (recommendation == null) {
            throw new ApplicationRuleException("recommendation", "validation.choose");
        }
        jdbc.sql("DELETE FROM application_review WHERE application_id = :id AND reviewer_user_id = :user")
                .param("id", applicationId).param("user", reviewer.id()).update();
        long reviewId = jdbc.sql("""
                INSERT INTO application_review (application_id, version, reviewer_user_id, reviewer_name, recommendation,
                    comment, reviewed_at)
                VALUES (:id, :version, :user, :name, :recommendation, :comment, :now) RETURNING id""")
                .param("id", applicationId).param("version", application.latestVersion())
                .param("user", reviewer.id()).param("name", reviewer.name())
                .param("recommendation", recommendation.name()).param("comment", comment == null ? "" : comment.strip())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            Review.Score score = scores.get(criterion);
            jdbc.sql("""
                    INSERT INTO application_review_score (review_id, criterion, score, comment)
                    VALUES (:review, :criterion, :score, :comment)""")
                    .param("review", reviewId).param("criterion", criterion.name()).param("score", score.score())
                    .param("comment", score.comment() == null ? "" : score.comment().strip()).update();
        }
    }

    @Transactional(readOnly = true)
    public List<Review> of(long applicationId) {
        Map<Long, Review> reviews = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM application_review WHERE application_id = :id ORDER BY reviewed_at, id")
                .param("id", applicationId)
                .query(rs -> {
                    reviews.put(rs.getLong("id"), new Review(rs.getLong("id"), applicationId, rs.getInt("version"),
                            rs.getLong("reviewer_user_id"), rs.getString("reviewer_name"),
                            new EnumMap<>(ReviewCriterion.class), Recommendation.valueOf(rs.getString("recommendation")),
                            rs.getString("comment"), rs.getTimestamp("reviewed_at").toInstant()));
                });
        if (!reviews.isEmpty()) {
            jdbc.sql("SELECT * FROM application_review_score WHERE review_id IN (:ids)")
                    .param("ids", List.copyOf(reviews.keySet()))
                    .query(rs -> {
                        reviews.get(rs.getLong("review_id")).scores().put(ReviewCriterion.valueOf(rs.getString("criterion")),
                                new Review.Score(rs.getInt("score"), rs.getString("comment")));
                    });
        }
        return List.copyOf(reviews.values());
    }

    /** One row of a reviewer's workspace: a submitted application of a call they review. */
    public record Assignment(long applicationId, String title, String challengeTitle, String consortiumName,
            ApplicationStatus status, Instant reviewedAt, boolean conflict) {}

    @Transactional(readOnly = true)
    public List<Assignment> assignments(long userId) {
        return jdbc.sql("""
                SELECT a.id, a.status, c.name AS consortium_name,
                       (SELECT v.title FROM application_version v WHERE v.application_id = a.id
                        ORDER BY v.version DESC LIMIT 1) AS title,
                       (SELECT r.reviewed_at FROM application_review r WHERE r.application_id = a.id
                        AND r.reviewer_user_id = :user) AS reviewed_at,
                       EXISTS (SELECT 1 FROM consortium_member m
                               WHERE m.consortium_id = a.consortium_id AND m.organisation_id = :organisation) AS conflict
                FROM call_reviewer cr JOIN application a ON a.call_id = cr.call_id
                JOIN consortium c ON c.id = a.consortium_id
                WHERE cr.user_id = :user AND a.status <> 'DRAFT'
                ORDER BY a.first_submitted_at DESC, a.id DESC""")
                .param("user", userId)
                .param("organisation", users.find(userId).map(UserAccount::organisationId).orElse(-1L))
                .query((rs, n) -> new Assignment(rs.getLong("id"), rs.getString("title"),
                        applications.find(rs.getLong("id")).challengeTitle(), rs.getString("consortium_name"),
                        ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
                        rs.getBoolean("conflict")))
                .list();
    }
}
