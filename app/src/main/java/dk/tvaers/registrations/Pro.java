package dk.tvaers.registrations;

import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PRO questionnaires (versioned, with their scoring and triage), the citizen's personal link (no account; it expires
 * after {@code tvaers.registrations.pro-link-lifetime} and works once), the answer and its triage, and the unit's
 * triage list: a red answer is on it at once ({@link CourseTriagedRed}) until a professional records what was done.
 */
@Service
public class Pro {

    /** A questionnaire's definition; its next version is saved. */
    public record NewQuestionnaire(long schemeId, String code, String title, int yellowFrom, int redFrom,
            boolean worstItemRed, String indexMeasure, List<Questionnaire.Item> items) {}

    /** An open link: the questionnaire to answer. */
    public record OpenLink(long linkId, long courseId, Questionnaire questionnaire, Instant expiresAt) {}

    /** A triage case on the unit's list. */
    public record TriageCase(long id, long courseId, String personRef, String questionnaire, int score,
            Questionnaire.Triage triage, Instant createdAt, String action, String handledBy, Instant handledAt) {}

    /** An answer of a course, for its page. */
    public record Answer(String questionnaire, int version, int score, Questionnaire.Triage triage,
            Instant answeredAt) {}

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lifetime;

    Pro(JdbcClient jdbc, Registrations registrations, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            @Value("${tvaers.registrations.pro-link-lifetime:P14D}") Duration lifetime) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    // --- questionnaires ---

