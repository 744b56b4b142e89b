package dk.tvaers.economy;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CatalogCase;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.shared.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business cases of initiatives: every saved version kept, one approved by the Task Force. Until the approved
 * version is published with the initiative's catalogue case, only the initiative's people (members and those who
 * manage them), innovation consultants, the Task Force, analysts and finance see a business case; afterwards everyone
 * sees the approved version. Every saved version and every approval is written to the audit log.
 */
@Service
public class BusinessCases {

    private final JdbcClient jdbc;
    private final Initiatives initiatives;
    private final InitiativeMembers members;
    private final AuditLog audit;
    private final CaseCatalog catalog;

    BusinessCases(JdbcClient jdbc, Initiatives initiatives, InitiativeMembers members, AuditLog audit,
            CaseCatalog catalog) {
        this.jdbc = jdbc;
        this.initiatives = initiatives;
        this.members = members;
        this.audit = audit;
        this.catalog = catalog;
    }

    // --- who may do what ---

    /** Members, the owner organisation's staff, innovation consultants and the Task Force write versions. */
    public boolean mayEdit(Initiative initiative, Editor editor) {
        return editor != null && members.mayContribute(initiative, editor);
    }

    /** Those who may edit, and analysts and finance, see every version (drafts included). */
    public boolean maySeeAll(Initiative initiative, Editor editor) {
        return editor != null && (editor.roles().contains(Role.ANALYST) || editor.roles().contains(Role.FINANCE)
                || mayEdit(initiative, editor));
    }

    /** The Task Force approves a version. */
    public boolean mayApprove(Editor editor) {
        return editor != null && editor.roles().contains(Role.TASK_FORCE);
    }

    /** Whether the approved version is published: the initiative has a published catalogue case. */
    @Transactional(readOnly = true)
    public boolean published(long initiativeId) {
        return approved(initiativeId).isPresent() && catalog.casesOfInitiative(initiativeId).stream()
                .map(catalog::find).flatMap(Optional::stream).anyMatch(CatalogCase::published);
    }

    // --- reading ---

    /** The versions the viewer may see, newest first: all of them, or only the published approved one. */
    @Transactional(readOnly = true)
    public List<BusinessCaseVersion> versions(Initiative initiative, Editor viewer) {
        if (maySeeAll(initiative, viewer)) {
            return load("WHERE v.initiative_id = :initiative", Map.of("initiative", initiative.id()));
        }
        return published(initiative.id()) ? approved(initiative.id()).stream().toList() : List.of();
    }

