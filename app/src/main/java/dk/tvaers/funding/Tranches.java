package dk.tvaers.funding;

import dk.tvaers.platform.database.SqlText;
import dk.tvaers.accounts.Actor;
import dk.tvaers.platform.web.NotFoundException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report-and-pay cycle of a grant's tranches (ADR 0017): the grant's people report progress, the Task Force
 * approves the report (releasing the tranche) or returns it, and finance pays a released tranche, which the ledger
 * records. Grants and their decisions are {@link Funding}'s; both lock and write through {@link PoolLedger}.
 */
@Service
public class Tranches {

    private final JdbcClient jdbc;
    private final Funding funding;
    private final PoolLedger ledger;

    Tranches(JdbcClient jdbc, Funding funding, PoolLedger ledger) {
        this.jdbc = jdbc;
        this.funding = funding;
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public List<Tranche> tranches(long grantId) {
        return jdbc.sql("SELECT * FROM tranche WHERE grant_id = :grant ORDER BY number").param("grant", grantId)
                .query(FundingRows::mapTranche).list();
    }

    @Transactional(readOnly = true)
    public Tranche tranche(long id) {
        return jdbc.sql("SELECT * FROM tranche WHERE id = :id").param("id", id).query(FundingRows::mapTranche).optional()
                .orElseThrow(() -> new NotFoundException("tranche", id));
    }

    @Transactional(readOnly = true)
    public List<ProgressReport> reports(long grantId) {
        return jdbc.sql("""
                SELECT r.* FROM progress_report r JOIN tranche t ON t.id = r.tranche_id
                WHERE t.grant_id = :grant ORDER BY r.submitted_at, r.id""")
                .param("grant", grantId).query(FundingRows::mapReport).list();
    }

    @Transactional
    public void submitReport(long trancheId, String body, Actor actor) {
        ledger.lockPoolOfTranche(trancheId);
        Tranche tranche = ledger.lockTranche(trancheId);
        if (tranche.status() != TrancheStatus.PLANNED) {
            throw new FundingRuleException("body", "funding.error.reportNotExpected");
        }
        jdbc.sql("INSERT INTO progress_report (tranche_id, body, submitted_by_name) VALUES (:tranche, :body, :by)")
                .param("tranche", trancheId).param("body", body.strip()).param("by", actor.name()).update();
        setStatus(trancheId, TrancheStatus.REPORTED);
    }

    /** The Task Force approves the report: the tranche is released for payment. */
    @Transactional
    public void approveReport(long trancheId, String note, Actor actor) {
        decideReport(trancheId, ProgressReport.ReportDecision.APPROVED, note, actor);
        jdbc.sql("""
                UPDATE tranche SET status = 'RELEASED', released_by_user_id = :user, released_by_name = :name,
                    released_at = now()
                WHERE id = :id""")
                .param("user", actor.id()).param("name", actor.name()).param("id", trancheId).update();
    }

    /** The Task Force sends the report back: the tranche waits for a new report. */
    @Transactional
    public void returnReport(long trancheId, String note, Actor actor) {
        if (note == null || note.isBlank()) {
            throw new FundingRuleException("note", "funding.error.returnNeedsNote");
        }
        decideReport(trancheId, ProgressReport.ReportDecision.RETURNED, note, actor);
        setStatus(trancheId, TrancheStatus.PLANNED);
    }

    /** Finance marks a released tranche paid; the one who released it cannot also pay it. */
    @Transactional
    public void markPaid(long trancheId, Actor actor) {
        ledger.lockPoolOfTranche(trancheId);
        Tranche tranche = ledger.lockTranche(trancheId);
        if (tranche.status() != TrancheStatus.RELEASED) {
            throw new FundingRuleException(null, "funding.error.notReleased");
        }
        Long releasedBy = jdbc.sql("SELECT released_by_user_id FROM tranche WHERE id = :id").param("id", trancheId)
                .query(Long.class).optional().orElse(null);
        if (releasedBy != null && Objects.equals(releasedBy, actor.id())) {
            throw new FundingRuleException(null, "funding.error.sameUserReleaseAndPay");
        }
        jdbc.sql("""
                UPDATE tranche SET status = 'PAID', paid_by_user_id = :user, paid_by_name = :name, paid_at = now()
                WHERE id = :id""")
                .param("user", actor.id()).param("name", actor.name()).param("id", trancheId).update();
        Grant grant = funding.grantById(tranche.grantId());
        ledger.record(grant.poolId(), grant.id(), trancheId, LedgerEntry.Kind.PAID, tranche.amount().ore(), null,
                null, actor);
    }

    /** Progress reports that are due and have not come, oldest first (the Task Force's overview). */
    @Transactional(readOnly = true)
    public List<OverdueReport> overdueReports(LocalDate today) {
        return jdbc.sql("""
                SELECT g.id AS grant_id, g.title, p.name AS pool_name, t.number, t.report_due
                FROM tranche t JOIN grant_award g ON g.id = t.grant_id JOIN funding_pool p ON p.id = g.pool_id
                WHERE t.status = 'PLANNED' AND t.report_due < :today
                ORDER BY t.report_due, g.id""")
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new OverdueReport(rs.getLong("grant_id"), rs.getString("title"),
                        rs.getString("pool_name"), rs.getInt("number"), rs.getDate("report_due").toLocalDate()))
                .list();
    }

    // --- helpers ---

    private void decideReport(long trancheId, ProgressReport.ReportDecision decision, String note, Actor actor) {
        ledger.lockPoolOfTranche(trancheId);
        Tranche tranche = ledger.lockTranche(trancheId);
        if (tranche.status() != TrancheStatus.REPORTED) {
            throw new FundingRuleException(null, "funding.error.noReportToDecide");
        }
        jdbc.sql("""
                UPDATE progress_report SET decision = :decision, decision_note = :note, decided_by_name = :by,
                    decided_at = now()
                WHERE id = (SELECT max(id) FROM progress_report WHERE tranche_id = :tranche AND decision IS NULL)""")
                .param("decision", decision.name()).param("note", SqlText.blankToNull(note))
                .param("by", actor.name())
                .param("tranche", trancheId).update();
    }

    private void setStatus(long trancheId, TrancheStatus status) {
        jdbc.sql("UPDATE tranche SET status = :status WHERE id = :id").param("status", status.name())
                .param("id", trancheId).update();
    }
}
