package dk.tvaers.challenges;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.accounts.Actor;
import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wicked problems: collected from staff and organisations, scored by Task Force members (one score each, which they
 * may change), ranked, and published as a challenge of kind {@link ChallengeKind#WICKED_PROBLEM}. The scores, the
 * comments and the ranking are the Task Force's alone: every method that shows or changes them checks the signed-in
 * user's roles here, not only in the web layer.
 */
@Service
public class WickedProblems {

    private static final String SELECT = """
            SELECT w.*, (SELECT count(*) FROM wicked_problem_score s WHERE s.wicked_problem_id = w.id) AS scorers
            FROM wicked_problem w""";

    private final JdbcClient jdbc;
    private final Challenges challenges;

    WickedProblems(JdbcClient jdbc, Challenges challenges) {
        this.jdbc = jdbc;
        this.challenges = challenges;
    }

    /** Records a wicked problem in the submitter's name and organisation. */
    @Transactional
    public long submit(NewWickedProblem problem, CurrentUser submitter) {
        if (problem.sectors() == null || problem.sectors().isEmpty()) {
            throw new ChallengeRuleException("sectors", "wicked.error.sectors");
        }
        return jdbc.sql("""
                INSERT INTO wicked_problem (title, description, affected, sectors, region, submitted_by_user_id,
                    submitted_by_name, organisation_name)
                VALUES (:title, :description, :affected, CAST(:sectors AS VARCHAR(40)[]), :region, :user, :name,
                    :organisation)
                RETURNING id""")
                .param("title", problem.title().strip())
                .param("description", problem.description().strip())
                .param("affected", problem.affected().strip())
                .param("sectors", problem.sectors().stream().sorted().map(Sector::name).toArray(String[]::new))
                .param("region", problem.region().name())
                .param("user", submitter.userId())
                .param("name", submitter.displayName())
                .param("organisation", submitter.organisationName())
                .query(Long.class).single();
    }

    /**
     * A wicked problem as the viewer may see it: the Task Force sees every one, anyone else only their own.
     *
     * @throws NotFoundException when there is no such problem or it is someone else's
     */
    @Transactional(readOnly = true)
    public WickedProblem find(long id, CurrentUser viewer) {
        WickedProblem problem = jdbc.sql(SELECT + " WHERE w.id = :id").param("id", id)
                .query(WickedProblems::map).optional()
                .orElseThrow(() -> new NotFoundException("wicked problem", id));
        if (!isTaskForce(viewer) && problem.submittedByUserId() != viewer.userId()) {
            throw new NotFoundException("wicked problem", id);
        }
        return problem;
    }

    /** Filters of the list; every field may be empty. */
    public record Filter(String text, Sector sector, WickedProblemStatus status) {}

    /** The list: every problem for the Task Force, a submitter's own for anyone else. Newest first. */
    @Transactional(readOnly = true)
    public PageOf<WickedProblem> search(Filter filter, CurrentUser viewer, int page, int size) {
        String scored = "EXISTS (SELECT 1 FROM wicked_problem_score s WHERE s.wicked_problem_id = w.id)";
        return new FilteredQuery()
                .filter("w.submitted_by_user_id = :viewer", "viewer", isTaskForce(viewer) ? null : viewer.userId())
                .contains("(lower(w.title) LIKE :text OR lower(w.description) LIKE :text OR lower(w.affected) LIKE :text"
                        + " OR lower(coalesce(w.organisation_name, '')) LIKE :text)", "text", filter.text())
                .filter("w.sectors @> ARRAY[CAST(:sector AS VARCHAR(40))]", "sector", filter.sector())
                .condition(filter.status() != null, filter.status() == null ? "" : switch (filter.status()) {
                    case RECEIVED -> "w.challenge_id IS NULL AND NOT " + scored;
                    case BEING_PRIORITISED -> "w.challenge_id IS NULL AND " + scored;
                    case PUBLISHED -> "w.challenge_id IS NOT NULL";
                })
                .orderBy("w.submitted_at DESC, w.id DESC")
                .page(jdbc, "SELECT count(*) FROM wicked_problem w", SELECT, WickedProblems::map, page, size);
    }

    /**
     * Gives or changes the Task Force member's one score of the problem.
     *
     * @throws AccessDeniedException when the scorer is not (or no longer) a Task Force member
     * @throws ChallengeRuleException when a score is outside 1–5
     */
    @Transactional
    public void score(long problemId, int size, int reach, int urgency, String comment, CurrentUser scorer) {
        requireTaskForce(scorer);
        requireRange("size", size);
        requireRange("reach", reach);
        requireRange("urgency", urgency);
        find(problemId, scorer);
        jdbc.sql("""
                INSERT INTO wicked_problem_score (wicked_problem_id, scorer_user_id, scorer_name, size_score,
                    reach_score, urgency_score, comment)
                VALUES (:problem, :user, :name, :size, :reach, :urgency, :comment)
                ON CONFLICT (wicked_problem_id, scorer_user_id) DO UPDATE SET scorer_name = EXCLUDED.scorer_name,
                    size_score = EXCLUDED.size_score, reach_score = EXCLUDED.reach_score,
                    urgency_score = EXCLUDED.urgency_score, comment = EXCLUDED.comment, scored_at = now()""")
                .param("problem", problemId).param("user", scorer.userId()).param("name", scorer.displayName())
                .param("size", size).param("reach", reach).param("urgency", urgency)
                .param("comment", comment == null ? "" : comment.strip())
                .update();
    }

    /** Every member's score of the problem with their names and comments, newest first (Task Force only). */
    @Transactional(readOnly = true)
    public List<WickedScore> scores(long problemId, CurrentUser viewer) {
        requireTaskForce(viewer);
        return jdbc.sql("""
                SELECT * FROM wicked_problem_score WHERE wicked_problem_id = :problem
                ORDER BY scored_at DESC, scorer_name""")
                .param("problem", problemId)
                .query((rs, n) -> new WickedScore(rs.getLong("scorer_user_id"), rs.getString("scorer_name"),
                        rs.getInt("size_score"), rs.getInt("reach_score"), rs.getInt("urgency_score"),
                        rs.getString("comment"), rs.getTimestamp("scored_at").toInstant()))
                .list();
    }

    /** The viewer's own score of the problem, if they gave one (Task Force only). */
    @Transactional(readOnly = true)
    public Optional<WickedScore> scoreBy(long problemId, CurrentUser viewer) {
        return scores(problemId, viewer).stream().filter(s -> s.scorerUserId() == viewer.userId())
                .findFirst();
    }

    /** Every scored problem, highest total of average scores first (Task Force only). */
    @Transactional(readOnly = true)
    public List<PrioritisedProblem> ranking(CurrentUser viewer) {
        requireTaskForce(viewer);
        return prioritised();
    }

    /** The problem's place in the ranking, empty while no one has scored it (Task Force only). */
    @Transactional(readOnly = true)
    public Optional<PrioritisedProblem> result(long problemId, CurrentUser viewer) {
        requireTaskForce(viewer);
        return prioritised().stream().filter(p -> p.problem().id() == problemId).findFirst();
    }

    /**
     * Publishes the scored problem as a challenge of kind wicked problem with a call, and keeps the link.
     *
     * @throws AccessDeniedException when the actor is not a Task Force member
     * @throws ChallengeRuleException when no one has scored the problem yet, it was published already, or the
     *     challenge's own rules refuse it (the deadline)
     */
    @Transactional
    public long publishAsChallenge(long problemId, String title, String description, Region region, Long poolId,
            Instant deadline, CurrentUser actor) {
        requireTaskForce(actor);
        jdbc.sql("SELECT id FROM wicked_problem WHERE id = :id FOR UPDATE").param("id", problemId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("wicked problem", problemId));
        WickedProblem problem = find(problemId, actor);
        if (problem.challengeId() != null) {
            throw new ChallengeRuleException(null, "wicked.error.alreadyPublished");
        }
        if (problem.scorers() == 0) {
            throw new ChallengeRuleException(null, "wicked.error.notPrioritised");
        }
        long challengeId = challenges.publish(new NewChallenge(ChallengeKind.WICKED_PROBLEM, title, "", description,
                "", region, poolId, deadline), new Actor(actor.userId(), actor.displayName()));
        jdbc.sql("UPDATE wicked_problem SET challenge_id = :challenge WHERE id = :id")
                .param("challenge", challengeId).param("id", problemId).update();
        return challengeId;
    }

    /** The wicked problem a challenge was made from, if it was. */
    @Transactional(readOnly = true)
    public Optional<Long> problemOf(long challengeId) {
        return jdbc.sql("SELECT id FROM wicked_problem WHERE challenge_id = :challenge")
                .param("challenge", challengeId).query(Long.class).optional();
    }

    private List<PrioritisedProblem> prioritised() {
        return jdbc.sql("""
                WITH averages AS (
                    SELECT wicked_problem_id, avg(size_score) AS size, avg(reach_score) AS reach,
                           avg(urgency_score) AS urgency, count(*) AS scorers
                    FROM wicked_problem_score GROUP BY wicked_problem_id)
                SELECT w.*, a.scorers, a.size, a.reach, a.urgency,
                       rank() OVER (ORDER BY a.size + a.reach + a.urgency DESC) AS place
                FROM wicked_problem w JOIN averages a ON a.wicked_problem_id = w.id
                ORDER BY place, a.scorers DESC, w.submitted_at, w.id""")
                .query((rs, n) -> new PrioritisedProblem(rs.getInt("place"), map(rs, n), rs.getDouble("size"),
                        rs.getDouble("reach"), rs.getDouble("urgency"), rs.getInt("scorers")))
                .list();
    }

    private static void requireTaskForce(CurrentUser user) {
        if (!isTaskForce(user)) {
            throw new AccessDeniedException("only Task Force members score wicked problems and see the results");
        }
    }

    private static boolean isTaskForce(CurrentUser user) {
        return user.hasRole(Role.TASK_FORCE);
    }

    private static void requireRange(String field, int score) {
        if (score < 1 || score > 5) {
            throw new ChallengeRuleException(field, "wicked.error.scoreRange");
        }
    }

    static WickedProblem map(ResultSet rs, int row) throws SQLException {
        String[] sectors = (String[]) rs.getArray("sectors").getArray();
        return new WickedProblem(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                rs.getString("affected"), Arrays.stream(sectors).map(Sector::valueOf).toList(),
                Region.valueOf(rs.getString("region")), rs.getLong("submitted_by_user_id"),
                rs.getString("submitted_by_name"), rs.getString("organisation_name"),
                rs.getTimestamp("submitted_at").toInstant(), (Long) rs.getObject("challenge_id"),
                rs.getInt("scorers"));
    }
}
