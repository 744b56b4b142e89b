package dk.tvaers.ideas;

import dk.tvaers.platform.database.SqlText;
import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idea clinic's API: the queue, assignment, the thread with the submitter, the scorecard and the outcomes.
 * Every question and status change is published as an event, so the submitter is mailed even if the mail
 * server is down right now.
 */
@Service
public class IdeaClinic {

    /**
     * Filters of the queue; every field may be empty. {@code status} empty means the open ones; {@code text} is
     * found anywhere in the title, the problem or the proposal.
     */
    public record QueueFilter(String text, IdeaStatus status, Region region, Sector sector, InnovationType kind,
            Long assignedTo) {}

    /** A score as an assessor enters it. */
    public record ScoreEntry(long criterionId, int score, String justification) {}

    private final JdbcClient jdbc;
    private final Ideas ideas;
    private final Initiatives initiatives;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdeaStatusHistory history;

    IdeaClinic(JdbcClient jdbc, Ideas ideas, Initiatives initiatives, ApplicationEventPublisher events, Clock clock,
            IdeaStatusHistory history) {
        this.jdbc = jdbc;
        this.ideas = ideas;
        this.history = history;
        this.initiatives = initiatives;
        this.events = events;
        this.clock = clock;
    }

    /** The clinic's queue, the ideas that waited longest first. */
    @Transactional(readOnly = true)
    public PageOf<Idea> queue(QueueFilter filter, int page, int size) {
        return new FilteredQuery()
                .condition(filter.status() == null, "i.status IN ('SUBMITTED', 'IN_REVIEW')")
                .filter("i.status = :status", "status", filter.status())
                .filter("i.region = :region", "region", filter.region())
                .filter("i.innovation_type = :kind", "kind", filter.kind())
                .filter("i.sectors @> ARRAY[CAST(:sector AS VARCHAR(40))]", "sector", filter.sector())
                .filter("i.assigned_to_user_id = :assigned", "assigned", filter.assignedTo())
                .contains("(lower(i.title) LIKE :text OR lower(i.problem) LIKE :text OR lower(i.proposal) LIKE :text)", "text", filter.text())
                .orderBy("i.submitted_at NULLS LAST, i.id")
                .page(jdbc, "SELECT count(*) FROM idea i", IdeaRows.SELECT, IdeaRows::map, page, size);
    }

    /** Assigns the idea to a consultant; an idea just submitted is then under review. */
    @Transactional
    public void assign(long ideaId, long consultantId, String consultantName, Actor actor) {
        Idea idea = open(ideaId);
        jdbc.sql("""
                UPDATE idea SET assigned_to_user_id = :user, assigned_to_name = :name, version = version + 1
                WHERE id = :id""")
                .param("user", consultantId).param("name", consultantName).param("id", ideaId).update();
        if (idea.status() == IdeaStatus.SUBMITTED) {
            changeStatus(idea, IdeaStatus.IN_REVIEW, null, actor);
        }
    }

