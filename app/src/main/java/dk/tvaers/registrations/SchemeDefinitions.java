package dk.tvaers.registrations;

import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration schemes as an analyst or innovation consultant of the initiative defines them (ADR 0044): a new scheme
 * or a new version of one starts as a draft, which its definers may change until they publish it; a published version
 * never changes (the database refuses it) and is the one professionals, files and the API register under. Only the
 * initiative's own analysts and consultants (a member in person, or of a member or owner organisation) see and change
 * its definitions; everyone else gets 404. Every save and publication is audited.
 */
@Service
public class SchemeDefinitions {

    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000");

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Initiatives initiatives;
    private final InitiativeMembers members;
    private final OrganisationDirectory organisations;
    private final AuditLog audit;

    SchemeDefinitions(JdbcClient jdbc, Schemes schemes, Initiatives initiatives, InitiativeMembers members,
            OrganisationDirectory organisations, AuditLog audit) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.initiatives = initiatives;
        this.members = members;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** Analysts and innovation consultants define schemes (of their own initiatives). */
    public static boolean mayDefineAny(Viewer viewer) {
        return viewer != null && (viewer.has(Role.ANALYST) || viewer.has(Role.INNOVATION_CONSULTANT));
    }

    /** Whether the viewer is an analyst or consultant of the initiative. */
    @Transactional(readOnly = true)
    public boolean mayDefine(long initiativeId, Viewer viewer) {
        return mayDefineAny(viewer) && members.involves(initiativeId, viewer.userId(), viewer.organisationId());
    }

    /** The initiatives the viewer may define schemes for, by title. */
    @Transactional(readOnly = true)
    public List<Initiative> initiativesOf(Viewer viewer) {
        if (!mayDefineAny(viewer)) {
            return List.of();
        }
        return members.involving(viewer.userId(), viewer.organisationId());
    }

    /** Every version (drafts too) of the schemes of the viewer's initiatives, by code and newest version first. */
    @Transactional(readOnly = true)
    public List<Scheme> definable(Viewer viewer) {
        List<Long> mine = initiativesOf(viewer).stream().map(Initiative::id).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM registration_scheme WHERE initiative_id IN (:ids) ORDER BY code, version DESC")
                .param("ids", mine).query(Long.class).list().stream().map(schemes::get).toList();
    }

    /** A version the viewer may define, drafts included; anyone else gets 404. */
    @Transactional(readOnly = true)
    public Scheme get(long schemeId, Viewer viewer) {
        return schemes.find(schemeId).filter(s -> mayDefine(s.initiativeId(), viewer))
                .orElseThrow(() -> new NotFoundException("registration scheme", schemeId));
    }

    /**
     * Saves a new scheme as the draft of its first version, or changes a draft ({@code draftId}); code and initiative
     * of a draft stay as they are.
     *
     * @throws RegistrationsRejectedException with each problem at its field; nothing is saved
     */
    @Transactional
    public long saveDraft(Long draftId, Schemes.NewScheme definition, Viewer viewer) {
        Scheme draft = draftId == null ? null : get(draftId, viewer);
        if (draft != null && draft.published()) {
            throw new RegistrationsRejectedException(List.of(Problem.at("", "scheme.error.published")));
        }
        if (draft == null && !mayDefine(definition.initiativeId(), viewer)) {
            throw new RegistrationsRejectedException(List.of(Problem.at("initiativeId", "scheme.error.initiative")));
        }
        Schemes.NewScheme checked = draft == null ? definition : new Schemes.NewScheme(draft.initiativeId(),
                draft.code(), definition.name(), definition.dueAfterDays(), definition.units(),
                definition.indicators());
        List<Problem> problems = check(checked);
        if (draft == null && problems.stream().noneMatch(p -> p.field().equals("code"))
                && schemes.newest(checked.code()).isPresent()) {
            problems.add(0, Problem.at("code", "scheme.error.codeTaken"));
        }
        if (!problems.isEmpty()) {
            throw new RegistrationsRejectedException(problems);
        }
        long id;
        if (draft == null) {
            id = schemes.insert(checked, viewer.actor());
        } else {
            id = draft.id();
            schemes.replaceDraft(id, checked);
        }
        audit.record(AuditKind.SCHEME_SAVED, viewer.userId(), viewer.name(), "scheme " + id,
                "draft " + checked.code() + " indicators=" + checked.indicators().size() + " units="
                        + checked.units().size());
        return id;
    }

