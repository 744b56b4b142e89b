package dk.tvaers.registrations;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.database.Sorting;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.shared.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses and their registrations, entered by the unit's professionals. Rights on rows: person-level rows (a course,
 * its values) are for the unit's own professionals and for analysts; anyone else gets 404. Every save and every view
 * of a course is written to the audit log.
 */
@Service
public class Registrations {

    static final Pattern PERSON_REF = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** How a unit's course list may be sorted. */
    public static final Sorting SORTING = Sorting.of(
            "nyeste", "c.start_date DESC, c.id DESC",
            "aeldste", "c.start_date, c.id",
            "mangler", "missing DESC, c.start_date, c.id");

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final AuditLog audit;
    private final Clock clock;

    Registrations(JdbcClient jdbc, Schemes schemes, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(TimeFormat.COPENHAGEN));
    }

    // --- who may do what ---

    /** The unit's own professionals register its courses. */
    public static boolean mayEnter(long unitId, Viewer viewer) {
        return viewer != null && viewer.has(Role.STAFF) && viewer.organisationId() != null
                && viewer.organisationId() == unitId;
    }

    /** Person-level rows: the unit's own professionals and analysts. */
    public static boolean maySeeRows(long unitId, Viewer viewer) {
        return mayEnter(unitId, viewer) || (viewer != null && viewer.has(Role.ANALYST));
    }

    /** Aggregates of a scheme: its units' staff, analysts, innovation consultants and the Task Force. */
    public static boolean maySeeFigures(Scheme scheme, Viewer viewer) {
        if (viewer == null) {
            return false;
        }
        if (viewer.has(Role.ANALYST) || viewer.has(Role.INNOVATION_CONSULTANT) || viewer.has(Role.TASK_FORCE)) {
            return true;
        }
        return viewer.has(Role.STAFF) && viewer.organisationId() != null
                && scheme.unit(viewer.organisationId()).isPresent();
    }

    // --- courses ---

    /**
     * Opens a course for a citizen at the viewer's unit, or finds the one already registered (from a file, the API
     * or a colleague): one course per scheme, unit, citizen and start date.
     */
    @Transactional
    public long open(long schemeId, String personRef, LocalDate start, Viewer viewer) {
        Scheme scheme = schemes.get(schemeId);
        if (!scheme.published()) {
            // a draft is not registered under (ADR 0044)
            throw new NotFoundException("registration scheme", schemeId);
        }
        if (viewer.organisationId() == null || scheme.unit(viewer.organisationId()).isEmpty()
                || !mayEnter(viewer.organisationId(), viewer)) {
            throw new AccessDeniedException("not a registering professional of the scheme");
        }
        List<Problem> problems = checkCourse(personRef, start);
        if (!problems.isEmpty()) {
            throw new RegistrationsRejectedException(problems);
        }
        return openAs(scheme, viewer.organisationId(), personRef.strip(), start, Source.FORM);
    }

    List<Problem> checkCourse(String personRef, LocalDate start) {
        var problems = new ArrayList<Problem>();
        if (personRef == null || !PERSON_REF.matcher(personRef.strip()).matches()) {
            problems.add(Problem.at("personRef", "registration.error.personRef"));
        }
        if (start == null) {
            problems.add(Problem.at("startDate", "registration.error.date"));
        } else if (start.isAfter(today())) {
            problems.add(Problem.at("startDate", "registration.error.futureStart"));
        }
        return problems;
    }

    long openAs(Scheme scheme, long unitId, String personRef, LocalDate start, Source source) {
        Long inserted = jdbc.sql("""
                INSERT INTO registration_course (scheme_id, unit_id, person_ref, start_date, source)
                VALUES (:scheme, :unit, :person, :start, :source) ON CONFLICT DO NOTHING RETURNING id""")
                .param("scheme", scheme.id()).param("unit", unitId).param("person", personRef)
                .param("start", Date.valueOf(start)).param("source", source.name()).query(Long.class).optional()
                .orElse(null);
        if (inserted != null) {
            // a course without values still counts for completeness once its time points are due
            tally(List.of(inserted), 1);
            return inserted;
        }
        return jdbc.sql("""
                SELECT id FROM registration_course
                WHERE scheme_id = :scheme AND unit_id = :unit AND person_ref = :person AND start_date = :start""")
                .param("scheme", scheme.id()).param("unit", unitId).param("person", personRef)
                .param("start", Date.valueOf(start)).query(Long.class).single();
    }

    /**
     * Adds (1) or takes off (-1) what the courses now contribute to the benchmark's tally ({@code registration_tally},
     * ADR 0038). A writer locks the courses ({@link #lock}), takes their contribution off, writes, and adds it again,
     * all in its transaction.
     */
    void tally(List<Long> courseIds, int sign) {
        jdbc.sql("SELECT registration_tally_apply(:courses, :sign)")
                .param("courses", courseIds.toArray(Long[]::new)).param("sign", sign).query().singleRow();
    }

    /** Locks the course against other writers until the transaction ends (their tally deltas would cross). */
    void lock(long courseId) {
        jdbc.sql("SELECT id FROM registration_course WHERE id = :id FOR UPDATE").param("id", courseId)
                .query(Long.class).single();
    }

    /** Filters of a unit's course list. */
    public record Filter(Long schemeId, String text, Boolean onlyMissing) {}

    private static final String MISSING = """
            (SELECT count(*) FROM registration_indicator i
               JOIN registration_time_point t ON t.scheme_id = i.scheme_id
                 AND t.time_point = ANY (string_to_array(i.time_points, ','))
             WHERE i.scheme_id = c.scheme_id AND i.required AND c.start_date + t.due_after_days <= :today
               AND NOT EXISTS (SELECT 1 FROM registration_value v WHERE v.course_id = c.id
                   AND v.time_point = t.time_point AND v.indicator = i.code AND NOT v.draft))""";

    /** A unit's courses, for its own professionals and analysts. */
    @Transactional(readOnly = true)
    public PageOf<Course> courses(long unitId, Filter filter, String sort, Viewer viewer, int page, int size) {
        if (!maySeeRows(unitId, viewer)) {
            throw new NotFoundException("unit", unitId);
        }
        return new FilteredQuery()
                .condition("c.unit_id = :unit").param("unit", unitId).param("today", Date.valueOf(today()))
                .filter("c.scheme_id = :scheme", "scheme", filter.schemeId())
                .contains("lower(c.person_ref) LIKE :text", "text", filter.text())
                .condition(Boolean.TRUE.equals(filter.onlyMissing()), MISSING + " > 0")
                .orderBy(SORTING, sort)
                .page(jdbc, "SELECT count(*) FROM registration_course c",
                        "SELECT c.*, o.name AS unit_name, " + MISSING + " AS missing FROM registration_course c "
                                + "JOIN organisation o ON o.id = c.unit_id",
                        Registrations::course, page, size);
    }

    /** A course with its stages, if the viewer may see its person-level rows (audited); otherwise 404. */
    @Transactional
    public CourseView view(long courseId, Viewer viewer) {
        Course course = course(courseId);
        if (!maySeeRows(course.unitId(), viewer)) {
            throw new NotFoundException("course", courseId);
        }
        audit.record(AuditKind.COURSE_VIEWED, viewer.userId(), viewer.name(), "course " + courseId, null);
        return stages(course);
    }

    /** The course's view for its citizen's shared page, or for Tværs itself (no rights checked, not audited). */
    @Transactional(readOnly = true)
    CourseView viewAsSystem(long courseId) {
        return stages(course(courseId));
    }

    Course course(long courseId) {
        return jdbc.sql("""
                SELECT c.*, o.name AS unit_name, 0 AS missing FROM registration_course c
                JOIN organisation o ON o.id = c.unit_id WHERE c.id = :id""")
                .param("id", courseId).query(Registrations::course).optional()
                .orElseThrow(() -> new NotFoundException("course", courseId));
    }

    private CourseView stages(Course course) {
        Scheme scheme = schemes.get(course.schemeId());
        Map<TimePoint, Map<String, Registered>> values = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM registration_value WHERE course_id = :id").param("id", course.id())
                .query((rs, n) -> new Registered(TimePoint.valueOf(rs.getString("time_point")),
                        rs.getString("indicator"), rs.getString("value_text"), rs.getBoolean("draft"),
                        Source.valueOf(rs.getString("source")), rs.getTimestamp("entered_at").toInstant(),
                        rs.getString("entered_by")))
                .list().forEach(r -> values.computeIfAbsent(r.timePoint(), k -> new LinkedHashMap<>())
                        .put(r.indicator(), r));
        LocalDate today = today();
        var stages = new ArrayList<CourseView.Stage>();
        for (TimePoint tp : scheme.timePoints()) {
            List<Indicator> indicators = scheme.indicatorsAt(tp);
            if (indicators.isEmpty()) {
                continue;
            }
            Map<String, Registered> at = values.getOrDefault(tp, Map.of());
            List<Indicator> missing = indicators.stream().filter(Indicator::required)
                    .filter(i -> at.get(i.code()) == null || at.get(i.code()).draft()).toList();
            LocalDate due = scheme.dueDate(course.startDate(), tp);
            stages.add(new CourseView.Stage(tp, due, !due.isAfter(today), at, indicators, missing,
                    at.values().stream().anyMatch(Registered::draft)));
        }
        return new CourseView(course, scheme, stages);
    }

    // --- entry ---

    /**
     * Checks and saves a time point's values of a course, as a draft (values may be missing; typed ones must be
     * right) or final (every required value present). A blank value removes what was registered.
     *
     * @throws RegistrationsRejectedException with each problem at its indicator's code; nothing is saved
     */
    @Transactional
    public void save(long courseId, TimePoint timePoint, Map<String, String> typed, boolean draft, Viewer viewer) {
        Course course = course(courseId);
        if (!mayEnter(course.unitId(), viewer)) {
            throw new NotFoundException("course", courseId);
        }
        Scheme scheme = schemes.get(course.schemeId());
        List<Indicator> indicators = scheme.indicatorsAt(timePoint);
        if (indicators.isEmpty()) {
            throw new NotFoundException("time point", timePoint.name());
        }
        var problems = new ArrayList<Problem>();
        var checked = new LinkedHashMap<String, Indicator.Checked>();
        for (Indicator indicator : indicators) {
            String raw = typed.getOrDefault(indicator.code(), "");
            if (raw == null || raw.isBlank()) {
                if (!draft && indicator.required()) {
                    problems.add(Problem.at(indicator.code(), "registration.error.required"));
                }
                continue;
            }
            Indicator.Check check = indicator.check(raw);
            if (check.problem() != null) {
                problems.add(new Problem(0, indicator.code(), check.problem().messageKey(),
                        check.problem().arguments()));
            } else {
                checked.put(indicator.code(), check.value());
            }
        }
        if (!problems.isEmpty()) {
            throw new RegistrationsRejectedException(problems);
        }
        lock(courseId);
        tally(List.of(courseId), -1);
        for (Indicator indicator : indicators) {
            Indicator.Checked value = checked.get(indicator.code());
            if (value == null) {
                jdbc.sql("""
                        DELETE FROM registration_value
                        WHERE course_id = :course AND time_point = :tp AND indicator = :indicator""")
                        .param("course", courseId).param("tp", timePoint.name()).param("indicator", indicator.code())
                        .update();
            } else {
                upsert(courseId, timePoint, indicator.code(), value, draft, Source.FORM, viewer.name());
            }
        }
        tally(List.of(courseId), 1);
        audit.record(AuditKind.REGISTRATION_SAVED, viewer.userId(), viewer.name(),
                "course " + courseId + " " + timePoint.name(),
                (draft ? "draft" : "final") + " indicators=" + String.join(",", checked.keySet()));
    }

    void upsert(long courseId, TimePoint timePoint, String indicator, Indicator.Checked value, boolean draft,
            Source source, String by) {
        jdbc.sql("""
                INSERT INTO registration_value (course_id, time_point, indicator, value_text, value_num, draft,
                    source, entered_by)
                VALUES (:course, :tp, :indicator, :text, :num, :draft, :source, :by)
                ON CONFLICT (course_id, time_point, indicator) DO UPDATE SET value_text = excluded.value_text,
                    value_num = excluded.value_num, draft = excluded.draft, source = excluded.source,
                    entered_at = now(), entered_by = excluded.entered_by""")
                .param("course", courseId).param("tp", timePoint.name()).param("indicator", indicator)
                .param("text", value.text()).param("num", value.number()).param("draft", draft)
                .param("source", source.name()).param("by", by).update();
    }

    static Actor actorOf(Viewer viewer) {
        return viewer == null ? Actor.SYSTEM : viewer.actor();
    }

    private static Course course(ResultSet rs, int n) throws SQLException {
        return new Course(rs.getLong("id"), rs.getLong("scheme_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("person_ref"), rs.getDate("start_date").toLocalDate(),
                Source.valueOf(rs.getString("source")), rs.getLong("missing"));
    }
}