    /** The clinic asks the submitter a question; it reaches them by mail and on their page. */
    @Transactional
    public long ask(long ideaId, String question, Actor actor) {
        Idea idea = open(ideaId);
        long message = jdbc.sql("""
                INSERT INTO idea_message (idea_id, kind, author_id, author_name, body)
                VALUES (:idea, 'QUESTION', :author, :name, :body) RETURNING id""")
                .param("idea", ideaId).param("author", actor.id()).param("name", actor.name())
                .param("body", question.strip()).query(Long.class).single();
        events.publishEvent(new IdeaQuestionAsked(ideaId, message));
        if (idea.status() == IdeaStatus.SUBMITTED) {
            changeStatus(idea, IdeaStatus.IN_REVIEW, null, actor);
        }
        return message;
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(long ideaId) {
        return jdbc.sql("""
                SELECT from_status, to_status, note, by_name, changed_at FROM idea_status_change
                WHERE idea_id = :id ORDER BY changed_at, id""")
                .param("id", ideaId)
                .query((rs, n) -> new StatusChange(
                        rs.getString("from_status") == null ? null : IdeaStatus.valueOf(rs.getString("from_status")),
                        IdeaStatus.valueOf(rs.getString("to_status")), rs.getString("note"), rs.getString("by_name"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    // --- scorecard ---

    @Transactional(readOnly = true)
    public List<ScoreCriterion> criteria(boolean activeOnly) {
        return jdbc.sql("SELECT * FROM score_criterion" + (activeOnly ? " WHERE active" : "")
                        + " ORDER BY position, id")
                .query((rs, n) -> new ScoreCriterion(rs.getLong("id"), rs.getString("name"), rs.getInt("position"),
                        rs.getBoolean("active")))
                .list();
    }

    @Transactional
    public long addCriterion(String name) {
        return jdbc.sql("""
                INSERT INTO score_criterion (name, position)
                VALUES (:name, (SELECT coalesce(max(position), 0) + 10 FROM score_criterion)) RETURNING id""")
                .param("name", name.strip()).query(Long.class).single();
    }

    @Transactional
    public void setCriterionActive(long id, boolean active) {
        jdbc.sql("UPDATE score_criterion SET active = :active WHERE id = :id")
                .param("active", active).param("id", id).update();
    }

    /** Records (or replaces) an assessor's scores of an idea. */
    @Transactional
    public void score(long ideaId, List<ScoreEntry> entries, Actor assessor) {
        open(ideaId);
        for (ScoreEntry entry : entries) {
            if (entry.score() < 1 || entry.score() > 5) {
                throw new IllegalArgumentException("score must be 1-5");
            }
            jdbc.sql("""
                    INSERT INTO idea_score (idea_id, criterion_id, assessor_id, assessor_name, score, justification)
                    VALUES (:idea, :criterion, :assessor, :name, :score, :why)
                    ON CONFLICT (idea_id, criterion_id, assessor_id)
                    DO UPDATE SET score = EXCLUDED.score, justification = EXCLUDED.justification, scored_at = now()""")
                    .param("idea", ideaId).param("criterion", entry.criterionId()).param("assessor", assessor.id())
                    .param("name", assessor.name()).param("score", entry.score())
                    .param("why", entry.justification().strip()).update();
        }
    }

    @Transactional(readOnly = true)
    public List<Score> scores(long ideaId) {
        return jdbc.sql("""
                SELECT s.*, c.name AS criterion_name FROM idea_score s JOIN score_criterion c ON c.id = s.criterion_id
                WHERE s.idea_id = :id ORDER BY s.assessor_name, c.position""")
                .param("id", ideaId)
                .query((rs, n) -> new Score(rs.getLong("criterion_id"), rs.getString("criterion_name"),
                        rs.getLong("assessor_id"), rs.getString("assessor_name"), rs.getInt("score"),
                        rs.getString("justification"), rs.getTimestamp("scored_at").toInstant()))
                .list();
    }

    /** Assessed ideas still open, the highest average score first. */
    @Transactional(readOnly = true)
    public List<AssessedIdea> prioritised() {
        return jdbc.sql("""
                SELECT i.id, i.title, i.status, round(avg(s.score), 2) AS average,
                       count(DISTINCT s.assessor_id) AS assessors
                FROM idea i JOIN idea_score s ON s.idea_id = i.id
                WHERE i.status IN ('SUBMITTED', 'IN_REVIEW')
                GROUP BY i.id ORDER BY average DESC, assessors DESC, i.id""")
                .query((rs, n) -> new AssessedIdea(rs.getLong("id"), rs.getString("title"),
                        IdeaStatus.valueOf(rs.getString("status")), rs.getBigDecimal("average"),
                        rs.getInt("assessors")))
                .list();
    }

    // --- outcomes ---

    /** Prioritised: the idea becomes an initiative in phase Nyt, linked both ways. */
    @Transactional
    public long prioritise(long ideaId, String note, Actor actor) {
        Idea idea = open(ideaId);
        long initiative = initiatives.start(new NewInitiative(idea.title(), idea.proposal(), InitiativeKind.PROJECT,
                idea.innovationType(), null,
                idea.sectors().isEmpty() ? EnumSet.noneOf(Sector.class) : EnumSet.copyOf(idea.sectors()),
                idea.id()), actor);
        jdbc.sql("UPDATE idea SET initiative_id = :initiative WHERE id = :id")
                .param("initiative", initiative).param("id", ideaId).update();
        decide(idea, IdeaStatus.PRIORITISED, note, actor);
        return initiative;
    }

    /** Referred elsewhere: {@code where} says to whom, and the submitter reads it. */
    @Transactional
    public void refer(long ideaId, String where, Actor actor) {
        decide(open(ideaId), IdeaStatus.REFERRED, where, actor);
    }

    /** Rejected, with a reason the submitter reads. */
    @Transactional
    public void reject(long ideaId, String reason, Actor actor) {
        decide(open(ideaId), IdeaStatus.REJECTED, reason, actor);
    }

    /** Merged into another idea: its supports and followers move to that idea (nobody counted twice). */
    @Transactional
    public void merge(long ideaId, long intoId, String note, Actor actor) {
        if (ideaId == intoId) {
            throw new InvalidOutcomeException("clinic.outcome.error.mergeSelf");
        }
        Idea idea = open(ideaId);
        Idea into = ideas.find(intoId).filter(target -> target.status().isVisible()
                && target.status() != IdeaStatus.MERGED)
                .orElseThrow(() -> new InvalidOutcomeException("clinic.outcome.error.mergeTarget"));
        jdbc.sql("""
                INSERT INTO idea_support (idea_id, user_id, created_at)
                SELECT :into, user_id, created_at FROM idea_support WHERE idea_id = :from
                ON CONFLICT DO NOTHING""")
                .param("into", into.id()).param("from", ideaId).update();
        jdbc.sql("DELETE FROM idea_support WHERE idea_id = :from").param("from", ideaId).update();
        jdbc.sql("""
                UPDATE idea_follower f SET idea_id = :into, submitter = FALSE WHERE f.idea_id = :from
                AND NOT EXISTS (SELECT 1 FROM idea_follower o WHERE o.idea_id = :into AND o.user_id = f.user_id)""")
                .param("into", into.id()).param("from", ideaId).update();
        jdbc.sql("""
                UPDATE idea SET support_count = (SELECT count(*) FROM idea_support WHERE idea_id = idea.id)
                WHERE id IN (:into, :from)""")
                .param("into", into.id()).param("from", ideaId).update();
        jdbc.sql("UPDATE idea SET merged_into_id = :into WHERE id = :id")
                .param("into", into.id()).param("id", ideaId).update();
        decide(idea, IdeaStatus.MERGED, note, actor);
    }

    private void decide(Idea idea, IdeaStatus outcome, String note, Actor actor) {
        jdbc.sql("""
                UPDATE idea SET outcome_note = :note, outcome_by_name = :by, outcome_at = :at WHERE id = :id""")
                .param("note", SqlText.blankToNull(note)).param("by", actor.name())
                .param("at", Timestamp.from(clock.instant())).param("id", idea.id()).update();
        changeStatus(idea, outcome, note, actor);
    }

    private void changeStatus(Idea idea, IdeaStatus to, String note, Actor actor) {
        jdbc.sql("UPDATE idea SET status = :status, version = version + 1 WHERE id = :id")
                .param("status", to.name()).param("id", idea.id()).update();
        long change = history.record(idea.id(), idea.status(), to, note, actor.id(), actor.name());
        events.publishEvent(new IdeaStatusChanged(idea.id(), idea.status(), to, SqlText.blankToNull(note), change));
    }

    /** An idea the clinic can still act on: counted and without an outcome. */
    private Idea open(long ideaId) {
        Idea idea = ideas.find(ideaId).orElseThrow(() -> new NotFoundException("idea", ideaId));
        if (!idea.status().isVisible()) {
            throw new NotFoundException("idea", ideaId);
        }
        if (idea.status().isOutcome()) {
            throw new InvalidOutcomeException("clinic.outcome.error.decided");
        }
        return idea;
    }
}