    /** Publishes a draft: from now on it is fixed and registered under. False when it was published already. */
    @Transactional
    public boolean publish(long schemeId, Viewer viewer) {
        Scheme scheme = get(schemeId, viewer);
        boolean published = schemes.publish(scheme.id(), viewer.actor());
        if (published) {
            audit.record(AuditKind.SCHEME_PUBLISHED, viewer.userId(), viewer.name(), "scheme " + schemeId,
                    scheme.code() + " v" + scheme.version());
        }
        return published;
    }

    /**
     * The draft of the next version of a published scheme, a copy of its definition to change; the draft there is
     * already, if one is.
     */
    @Transactional
    public long newVersion(long schemeId, Viewer viewer) {
        Scheme scheme = get(schemeId, viewer);
        Optional<Scheme> newest = schemes.newestIncludingDrafts(scheme.code());
        if (newest.isPresent() && !newest.get().published()) {
            return newest.get().id();
        }
        Scheme base = newest.orElse(scheme);
        long id = schemes.insert(new Schemes.NewScheme(base.initiativeId(), base.code(), base.name(),
                base.dueAfterDays(), base.units().stream().map(u -> new Schemes.NewUnit(u.organisationId(), u.code(),
                        u.cluster())).toList(), base.indicators()), viewer.actor());
        audit.record(AuditKind.SCHEME_SAVED, viewer.userId(), viewer.name(), "scheme " + id,
                "draft " + base.code() + " copied from v" + base.version());
        return id;
    }

