package dk.tvaers.funding;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funding module's public API. Every figure comes from the ledger; a grant locks its pool's row, so two
 * decisions at the same moment cannot together grant more than remains.
 */
@Service
public class Funding {

    private final JdbcClient jdbc;
    private final UserDirectory users;

    Funding(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    // --- pools ---

    @Transactional
    public long createPool(String name, Region region, Money amount, int firstYear, int lastYear) {
        if (!amount.isPositive()) {
            throw new FundingRuleException("amount", "funding.error.amountPositive");
        }
        if (lastYear < firstYear) {
            throw new FundingRuleException("lastYear", "funding.error.yearsOrder");
        }
        try {
            return jdbc.sql("""
                    INSERT INTO funding_pool (name, region, amount_ore, first_year, last_year)
                    VALUES (:name, :region, :amount, :first, :last) RETURNING id""")
                    .param("name", name.strip()).param("region", region.name()).param("amount", amount.ore())
                    .param("first", firstYear).param("last", lastYear)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new FundingRuleException("name", "funding.error.poolNameTaken");
        }
    }

    @Transactional(readOnly = true)
    public List<Pool> pools() {
        return jdbc.sql("SELECT * FROM funding_pool ORDER BY first_year DESC, name").query(Funding::mapPool).list();
    }

    @Transactional(readOnly = true)
    public Pool pool(long id) {
        return jdbc.sql("SELECT * FROM funding_pool WHERE id = :id").param("id", id).query(Funding::mapPool)
                .optional().orElseThrow(() -> new NotFoundException("pool", id));
    }

    /** Granted, paid and remaining of a pool, from the ledger (reversals included). */
    @Transactional(readOnly = true)
    public PoolFigures figures(long poolId) {
        Pool pool = pool(poolId);
        return jdbc.sql("""
                SELECT coalesce(sum(amount_ore) FILTER (WHERE kind = 'GRANTED'), 0) AS granted,
                       coalesce(sum(amount_ore) FILTER (WHERE kind = 'PAID'), 0) AS paid
                FROM ledger_entry WHERE pool_id = :pool""")
                .param("pool", poolId)
                .query((rs, n) -> new PoolFigures(pool.amount(), new Money(rs.getLong("granted")),
                        new Money(rs.getLong("paid"))))
                .single();
    }

    // --- grants ---

    /**
     * Grants money from a pool with its tranche schedule.
     *
     * @throws FundingRuleException when the amount exceeds what remains in the pool (also when another decision
     *     took it a moment ago), exceeds what was applied for, is reduced without a reason, or the tranches do not
     *     add up to it
     */
    @Transactional
    public long grant(GrantDecision decision, Actor actor) {
        if (!decision.amount().isPositive()) {
            throw new FundingRuleException("amount", "funding.error.amountPositive");
        }
        if (decision.amount().exceeds(decision.applied())) {
            throw new FundingRuleException("amount", "funding.error.moreThanApplied");
        }
        if (decision.amount().compareTo(decision.applied()) < 0
                && (decision.reason() == null || decision.reason().isBlank())) {
            throw new FundingRuleException("reason", "funding.error.reducedNeedsReason");
        }
        if (decision.tranches().isEmpty()) {
            throw new FundingRuleException("tranches", "funding.error.noTranches");
        }
        Money scheduled = decision.tranches().stream().map(GrantDecision.NewTranche::amount)
                .reduce(Money.ZERO, Money::plus);
        if (!scheduled.equals(decision.amount())) {
            throw new FundingRuleException("tranches", "funding.error.tranchesSum");
        }
        // the pool's row is the lock: concurrent decisions on one pool are taken one after the other
        lockPool(decision.poolId());
        PoolFigures figures = figures(decision.poolId());
        if (decision.amount().exceeds(figures.remaining())) {
            throw new FundingRuleException("amount", "funding.error.overdraw", figures.remaining());
        }
        long grantId = jdbc.sql("""
                INSERT INTO grant_award (pool_id, title, recipient_organisation_id, applied_ore, amount_ore, reason,
                    decided_by_name, contact_email)
                VALUES (:pool, :title, :recipient, :applied, :amount, :reason, :by, :contact) RETURNING id""")
                .param("pool", decision.poolId())
                .param("title", decision.title().strip())
                .param("recipient", decision.recipientOrganisationId())
                .param("applied", decision.applied().ore())
                .param("amount", decision.amount().ore())
                .param("reason", blankToNull(decision.reason()))
                .param("by", actor.name())
                .param("contact", blankToNull(decision.contactEmail()))
                .query(Long.class).single();
        int number = 1;
        for (GrantDecision.NewTranche tranche : decision.tranches()) {
            jdbc.sql("""
                    INSERT INTO tranche (grant_id, number, amount_ore, report_due)
                    VALUES (:grant, :number, :amount, :due)""")
                    .param("grant", grantId).param("number", number++).param("amount", tranche.amount().ore())
                    .param("due", Date.valueOf(tranche.reportDue()))
                    .update();
        }
        record(decision.poolId(), grantId, null, LedgerEntry.Kind.GRANTED, decision.amount().ore(), null,
                decision.reason(), actor);
        return grantId;
    }

    @Transactional(readOnly = true)
    public Grant grantById(long id) {
        return jdbc.sql(GRANT_SELECT + " WHERE g.id = :id").param("id", id).query(Funding::mapGrant).optional()
                .orElseThrow(() -> new NotFoundException("grant", id));
    }

    @Transactional(readOnly = true)
    public List<Grant> grants(long poolId) {
        return jdbc.sql(GRANT_SELECT + " WHERE g.pool_id = :pool ORDER BY g.decided_at, g.id").param("pool", poolId)
                .query(Funding::mapGrant).list();
    }

    /** The grants that pay for an initiative, oldest decision first. */
    @Transactional(readOnly = true)
    public List<Grant> grantsForInitiative(long initiativeId) {
        return jdbc.sql(GRANT_SELECT + " WHERE g.initiative_id = :initiative ORDER BY g.decided_at, g.id")
                .param("initiative", initiativeId).query(Funding::mapGrant).list();
    }

    /**
     * Links a grant to the initiative (a project) it pays for. A grant pays for one initiative: linking it to
     * another is refused.
     */
    @Transactional
    public void linkInitiative(long grantId, long initiativeId) {
        int changed = jdbc.sql("""
                UPDATE grant_award SET initiative_id = :initiative
                WHERE id = :id AND (initiative_id IS NULL OR initiative_id = :initiative)""")
                .param("initiative", initiativeId).param("id", grantId).update();
        if (changed == 0) {
            grantById(grantId);
            throw new IllegalStateException("Grant " + grantId + " already pays for another initiative");
        }
    }

    /**
     * Shares a grant with organisations besides its recipient (the members of the consortium it was decided for):
     * their people see it and report on it like the recipient's.
     */
    @Transactional
    public void shareWith(long grantId, Collection<Long> organisationIds) {
        grantById(grantId);
        for (Long organisationId : organisationIds) {
            jdbc.sql("""
                    INSERT INTO grant_organisation (grant_id, organisation_id) VALUES (:grant, :organisation)
                    ON CONFLICT DO NOTHING""")
                    .param("grant", grantId).param("organisation", organisationId).update();
        }
    }

    /**
     * Whether the user is one of the grant's people: from its recipient organisation or one it is shared with.
     * They report progress on its tranches; that report is what releases money (ADR 0017).
     */
    @Transactional(readOnly = true)
    public boolean isGrantee(long grantId, long userId) {
        Long organisationId = users.find(userId).filter(UserAccount::active).map(UserAccount::organisationId)
                .orElse(null);
        if (organisationId == null) {
            return false;
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM grant_award WHERE id = :grant AND recipient_organisation_id = :org)
                    OR EXISTS (SELECT 1 FROM grant_organisation WHERE grant_id = :grant AND organisation_id = :org)""")
                .param("grant", grantId).param("org", organisationId).query(Boolean.class).single();
    }

    /** Who sees a grant's page: its people ({@link #isGrantee}), the Task Force and finance. */
    @Transactional(readOnly = true)
    public boolean maySee(long grantId, long userId, Collection<Role> roles) {
        return roles.contains(Role.TASK_FORCE) || roles.contains(Role.FINANCE) || isGrantee(grantId, userId);
    }

    /** Who files a progress report on a grant's tranche: its people with a staff or consultant role. */
    @Transactional(readOnly = true)
    public boolean mayReport(long grantId, long userId, Collection<Role> roles) {
        return (roles.contains(Role.STAFF) || roles.contains(Role.INNOVATION_CONSULTANT)) && isGrantee(grantId, userId);
    }

    /** Sets or clears the e-mail of the person who reports progress on the grant (reminders go to them). */
    @Transactional
    public void changeContact(long grantId, String contactEmail) {
        int changed = jdbc.sql("UPDATE grant_award SET contact_email = :contact WHERE id = :id")
                .param("contact", blankToNull(contactEmail)).param("id", grantId).update();
        if (changed == 0) {
            throw new NotFoundException("grant", grantId);
        }
    }

    // --- tranches and progress reports ---

    @Transactional(readOnly = true)
    public List<Tranche> tranches(long grantId) {
        return jdbc.sql("SELECT * FROM tranche WHERE grant_id = :grant ORDER BY number").param("grant", grantId)
                .query(Funding::mapTranche).list();
    }

    @Transactional(readOnly = true)
    public Tranche tranche(long id) {
        return jdbc.sql("SELECT * FROM tranche WHERE id = :id").param("id", id).query(Funding::mapTranche).optional()
                .orElseThrow(() -> new NotFoundException("tranche", id));
    }

    @Transactional(readOnly = true)
    public List<ProgressReport> reports(long grantId) {
        return jdbc.sql("""
                SELECT r.* FROM progress_report r JOIN tranche t ON t.id = r.tranche_id
                WHERE t.grant_id = :grant ORDER BY r.submitted_at, r.id""")
                .param("grant", grantId).query(Funding::mapReport).list();
    }

    @Transactional
    public void submitReport(long trancheId, String body, Actor actor) {
        lockPoolOfTranche(trancheId);
        Tranche tranche = lockTranche(trancheId);
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
        lockPoolOfTranche(trancheId);
        Tranche tranche = lockTranche(trancheId);
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
        Grant grant = grantById(tranche.grantId());
        record(grant.poolId(), grant.id(), trancheId, LedgerEntry.Kind.PAID, tranche.amount().ore(), null, null, actor);
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

    // --- the ledger ---

    @Transactional(readOnly = true)
    public List<LedgerEntry> ledger(long poolId) {
        return jdbc.sql("""
                SELECT e.*, EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_entry_id = e.id) AS reversed
                FROM ledger_entry e WHERE e.pool_id = :pool ORDER BY e.recorded_at, e.id""")
                .param("pool", poolId).query(Funding::mapEntry).list();
    }

    /** The pool a ledger entry belongs to. */
    @Transactional(readOnly = true)
    public long poolOfEntry(long entryId) {
        return jdbc.sql("SELECT pool_id FROM ledger_entry WHERE id = :id").param("id", entryId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("ledger entry", entryId));
    }

    /**
     * Corrects an entry with a reversing one (the ledger is never edited); an entry is reversed once. A reversal
     * cancels what it reverses: reversing a grant cancels its tranches that are not yet released, and is refused
     * while one of them is released or paid (reverse the payment first); reversing a payment makes its tranche
     * released (payable) again. So money a reversal frees in a pool can never also be paid out (ADR 0018).
     */
    @Transactional
    public void reverse(long entryId, String note, Actor actor) {
        if (note == null || note.isBlank()) {
            throw new FundingRuleException("note", "funding.error.reversalNeedsNote");
        }
        long poolId = poolOfEntry(entryId);
        lockPool(poolId);
        LedgerEntry entry = jdbc.sql("""
                SELECT e.*, EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_entry_id = e.id) AS reversed
                FROM ledger_entry e WHERE e.id = :id""")
                .param("id", entryId).query(Funding::mapEntry).optional()
                .orElseThrow(() -> new NotFoundException("ledger entry", entryId));
        if (entry.reversesEntryId() != null || entry.reversed()) {
            throw new FundingRuleException("note", "funding.error.alreadyReversed");
        }
        if (entry.kind() == LedgerEntry.Kind.GRANTED && entry.grantId() != null) {
            List<Tranche> tranches = jdbc.sql("SELECT * FROM tranche WHERE grant_id = :grant ORDER BY number FOR UPDATE")
                    .param("grant", entry.grantId()).query(Funding::mapTranche).list();
            if (tranches.stream().anyMatch(t -> t.status() == TrancheStatus.RELEASED
                    || t.status() == TrancheStatus.PAID)) {
                throw new FundingRuleException("note", "funding.error.reversalWhilePayable");
            }
            jdbc.sql("""
                    UPDATE tranche SET status = 'CANCELLED'
                    WHERE grant_id = :grant AND status IN ('PLANNED', 'REPORTED')""")
                    .param("grant", entry.grantId()).update();
        } else if (entry.kind() == LedgerEntry.Kind.PAID && entry.trancheId() != null) {
            Tranche tranche = lockTranche(entry.trancheId());
            if (tranche.status() == TrancheStatus.PAID) {
                jdbc.sql("""
                        UPDATE tranche SET status = 'RELEASED', paid_by_user_id = NULL, paid_by_name = NULL,
                            paid_at = NULL
                        WHERE id = :id""")
                        .param("id", tranche.id()).update();
            }
        }
        try {
            record(poolId, entry.grantId(), entry.trancheId(), entry.kind(), -entry.amount().ore(), entryId, note,
                    actor);
        } catch (DuplicateKeyException e) {
            throw new FundingRuleException("note", "funding.error.alreadyReversed");
        }
    }

    // --- helpers ---

    private void decideReport(long trancheId, ProgressReport.ReportDecision decision, String note, Actor actor) {
        lockPoolOfTranche(trancheId);
        Tranche tranche = lockTranche(trancheId);
        if (tranche.status() != TrancheStatus.REPORTED) {
            throw new FundingRuleException(null, "funding.error.noReportToDecide");
        }
        jdbc.sql("""
                UPDATE progress_report SET decision = :decision, decision_note = :note, decided_by_name = :by,
                    decided_at = now()
                WHERE id = (SELECT max(id) FROM progress_report WHERE tranche_id = :tranche AND decision IS NULL)""")
                .param("decision", decision.name()).param("note", blankToNull(note)).param("by", actor.name())
                .param("tranche", trancheId).update();
    }

    /** The pool's row is the lock of every change to its grants, tranches and ledger; taken first (no deadlock). */
    private void lockPool(long poolId) {
        jdbc.sql("SELECT id FROM funding_pool WHERE id = :id FOR UPDATE").param("id", poolId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("pool", poolId));
    }

    private void lockPoolOfTranche(long trancheId) {
        jdbc.sql("""
                SELECT p.id FROM funding_pool p JOIN grant_award g ON g.pool_id = p.id
                JOIN tranche t ON t.grant_id = g.id WHERE t.id = :id FOR UPDATE OF p""")
                .param("id", trancheId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("tranche", trancheId));
    }

    private Tranche lockTranche(long trancheId) {
        return jdbc.sql("SELECT * FROM tranche WHERE id = :id FOR UPDATE").param("id", trancheId)
                .query(Funding::mapTranche).optional().orElseThrow(() -> new NotFoundException("tranche", trancheId));
    }

    private void setStatus(long trancheId, TrancheStatus status) {
        jdbc.sql("UPDATE tranche SET status = :status WHERE id = :id").param("status", status.name())
                .param("id", trancheId).update();
    }

    private void record(long poolId, Long grantId, Long trancheId, LedgerEntry.Kind kind, long ore, Long reverses,
            String note, Actor actor) {
        jdbc.sql("""
                INSERT INTO ledger_entry (pool_id, grant_id, tranche_id, kind, amount_ore, reverses_entry_id, note,
                    recorded_by_name)
                VALUES (:pool, :grant, :tranche, :kind, :amount, :reverses, :note, :by)""")
                .param("pool", poolId).param("grant", grantId).param("tranche", trancheId).param("kind", kind.name())
                .param("amount", ore).param("reverses", reverses).param("note", blankToNull(note))
                .param("by", actor.name())
                .update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final String GRANT_SELECT = """
            SELECT g.*, p.name AS pool_name, o.name AS recipient_name
            FROM grant_award g JOIN funding_pool p ON p.id = g.pool_id
            LEFT JOIN organisation o ON o.id = g.recipient_organisation_id""";

    static Pool mapPool(ResultSet rs, int row) throws SQLException {
        return new Pool(rs.getLong("id"), rs.getString("name"), Region.valueOf(rs.getString("region")),
                new Money(rs.getLong("amount_ore")), rs.getInt("first_year"), rs.getInt("last_year"));
    }

    static Grant mapGrant(ResultSet rs, int row) throws SQLException {
        return new Grant(rs.getLong("id"), rs.getLong("pool_id"), rs.getString("pool_name"), rs.getString("title"),
                (Long) rs.getObject("recipient_organisation_id"), rs.getString("recipient_name"),
                new Money(rs.getLong("applied_ore")), new Money(rs.getLong("amount_ore")), rs.getString("reason"),
                rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by_name"),
                rs.getString("contact_email"), (Long) rs.getObject("initiative_id"));
    }

    static Tranche mapTranche(ResultSet rs, int row) throws SQLException {
        return new Tranche(rs.getLong("id"), rs.getLong("grant_id"), rs.getInt("number"),
                new Money(rs.getLong("amount_ore")), rs.getDate("report_due").toLocalDate(),
                TrancheStatus.valueOf(rs.getString("status")), rs.getString("released_by_name"),
                instant(rs.getTimestamp("released_at")), rs.getString("paid_by_name"), instant(rs.getTimestamp("paid_at")));
    }

    static ProgressReport mapReport(ResultSet rs, int row) throws SQLException {
        String decision = rs.getString("decision");
        return new ProgressReport(rs.getLong("id"), rs.getLong("tranche_id"), rs.getString("body"),
                rs.getString("submitted_by_name"), rs.getTimestamp("submitted_at").toInstant(),
                decision == null ? null : ProgressReport.ReportDecision.valueOf(decision), rs.getString("decision_note"),
                rs.getString("decided_by_name"), instant(rs.getTimestamp("decided_at")));
    }

    static LedgerEntry mapEntry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), LedgerEntry.Kind.valueOf(rs.getString("kind")),
                new Money(rs.getLong("amount_ore")), (Long) rs.getObject("grant_id"), (Long) rs.getObject("tranche_id"),
                (Long) rs.getObject("reverses_entry_id"), rs.getBoolean("reversed"), rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by_name"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
