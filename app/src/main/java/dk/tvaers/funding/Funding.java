package dk.tvaers.funding;

import dk.tvaers.platform.database.SqlText;
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
 * The funding module's public API for pools, grants (decisions, who may see and report on them) and the ledger (read
 * and reversed). Every figure comes from the ledger; a grant locks its pool's row, so two decisions at the same
 * moment cannot together grant more than remains. The tranches' report-and-pay cycle is {@link Tranches}'.
 */
@Service
public class Funding {

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final PoolLedger ledger;

    Funding(JdbcClient jdbc, UserDirectory users, PoolLedger ledger) {
        this.jdbc = jdbc;
        this.users = users;
        this.ledger = ledger;
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
        return jdbc.sql("SELECT * FROM funding_pool ORDER BY first_year DESC, name").query(FundingRows::mapPool).list();
    }

    @Transactional(readOnly = true)
    public Pool pool(long id) {
        return jdbc.sql("SELECT * FROM funding_pool WHERE id = :id").param("id", id).query(FundingRows::mapPool)
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
        ledger.lockPool(decision.poolId());
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
                .param("reason", SqlText.blankToNull(decision.reason()))
                .param("by", actor.name())
                .param("contact", SqlText.blankToNull(decision.contactEmail()))
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
        ledger.record(decision.poolId(), grantId, null, LedgerEntry.Kind.GRANTED, decision.amount().ore(), null,
                decision.reason(), actor);
        return grantId;
    }

    @Transactional(readOnly = true)
    public Grant grantById(long id) {
        return jdbc.sql(FundingRows.GRANT_SELECT + " WHERE g.id = :id").param("id", id).query(FundingRows::mapGrant).optional()
                .orElseThrow(() -> new NotFoundException("grant", id));
    }

    @Transactional(readOnly = true)
    public List<Grant> grants(long poolId) {
        return jdbc.sql(FundingRows.GRANT_SELECT + " WHERE g.pool_id = :pool ORDER BY g.decided_at, g.id").param("pool", poolId)
                .query(FundingRows::mapGrant).list();
    }

    /** The grants that pay for an initiative, oldest decision first. */
    @Transactional(readOnly = true)
    public List<Grant> grantsForInitiative(long initiativeId) {
        return jdbc.sql(FundingRows.GRANT_SELECT + " WHERE g.initiative_id = :initiative ORDER BY g.decided_at, g.id")
                .param("initiative", initiativeId).query(FundingRows::mapGrant).list();
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
                .param("contact", SqlText.blankToNull(contactEmail)).param("id", grantId).update();
        if (changed == 0) {
            throw new NotFoundException("grant", grantId);
        }
    }

    // --- the ledger ---

    @Transactional(readOnly = true)
    public List<LedgerEntry> ledger(long poolId) {
        return jdbc.sql("""
                SELECT e.*, EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_entry_id = e.id) AS reversed
                FROM ledger_entry e WHERE e.pool_id = :pool ORDER BY e.recorded_at, e.id""")
                .param("pool", poolId).query(FundingRows::mapEntry).list();
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
        ledger.lockPool(poolId);
        LedgerEntry entry = jdbc.sql("""
                SELECT e.*, EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_entry_id = e.id) AS reversed
                FROM ledger_entry e WHERE e.id = :id""")
                .param("id", entryId).query(FundingRows::mapEntry).optional()
                .orElseThrow(() -> new NotFoundException("ledger entry", entryId));
        if (entry.reversesEntryId() != null || entry.reversed()) {
            throw new FundingRuleException("note", "funding.error.alreadyReversed");
        }
        if (entry.kind() == LedgerEntry.Kind.GRANTED && entry.grantId() != null) {
            List<Tranche> tranches = jdbc.sql("SELECT * FROM tranche WHERE grant_id = :grant ORDER BY number FOR UPDATE")
                    .param("grant", entry.grantId()).query(FundingRows::mapTranche).list();
            if (tranches.stream().anyMatch(t -> t.status() == TrancheStatus.RELEASED
                    || t.status() == TrancheStatus.PAID)) {
                throw new FundingRuleException("note", "funding.error.reversalWhilePayable");
            }
            jdbc.sql("""
                    UPDATE tranche SET status = 'CANCELLED'
                    WHERE grant_id = :grant AND status IN ('PLANNED', 'REPORTED')""")
                    .param("grant", entry.grantId()).update();
        } else if (entry.kind() == LedgerEntry.Kind.PAID && entry.trancheId() != null) {
            Tranche tranche = ledger.lockTranche(entry.trancheId());
            if (tranche.status() == TrancheStatus.PAID) {
                jdbc.sql("""
                        UPDATE tranche SET status = 'RELEASED', paid_by_user_id = NULL, paid_by_name = NULL,
                            paid_at = NULL
                        WHERE id = :id""")
                        .param("id", tranche.id()).update();
            }
        }
        try {
            ledger.record(poolId, entry.grantId(), entry.trancheId(), entry.kind(), -entry.amount().ore(), entryId,
                    note, actor);
        } catch (DuplicateKeyException e) {
            throw new FundingRuleException("note", "funding.error.alreadyReversed");
        }
    }
}
