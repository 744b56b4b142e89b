package dk.tvaers.economy;

import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Role;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actual costs of initiatives: what a sector really paid in a month, entered by the initiative's people (those
 * who may edit its business case) or by finance. Seen by those who see a business case: everyone who may see all its
 * versions, and everyone once the approved version is published with the catalogue case. Every entry is audited.
 */
@Service
public class ActualCosts {

    /** The largest amount one entry may hold (100 mio. kr.), so a slip of the finger is caught. */
    public static final long MAX_ORE = 10_000_000_000L;

    private final JdbcClient jdbc;
    private final BusinessCases businessCases;
    private final Initiatives initiatives;
    private final AuditLog audit;

    ActualCosts(JdbcClient jdbc, BusinessCases businessCases, Initiatives initiatives, AuditLog audit) {
        this.jdbc = jdbc;
        this.businessCases = businessCases;
        this.initiatives = initiatives;
        this.audit = audit;
    }

    /** The initiative's people (as for business cases) and finance enter, correct and delete actual costs. */
    public boolean mayRecord(Initiative initiative, Editor editor) {
        return editor != null && (editor.roles().contains(Role.FINANCE) || businessCases.mayEdit(initiative, editor));
    }

    /** Whether the viewer sees the initiative's actual costs (the rights of its business case). */
    @Transactional(readOnly = true)
    public boolean maySee(Initiative initiative, Editor viewer) {
        return businessCases.maySeeAll(initiative, viewer) || businessCases.published(initiative.id());
    }

    /** The actual costs the viewer may see, by month then entry; empty when the viewer may not see them. */
    @Transactional(readOnly = true)
    public List<ActualCost> of(Initiative initiative, Editor viewer) {
        return maySee(initiative, viewer) ? all(initiative.id()) : List.of();
    }

    /** Every actual cost of an initiative, for the realised figures (no rights: callers check them). */
    @Transactional(readOnly = true)
    List<ActualCost> all(long initiativeId) {
        return jdbc.sql("SELECT * FROM actual_cost WHERE initiative_id = :i ORDER BY month, id")
                .param("i", initiativeId)
                .query((rs, n) -> new ActualCost(rs.getLong("id"), rs.getLong("initiative_id"),
                        EconomySector.valueOf(rs.getString("sector")),
                        YearMonth.from(rs.getDate("month").toLocalDate()), rs.getLong("amount_ore"),
                        rs.getString("description"), rs.getTimestamp("entered_at").toInstant(),
                        rs.getString("entered_by_name"),
                        rs.getTimestamp("corrected_at") == null ? null : rs.getTimestamp("corrected_at").toInstant(),
                        rs.getString("corrected_by_name")))
                .list();
    }

    /** One actual cost of the initiative, when the viewer may see the initiative's actual costs. */
    @Transactional(readOnly = true)
    public Optional<ActualCost> find(Initiative initiative, long costId, Editor viewer) {
        return of(initiative, viewer).stream().filter(c -> c.id() == costId).findFirst();
    }

    /** An actual cost as entered: the sector, month and amount are parsed by the form. */
    public record Entry(EconomySector sector, YearMonth month, long amountOre, String description) {}

    /**
     * The rules of an entry, each broken one as a problem at its field (line -1): not before the initiative started,
     * not after the current month, a positive amount no larger than {@link #MAX_ORE}, a description.
     */
    public static List<Problem> check(Initiative initiative, Entry entry, YearMonth today) {
        var problems = new ArrayList<Problem>();
        YearMonth start = BusinessCases.startOf(initiative);
        if (entry.month().isBefore(start)) {
            problems.add(new Problem(-1, "month", "economy.actual.error.beforeStart", List.of(start.toString())));
        }
        if (entry.month().isAfter(today)) {
            problems.add(new Problem(-1, "month", "economy.actual.error.future", List.of(today.toString())));
        }
        if (entry.amountOre() <= 0) {
            problems.add(new Problem(-1, "amount", "economy.actual.error.notPositive", List.of()));
        } else if (entry.amountOre() > MAX_ORE) {
            problems.add(new Problem(-1, "amount", "economy.actual.error.tooLarge", List.of()));
        }
        if (entry.description() == null || entry.description().isBlank()) {
            problems.add(new Problem(-1, "description", "economy.actual.error.descriptionRequired", List.of()));
        }
        return problems;
    }

