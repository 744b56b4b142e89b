package dk.tvaers.monitoring;

import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.MemberRole;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Role;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees an initiative's Triple Aim results (ADR 0017). A run's results are for the initiative's people (those
 * who may contribute to it: its members, its owner organisation's staff), analysts, innovation consultants and the
 * Task Force; once published, for everyone logged in. The Task Force and the initiative's project leads publish.
 * Every view and download is written to the audit log.
 */
@Service
public class ResultAccess {

    /** A run's publication: when and by whom. */
    public record Publication(long runId, Instant at, String byName) {}

    private final JdbcClient jdbc;
    private final Runs runs;
    private final InitiativeMembers members;
    private final AuditLog audit;

    ResultAccess(JdbcClient jdbc, Runs runs, InitiativeMembers members, AuditLog audit) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.members = members;
        this.audit = audit;
    }

    /** Whether the viewer sees the initiative's results before they are published. */
    public boolean isInsider(Initiative initiative, Editor viewer) {
        if (viewer.roles().contains(Role.ANALYST) || viewer.roles().contains(Role.INNOVATION_CONSULTANT)
                || viewer.roles().contains(Role.TASK_FORCE)) {
            return true;
        }
        return members.mayContribute(initiative, viewer);
    }

    /** Whether the viewer may publish the initiative's results: the Task Force and its project leads. */
    @Transactional(readOnly = true)
    public boolean mayPublish(Initiative initiative, Editor viewer) {
        if (viewer.roles().contains(Role.TASK_FORCE)) {
            return true;
        }
        return members.of(initiative.id()).stream().filter(m -> m.role() == MemberRole.PROJECT_LEAD)
                .anyMatch(m -> (m.userId() != null && m.userId() == viewer.userId())
                        || (m.organisationId() != null && viewer.roles().contains(Role.STAFF)
                                && m.organisationId().equals(viewer.organisationId())));
    }

    /** The run whose results the viewer sees: the newest finished one for insiders, the newest published for others. */
    @Transactional(readOnly = true)
    public Optional<IndicatorRun> visibleRun(Initiative initiative, Editor viewer) {
        if (isInsider(initiative, viewer)) {
            return runs.latestSucceeded(initiative.id());
        }
        return jdbc.sql("""
                SELECT r.id FROM monitoring_run r JOIN monitoring_publication p ON p.run_id = r.id
                WHERE r.initiative_id = :id AND r.status = 'SUCCEEDED' ORDER BY r.id DESC LIMIT 1""")
                .param("id", initiative.id()).query(Long.class).optional().flatMap(runs::find);
    }

    @Transactional(readOnly = true)
    public Optional<Publication> publication(long runId) {
        return jdbc.sql("SELECT * FROM monitoring_publication WHERE run_id = :id").param("id", runId)
                .query((rs, n) -> new Publication(rs.getLong("run_id"), rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by_name")))
                .optional();
    }

    /**
     * Publishes the initiative's newest finished run: from now on everyone logged in sees its results.
     *
     * @throws NotFoundException when the viewer may not publish (as if there were nothing) or there is no run
     */
    @Transactional
    public long publish(Initiative initiative, Editor publisher) {
        if (!mayPublish(initiative, publisher)) {
            throw new NotFoundException("initiative", initiative.id());
        }
        IndicatorRun run = runs.latestSucceeded(initiative.id())
                .orElseThrow(() -> new NotFoundException("run", initiative.id()));
        jdbc.sql("""
                INSERT INTO monitoring_publication (run_id, published_by_user_id, published_by_name)
                VALUES (:run, :user, :name) ON CONFLICT DO NOTHING""")
                .param("run", run.id()).param("user", publisher.userId()).param("name", publisher.name()).update();
        return run.id();
    }

    /** Writes a view or download of results to the audit log (call outside a transaction). */
    public void record(AuditKind kind, Initiative initiative, IndicatorRun run, Editor viewer, String what) {
        audit.record(kind, viewer.userId(), viewer.name(), "initiative " + initiative.id() + ", run " + run.id(), what);
    }
}