    /** One version, if the viewer may see it. */
    @Transactional(readOnly = true)
    public BusinessCaseVersion version(Initiative initiative, int number, Editor viewer) {
        return versions(initiative, viewer).stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("business case version", number));
    }

    /** The approved version of an initiative's business case, whoever asks (the catalogue shows it when published). */
    @Transactional(readOnly = true)
    public Optional<BusinessCaseVersion> approved(long initiativeId) {
        return load("WHERE v.initiative_id = :initiative AND v.approved_at IS NOT NULL",
                Map.of("initiative", initiativeId)).stream().findFirst();
    }

    // --- rules ---

    /** The month an initiative started (its creation, in Danish time): no business case or line starts before it. */
    public static YearMonth startOf(Initiative initiative) {
        return YearMonth.from(initiative.createdAt().atZone(TimeFormat.COPENHAGEN));
    }

    /** The rules of a plan, each broken one as a problem at its field; empty when the plan may be saved. */
    public static List<Problem> check(Initiative initiative, Plan plan) {
        var problems = new ArrayList<Problem>();
        YearMonth initiativeStart = startOf(initiative);
        if (plan.start().isBefore(initiativeStart)) {
            problems.add(new Problem(-1, "startMonth", "economy.error.startBeforeInitiative",
                    List.of(initiativeStart.toString())));
        }
        if (plan.horizonYears() < 1 || plan.horizonYears() > Plan.MAX_HORIZON_YEARS) {
            problems.add(new Problem(-1, "horizonYears", "economy.error.horizon", List.of(Plan.MAX_HORIZON_YEARS)));
        }
        if (plan.plannedCitizens() < 0) {
            problems.add(new Problem(-1, "plannedCitizens", "economy.error.negativeCitizens", List.of()));
        }
        if (plan.discountRateBasisPoints() < 0 || plan.discountRateBasisPoints() > 2000) {
            problems.add(new Problem(-1, "discountRate", "economy.error.discountRate", List.of()));
        }
        for (int i = 0; i < plan.lines().size(); i++) {
            PlanLine line = plan.lines().get(i);
            if (line.start().isBefore(initiativeStart) || line.start().isBefore(plan.start())) {
                YearMonth earliest = plan.start().isBefore(initiativeStart) ? initiativeStart : plan.start();
                problems.add(new Problem(i, "start", "economy.error.lineBeforeStart", List.of(earliest.toString())));
            }
            if (line.durationMonths() != null && line.durationMonths() < 1) {
                problems.add(new Problem(i, "duration", line.durationMonths() < 0 ? "economy.error.negativeDuration"
                        : "economy.error.zeroDuration", List.of()));
            }
            if (line.amountOre() < 0) {
                problems.add(new Problem(i, "amount", "economy.error.negativeAmount", List.of()));
            }
            if (line.title() == null || line.title().isBlank()) {
                problems.add(new Problem(i, "title", "economy.error.titleRequired", List.of()));
            }
        }
        return problems;
    }

    // --- changing ---

    /**
     * Saves the plan as the business case's next version.
     *
     * @throws AccessDeniedException when the editor may not edit the initiative's business case
     * @throws BusinessCaseRejectedException when the plan breaks a rule
     */
    @Transactional
    public int save(long initiativeId, Plan plan, String note, Editor editor) {
        Initiative initiative = initiative(initiativeId);
        if (!mayEdit(initiative, editor)) {
            throw new AccessDeniedException("may not edit the business case of initiative " + initiativeId);
        }
        return saveVersion(initiative, plan, note, false, editor.actor());
    }

    /** Saves a version as Tværs itself (demo data); the same rules, and the audit log. */
    @Transactional
    int saveAs(long initiativeId, Plan plan, String note, boolean reconstructed, Actor actor) {
        return saveVersion(initiative(initiativeId), plan, note, reconstructed, actor);
    }

    private int saveVersion(Initiative initiative, Plan plan, String note, boolean reconstructed, Actor actor) {
        List<Problem> problems = check(initiative, plan);
        if (!problems.isEmpty()) {
            throw new BusinessCaseRejectedException(problems);
        }
        // numbers are handed out under the initiative's row lock, so two savers never take the same number
        jdbc.sql("SELECT id FROM initiative WHERE id = :id FOR UPDATE").param("id", initiative.id()).query(Long.class)
                .single();
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM business_case_version WHERE initiative_id = :i")
                .param("i", initiative.id()).query(Integer.class).single();
        long versionId = jdbc.sql("""
                INSERT INTO business_case_version (initiative_id, number, start_month, horizon_years, planned_citizens,
                    discount_rate_bp, note, reconstructed, saved_by_user_id, saved_by_name)
                VALUES (:initiative, :number, :start, :horizon, :citizens, :rate, :note, :reconstructed, :by, :name)
                RETURNING id""")
                .param("initiative", initiative.id()).param("number", number)
                .param("start", Date.valueOf(plan.start().atDay(1))).param("horizon", plan.horizonYears())
                .param("citizens", plan.plannedCitizens()).param("rate", plan.discountRateBasisPoints())
                .param("note", note == null ? "" : note.strip()).param("reconstructed", reconstructed)
                .param("by", actor.id()).param("name", actor.name())
                .query(Long.class).single();
        int position = 0;
        for (PlanLine line : plan.lines()) {
            jdbc.sql("""
                    INSERT INTO business_case_line (version_id, position, category, sector, effect, title, start_month,
                        basis, amount_ore, duration_months, assumption)
                    VALUES (:version, :position, :category, :sector, :effect, :title, :start, :basis, :amount,
                        :duration, :assumption)""")
                    .param("version", versionId).param("position", position++)
                    .param("category", line.category().name()).param("sector", line.sector().name())
                    .param("effect", line.effect().name()).param("title", line.title().strip())
                    .param("start", Date.valueOf(line.start().atDay(1))).param("basis", line.basis().name())
                    .param("amount", line.amountOre()).param("duration", line.durationMonths())
                    .param("assumption", line.assumption() == null ? "" : line.assumption().strip())
                    .update();
        }
        KeyFigures figures = KeyFigures.of(plan);
        audit.record(AuditKind.BUSINESS_CASE_SAVED, actor.id(), actor.name(),
                "initiative " + initiative.id() + " business case version " + number,
                "lines=" + plan.lines().size() + " citizens=" + plan.plannedCitizens() + " breakEvenMonth="
                        + figures.breakEvenMonth() + " npvOre=" + figures.npvOre() + " steadyStateYearNetOre="
                        + figures.steadyStateYearNetOre() + (reconstructed ? " reconstructed" : ""));
        return number;
    }

    /**
     * The Task Force approves a version; an earlier approval of the same business case is withdrawn.
     *
     * @throws AccessDeniedException when the editor is not of the Task Force
     */
    @Transactional
    public void approve(long initiativeId, int number, Editor editor) {
        if (!mayApprove(editor)) {
            throw new AccessDeniedException("only the Task Force approves business cases");
        }
        approveAs(initiativeId, number, editor.actor());
    }

    @Transactional
    void approveAs(long initiativeId, int number, Actor actor) {
        Initiative initiative = initiative(initiativeId);
        jdbc.sql("SELECT id FROM initiative WHERE id = :id FOR UPDATE").param("id", initiative.id()).query(Long.class)
                .single();
        Long versionId = jdbc.sql("SELECT id FROM business_case_version WHERE initiative_id = :i AND number = :n")
                .param("i", initiativeId).param("n", number).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("business case version", number));
        jdbc.sql("""
                UPDATE business_case_version SET approved_at = NULL, approved_by_name = NULL
                WHERE initiative_id = :i AND approved_at IS NOT NULL AND id <> :id""")
                .param("i", initiativeId).param("id", versionId).update();
        jdbc.sql("""
                UPDATE business_case_version SET approved_at = now(), approved_by_name = :name
                WHERE id = :id AND approved_at IS NULL""")
                .param("name", actor.name()).param("id", versionId).update();
        audit.record(AuditKind.BUSINESS_CASE_APPROVED, actor.id(), actor.name(),
                "initiative " + initiativeId + " business case version " + number, null);
    }

    // --- mapping ---

    private Initiative initiative(long id) {
        return initiatives.find(id).orElseThrow(() -> new NotFoundException("initiative", id));
    }

    private List<BusinessCaseVersion> load(String where, Map<String, Object> params) {
        var rows = jdbc.sql("SELECT v.* FROM business_case_version v " + where + " ORDER BY v.number DESC")
                .params(params).query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PlanLine>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM business_case_line WHERE version_id IN (:ids) ORDER BY version_id, position")
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>()).add(line(rs));
                });
        return rows.stream().map(r -> new BusinessCaseVersion(r.id, r.initiativeId, r.number,
                new Plan(r.start, r.horizonYears, r.citizens, r.rate, lines.getOrDefault(r.id, List.of())), r.note,
                r.reconstructed, r.savedAt.toInstant(), r.savedBy,
                r.approvedAt == null ? null : r.approvedAt.toInstant(), r.approvedBy)).toList();
    }

    private record Row(long id, long initiativeId, int number, YearMonth start, int horizonYears, int citizens,
            int rate, String note, boolean reconstructed, Timestamp savedAt, String savedBy, Timestamp approvedAt,
            String approvedBy) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("initiative_id"), rs.getInt("number"),
                YearMonth.from(rs.getDate("start_month").toLocalDate()), rs.getInt("horizon_years"),
                rs.getInt("planned_citizens"), rs.getInt("discount_rate_bp"), rs.getString("note"),
                rs.getBoolean("reconstructed"), rs.getTimestamp("saved_at"), rs.getString("saved_by_name"),
                rs.getTimestamp("approved_at"), rs.getString("approved_by_name"));
    }

    private static PlanLine line(ResultSet rs) throws SQLException {
        return new PlanLine(LineCategory.valueOf(rs.getString("category")),
                EconomySector.valueOf(rs.getString("sector")), Effect.valueOf(rs.getString("effect")),
                rs.getString("title"), YearMonth.from(rs.getDate("start_month").toLocalDate()),
                AmountBasis.valueOf(rs.getString("basis")), rs.getLong("amount_ore"),
                (Integer) rs.getObject("duration_months"), rs.getString("assumption"));
    }
}