    /**
     * Records an actual cost.
     *
     * @throws AccessDeniedException when the editor may not record actual costs of the initiative
     * @throws BusinessCaseRejectedException when the entry breaks a rule
     */
    @Transactional
    public long record(long initiativeId, Entry entry, YearMonth today, Editor editor) {
        Initiative initiative = initiatives.find(initiativeId)
                .orElseThrow(() -> new NotFoundException("initiative", initiativeId));
        if (!mayRecord(initiative, editor)) {
            throw new AccessDeniedException("may not record actual costs of initiative " + initiativeId);
        }
        List<Problem> problems = check(initiative, entry, today);
        if (!problems.isEmpty()) {
            throw new BusinessCaseRejectedException(problems);
        }
        long id = jdbc.sql("""
                INSERT INTO actual_cost (initiative_id, sector, month, amount_ore, description, entered_by_user_id,
                    entered_by_name)
                VALUES (:initiative, :sector, :month, :amount, :description, :by, :name)
                RETURNING id""")
                .param("initiative", initiativeId).param("sector", entry.sector().name())
                .param("month", Date.valueOf(entry.month().atDay(1))).param("amount", entry.amountOre())
                .param("description", entry.description().strip()).param("by", editor.actor().id())
                .param("name", editor.actor().name())
                .query(Long.class).single();
        audit.record(AuditKind.ACTUAL_COST_RECORDED, editor.actor().id(), editor.actor().name(),
                "initiative " + initiativeId + " actual cost " + id,
                "sector=" + entry.sector() + " month=" + entry.month() + " amountOre=" + entry.amountOre());
        return id;
    }

    /**
     * Corrects an entered actual cost: the same rules as {@link #record}; the audit entry holds what it said before
     * and after.
     *
     * @throws NotFoundException when the initiative has no such actual cost
     * @throws AccessDeniedException when the editor may not record actual costs of the initiative
     * @throws BusinessCaseRejectedException when the entry breaks a rule
     */
    @Transactional
    public void correct(long initiativeId, long costId, Entry entry, YearMonth today, Editor editor) {
        Initiative initiative = initiatives.find(initiativeId)
                .orElseThrow(() -> new NotFoundException("initiative", initiativeId));
        ActualCost before = locked(initiativeId, costId);
        if (!mayRecord(initiative, editor)) {
            throw new AccessDeniedException("may not correct actual costs of initiative " + initiativeId);
        }
        List<Problem> problems = check(initiative, entry, today);
        if (!problems.isEmpty()) {
            throw new BusinessCaseRejectedException(problems);
        }
        jdbc.sql("""
                UPDATE actual_cost SET sector = :sector, month = :month, amount_ore = :amount,
                    description = :description, corrected_at = now(), corrected_by_user_id = :by,
                    corrected_by_name = :name
                WHERE id = :id AND initiative_id = :initiative""")
                .param("sector", entry.sector().name()).param("month", Date.valueOf(entry.month().atDay(1)))
                .param("amount", entry.amountOre()).param("description", entry.description().strip())
                .param("by", editor.actor().id()).param("name", editor.actor().name())
                .param("id", costId).param("initiative", initiativeId).update();
        audit.record(AuditKind.ACTUAL_COST_CORRECTED, editor.actor().id(), editor.actor().name(),
                "initiative " + initiativeId + " actual cost " + costId,
                "before: " + describe(before.sector(), before.month(), before.amountOre(), before.description())
                        + "; after: " + describe(entry.sector(), entry.month(), entry.amountOre(),
                                entry.description().strip()));
    }

    /**
     * Deletes an entered actual cost; the audit entry holds what it said.
     *
     * @throws NotFoundException when the initiative has no such actual cost
     * @throws AccessDeniedException when the editor may not record actual costs of the initiative
     */
    @Transactional
    public void delete(long initiativeId, long costId, Editor editor) {
        Initiative initiative = initiatives.find(initiativeId)
                .orElseThrow(() -> new NotFoundException("initiative", initiativeId));
        ActualCost before = locked(initiativeId, costId);
        if (!mayRecord(initiative, editor)) {
            throw new AccessDeniedException("may not delete actual costs of initiative " + initiativeId);
        }
        jdbc.sql("DELETE FROM actual_cost WHERE id = :id AND initiative_id = :initiative")
                .param("id", costId).param("initiative", initiativeId).update();
        audit.record(AuditKind.ACTUAL_COST_DELETED, editor.actor().id(), editor.actor().name(),
                "initiative " + initiativeId + " actual cost " + costId,
                describe(before.sector(), before.month(), before.amountOre(), before.description())
                        + " entered by " + before.enteredByName());
    }

    /** The row, locked for the change; 404 when it is not the initiative's. */
    private ActualCost locked(long initiativeId, long costId) {
        List<Long> ids = jdbc.sql("SELECT id FROM actual_cost WHERE id = :id AND initiative_id = :initiative FOR UPDATE")
                .param("id", costId).param("initiative", initiativeId).query(Long.class).list();
        if (ids.isEmpty()) {
            throw new NotFoundException("actual cost", costId);
        }
        return all(initiativeId).stream().filter(c -> c.id() == costId).findFirst()
                .orElseThrow(() -> new NotFoundException("actual cost", costId));
    }

    private static String describe(EconomySector sector, YearMonth month, long amountOre, String description) {
        String text = "sector=" + sector + " month=" + month + " amountOre=" + amountOre + " description=" + description;
        return text.length() > 900 ? text.substring(0, 900) : text;
    }
}
