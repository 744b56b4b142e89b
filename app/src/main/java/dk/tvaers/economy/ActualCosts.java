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

    /** The initiative's people (as for business cases) and finance enter actual costs. */
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
                        rs.getString("entered_by_name")))
                .list();
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
}