    @Transactional
    public long define(NewQuestionnaire q) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('pro_questionnaire:' || :code))").param("code", q.code())
                .query().singleRow();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM pro_questionnaire WHERE code = :code")
                .param("code", q.code()).query(Integer.class).single();
        long id = jdbc.sql("""
                INSERT INTO pro_questionnaire (scheme_id, code, version, title, yellow_from, red_from, worst_item_red,
                    index_measure)
                VALUES (:scheme, :code, :version, :title, :yellow, :red, :worst, :measure) RETURNING id""")
                .param("scheme", q.schemeId()).param("code", q.code()).param("version", version)
                .param("title", q.title()).param("yellow", q.yellowFrom()).param("red", q.redFrom())
                .param("worst", q.worstItemRed()).param("measure", q.indexMeasure()).query(Long.class).single();
        for (Questionnaire.Item item : q.items()) {
            jdbc.sql("""
                    INSERT INTO pro_item (questionnaire_id, position, code, text, levels, scored, export_measure)
                    VALUES (:q, :position, :code, :text, :levels, :scored, :measure)""")
                    .param("q", id).param("position", item.position()).param("code", item.code())
                    .param("text", item.text()).param("levels", String.join("|", item.levels()))
                    .param("scored", item.scored()).param("measure", item.exportMeasure()).update();
        }
        return id;
    }

    @Transactional(readOnly = true)
    public Questionnaire questionnaire(long id) {
        List<Questionnaire.Item> items = jdbc.sql("SELECT * FROM pro_item WHERE questionnaire_id = :id ORDER BY position")
                .param("id", id).query((rs, n) -> new Questionnaire.Item(rs.getInt("position"), rs.getString("code"),
                        rs.getString("text"), Arrays.asList(rs.getString("levels").split("\\|")),
                        rs.getBoolean("scored"), rs.getString("export_measure"))).list();
        return jdbc.sql("SELECT * FROM pro_questionnaire WHERE id = :id").param("id", id)
                .query((rs, n) -> new Questionnaire(rs.getLong("id"), rs.getLong("scheme_id"), rs.getString("code"),
                        rs.getInt("version"), rs.getString("title"), rs.getInt("yellow_from"), rs.getInt("red_from"),
                        rs.getBoolean("worst_item_red"), rs.getString("index_measure"), items))
                .optional().orElseThrow(() -> new NotFoundException("questionnaire", id));
    }

    /** The newest version of each questionnaire of a scheme. */
    @Transactional(readOnly = true)
    public List<Questionnaire> ofScheme(long schemeId) {
        return jdbc.sql("""
                SELECT DISTINCT ON (code) id FROM pro_questionnaire WHERE scheme_id = :scheme
                ORDER BY code, version DESC""").param("scheme", schemeId).query(Long.class).list().stream()
                .map(this::questionnaire).toList();
    }

    // --- links ---

    /** A personal link's token for the course's citizen; only the unit's own professionals make one. */
    @Transactional
    public String link(long courseId, long questionnaireId, Viewer viewer) {
        Course course = registrations.course(courseId);
        if (!Registrations.mayEnter(course.unitId(), viewer)) {
            throw new NotFoundException("course", courseId);
        }
        Questionnaire q = questionnaireId < 0 ? null : questionnaire(questionnaireId);
        if (q == null || q.schemeId() != course.schemeId()) {
            throw new NotFoundException("questionnaire", questionnaireId);
        }
        return linkAs(courseId, questionnaireId);
    }

    String linkAs(long courseId, long questionnaireId) {
        String token = Tokens.fresh();
        jdbc.sql("""
                INSERT INTO pro_link (course_id, questionnaire_id, token_sha256, expires_at)
                VALUES (:course, :q, :hash, :expires)""")
                .param("course", courseId).param("q", questionnaireId).param("hash", Tokens.sha256(token))
                .param("expires", Timestamp.from(clock.instant().plus(lifetime))).update();
        return token;
    }

    /** The link's questionnaire, while the link is unanswered and has not expired. */
    @Transactional(readOnly = true)
    public Optional<OpenLink> open(String token) {
        return jdbc.sql("""
                SELECT id, course_id, questionnaire_id, expires_at FROM pro_link
                WHERE token_sha256 = :hash AND answered_at IS NULL AND expires_at > :now""")
                .param("hash", Tokens.sha256(token)).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant().toEpochMilli()})
                .optional().map(r -> new OpenLink(r[0], r[1], questionnaire(r[2]), Instant.ofEpochMilli(r[3])));
    }

    /**
     * Saves the citizen's answers, scores and triages them; a red answer puts the course on the unit's triage list
     * and publishes {@link CourseTriagedRed}. The link is used up.
     *
     * @return empty when the link is unknown, answered or expired
     */
    @Transactional
    public Optional<Questionnaire.Scored> answer(String token, Map<String, Integer> answers) {
        Optional<OpenLink> open = open(token);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        OpenLink link = open.get();
        int used = jdbc.sql("UPDATE pro_link SET answered_at = now() WHERE id = :id AND answered_at IS NULL")
                .param("id", link.linkId()).update();
        if (used == 0) {
            return Optional.empty();
        }
        Questionnaire q = link.questionnaire();
        Questionnaire.Scored scored = q.score(answers);
        long answerId = jdbc.sql("""
                INSERT INTO pro_answer (link_id, course_id, questionnaire_id, answers, score, triage)
                VALUES (:link, :course, :q, :answers, :score, :triage) RETURNING id""")
                .param("link", link.linkId()).param("course", link.courseId()).param("q", q.id())
                .param("answers", Questionnaire.encode(answers, q.items())).param("score", scored.score())
                .param("triage", scored.triage().name()).query(Long.class).single();
        if (scored.triage() == Questionnaire.Triage.RED) {
            Course course = registrations.course(link.courseId());
            long caseId = jdbc.sql("""
                    INSERT INTO triage_case (answer_id, course_id, unit_id) VALUES (:answer, :course, :unit)
                    RETURNING id""")
                    .param("answer", answerId).param("course", course.id()).param("unit", course.unitId())
                    .query(Long.class).single();
            events.publishEvent(new CourseTriagedRed(caseId, course.id(), course.unitId(), course.schemeId(),
                    q.title()));
        }
        return Optional.of(scored);
    }

    /** A course's answers, newest first (for its page: the viewer was checked there). */
    @Transactional(readOnly = true)
    public List<Answer> answers(long courseId) {
        return jdbc.sql("""
                SELECT q.title, q.version, a.score, a.triage, a.answered_at FROM pro_answer a
                JOIN pro_questionnaire q ON q.id = a.questionnaire_id WHERE a.course_id = :course
                ORDER BY a.answered_at DESC, a.id DESC""").param("course", courseId)
                .query((rs, n) -> new Answer(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        Questionnaire.Triage.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant())).list();
    }

    // --- the triage list ---

    /** The unit's triage cases: open ones first (oldest first), then handled ones; for its own professionals. */
    @Transactional(readOnly = true)
    public PageOf<TriageCase> triageList(long unitId, boolean onlyOpen, Viewer viewer, int page, int size) {
        if (!Registrations.maySeeRows(unitId, viewer)) {
            throw new NotFoundException("unit", unitId);
        }
        return new FilteredQuery().condition("t.unit_id = :unit").param("unit", unitId)
                .condition(onlyOpen, "t.handled_at IS NULL")
                .orderBy("t.handled_at IS NOT NULL, t.created_at, t.id")
                .page(jdbc, "SELECT count(*) FROM triage_case t", """
                        SELECT t.*, c.person_ref, q.title, a.score, a.triage FROM triage_case t
                        JOIN registration_course c ON c.id = t.course_id
                        JOIN pro_answer a ON a.id = t.answer_id
                        JOIN pro_questionnaire q ON q.id = a.questionnaire_id""",
                        (rs, n) -> new TriageCase(rs.getLong("id"), rs.getLong("course_id"),
                                rs.getString("person_ref"), rs.getString("title"), rs.getInt("score"),
                                Questionnaire.Triage.valueOf(rs.getString("triage")),
                                rs.getTimestamp("created_at").toInstant(), rs.getString("action"),
                                rs.getString("handled_by"), rs.getTimestamp("handled_at") == null ? null
                                        : rs.getTimestamp("handled_at").toInstant()), page, size);
    }

    /** How many red answers wait at the unit, and since when. */
    @Transactional(readOnly = true)
    public Waiting waiting(long unitId) {
        return jdbc.sql("SELECT count(*), min(created_at) FROM triage_case WHERE unit_id = :unit AND handled_at IS NULL")
                .param("unit", unitId).query((rs, n) -> new Waiting(rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant())).single();
    }

    public record Waiting(long count, Instant oldest) {}

    /** Refuses (404) anyone but a professional of the case's unit. */
    @Transactional(readOnly = true)
    public void checkHandler(long caseId, Viewer viewer) {
        Long unitId = jdbc.sql("SELECT unit_id FROM triage_case WHERE id = :id").param("id", caseId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("triage case", caseId));
        if (!Registrations.mayEnter(unitId, viewer)) {
            throw new NotFoundException("triage case", caseId);
        }
    }

    /** A professional of the unit records what was done; the case leaves the open list. False: already handled. */
    @Transactional
    public boolean handle(long caseId, String action, Viewer viewer) {
        checkHandler(caseId, viewer);
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("what was done is required");
        }
        int updated = jdbc.sql("""
                UPDATE triage_case SET action = :action, handled_by = :by, handled_at = now()
                WHERE id = :id AND handled_at IS NULL""")
                .param("action", action.strip()).param("by", viewer.name()).param("id", caseId).update();
        if (updated == 0) {
            return false; // a colleague recorded it first: theirs stands
        }
        audit.record(AuditKind.TRIAGE_HANDLED, viewer.userId(), viewer.name(), "triage case " + caseId, null);
        return true;
    }
}