    /** The rules of a definition, each broken one as a problem at its field (indicator-i-x, unit-i-x). */
    public List<Problem> check(Schemes.NewScheme s) {
        var problems = new ArrayList<Problem>();
        if (s.code() == null || !CODE.matcher(s.code()).matches()) {
            problems.add(Problem.at("code", "scheme.error.code"));
        }
        if (s.name() == null || s.name().isBlank() || s.name().length() > 200) {
            problems.add(Problem.at("name", "scheme.error.name"));
        }
        Map<TimePoint, Integer> due = s.dueAfterDays();
        if (due.isEmpty()) {
            problems.add(Problem.at("dueSTART", "scheme.error.noTimePoint"));
        }
        Integer previous = null;
        for (TimePoint tp : TimePoint.values()) {
            Integer days = due.get(tp);
            if (days == null) {
                continue;
            }
            if (days < 0 || days > 3650) {
                problems.add(Problem.at("due" + tp.name(), "scheme.error.days"));
            } else if (previous != null && days < previous) {
                problems.add(Problem.at("due" + tp.name(), "scheme.error.daysOrder"));
            }
            previous = days;
        }
        if (s.units().isEmpty()) {
            problems.add(Problem.at("units", "scheme.error.noUnit"));
        }
        Set<Long> organisationsSeen = new HashSet<>();
        Set<String> unitCodes = new HashSet<>();
        for (int i = 0; i < s.units().size(); i++) {
            Schemes.NewUnit unit = s.units().get(i);
            String at = "unit-" + i + "-";
            if (organisations.find(unit.organisationId()).isEmpty()) {
                problems.add(Problem.at(at + "organisationId", "scheme.error.organisation"));
            } else if (!organisationsSeen.add(unit.organisationId())) {
                problems.add(Problem.at(at + "organisationId", "scheme.error.organisationTwice"));
            }
            if (unit.code() == null || !UNIT_CODE.matcher(unit.code()).matches()) {
                problems.add(Problem.at(at + "code", "scheme.error.unitCode"));
            } else if (!unitCodes.add(unit.code())) {
                problems.add(Problem.at(at + "code", "scheme.error.unitCodeTwice"));
            }
            if (unit.cluster() == null || unit.cluster().isBlank() || unit.cluster().length() > 60) {
                problems.add(Problem.at(at + "cluster", "scheme.error.cluster"));
            }
        }
        if (s.indicators().isEmpty()) {
            problems.add(Problem.at("indicators", "scheme.error.noIndicator"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < s.indicators().size(); i++) {
            checkIndicator(s.indicators().get(i), "indicator-" + i + "-", due.keySet(), codes, problems);
        }
        return problems;
    }

    private static void checkIndicator(Indicator indicator, String at, Set<TimePoint> schemeTimePoints,
            Set<String> codes, List<Problem> problems) {
        if (indicator.code() == null || !CODE.matcher(indicator.code()).matches()) {
            problems.add(Problem.at(at + "code", "scheme.error.indicatorCode"));
        } else if (!codes.add(indicator.code())) {
            problems.add(Problem.at(at + "code", "scheme.error.indicatorCodeTwice", indicator.code()));
        }
        if (indicator.label() == null || indicator.label().isBlank() || indicator.label().length() > 200) {
            problems.add(Problem.at(at + "label", "scheme.error.label"));
        }
        boolean number = indicator.type() == ValueType.WHOLE || indicator.type() == ValueType.DECIMAL;
        if (number) {
            if (indicator.min() == null || indicator.max() == null || indicator.min().abs().compareTo(LIMIT) > 0
                    || indicator.max().abs().compareTo(LIMIT) > 0) {
                problems.add(Problem.at(at + "min", "scheme.error.range"));
            } else if (indicator.min().compareTo(indicator.max()) >= 0) {
                problems.add(Problem.at(at + "max", "scheme.error.rangeOrder"));
            }
            if (indicator.unit().length() > 20) {
                problems.add(Problem.at(at + "unit", "scheme.error.unit"));
            }
        }
        if (indicator.type() == ValueType.CHOICE) {
            var labels = indicator.choiceLabels();
            boolean wellFormed = labels.size() >= 2 && labels.keySet().stream().allMatch(k -> CODE.matcher(k)
                    .matches()) && labels.values().stream().noneMatch(String::isBlank)
                    && indicator.choices().split("\\|").length == labels.size();
            if (!wellFormed) {
                problems.add(Problem.at(at + "choices", "scheme.error.choices"));
            }
        }
        if (indicator.timePoints().isEmpty()) {
            problems.add(Problem.at(at + "timePoints", "scheme.error.indicatorTimePoints"));
        } else if (!schemeTimePoints.containsAll(indicator.timePoints())) {
            problems.add(Problem.at(at + "timePoints", "scheme.error.indicatorTimePointUnused"));
        }
        FulfilmentRule rule = indicator.rule();
        switch (rule) {
            case SHARE_YES -> {
                if (indicator.type() != ValueType.YES_NO) {
                    problems.add(Problem.at(at + "rule", "scheme.error.ruleYesNo"));
                }
            }
            case SHARE_AT_LEAST, MEDIAN -> {
                if (!number) {
                    problems.add(Problem.at(at + "rule", "scheme.error.ruleNumber"));
                } else if (rule == FulfilmentRule.SHARE_AT_LEAST && (indicator.threshold() == null
                        || (indicator.min() != null && indicator.threshold().compareTo(indicator.min()) < 0)
                        || (indicator.max() != null && indicator.threshold().compareTo(indicator.max()) > 0))) {
                    problems.add(Problem.at(at + "threshold", "scheme.error.threshold"));
                }
            }
            case MEDIAN_CHANGE -> {
                if (!number) {
                    problems.add(Problem.at(at + "rule", "scheme.error.ruleNumber"));
                } else if (!indicator.timePoints().contains(TimePoint.START)
                        || !indicator.timePoints().contains(TimePoint.END)) {
                    problems.add(Problem.at(at + "rule", "scheme.error.ruleChange"));
                }
            }
            case NONE -> { }
        }
        if (rule == FulfilmentRule.SHARE_YES || rule == FulfilmentRule.SHARE_AT_LEAST || rule == FulfilmentRule.MEDIAN) {
            if (indicator.ruleTimePoint() == null || !indicator.timePoints().contains(indicator.ruleTimePoint())) {
                problems.add(Problem.at(at + "ruleTimePoint", "scheme.error.ruleTimePoint"));
            }
        }
    }
}
