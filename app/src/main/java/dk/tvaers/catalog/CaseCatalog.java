package dk.tvaers.catalog;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue module's public API for editing: write cases (every save a new version), assess them on the five
 * parameters, publish a version with an assessment. Finding cases is {@link CaseSearch}.
 */
@Service
public class CaseCatalog {



    private static final String SECTION_COLUMNS = java.util.Arrays.stream(CaseSection.values())
            .map(CaseSection::column).collect(Collectors.joining(", "));


    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final JdbcClient jdbc;
    private final OrganisationDirectory organisations;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    CaseCatalog(JdbcClient jdbc, OrganisationDirectory organisations, ApplicationEventPublisher events,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.events = events;
        this.messages = messages;
    }

    // --- writing cases ---

    /** Starts a case with its first version; {@code initiativeId} is the initiative it describes, if any. */
    @Transactional
    public long create(CaseDraft draft, Long initiativeId, Actor actor) {
        long id = jdbc.sql("INSERT INTO catalog_case (initiative_id) VALUES (:initiative) RETURNING id")
                .param("initiative", initiativeId).query(Long.class).single();
        saveVersion(id, draft, actor);
        return id;
    }

    /** Saves a new version of the case (nothing is overwritten); returns its number. */
    @Transactional
    public int saveVersion(long caseId, CaseDraft draft, Actor actor) {
        int number = jdbc.sql("UPDATE catalog_case SET latest_version = latest_version + 1 WHERE id = :id RETURNING latest_version")
                .param("id", caseId).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("case", caseId));
        String sectionParams = java.util.Arrays.stream(CaseSection.values()).map(s -> ":" + s.column())
                .collect(Collectors.joining(", "));
        var insert = jdbc.sql("INSERT INTO catalog_case_version (case_id, version_no, title, summary, region, diseases, "
                        + "themes, sectors, " + SECTION_COLUMNS + ", cost_ore, funding_ore, saving_ore, saved_by_user_id, "
                        + "saved_by_name) VALUES (:case, :number, :title, :summary, :region, :diseases::text[], "
                        + ":themes::text[], :sectors::text[], " + sectionParams
                        + ", :cost, :funding, :saving, :by, :byName) RETURNING id")
                .param("case", caseId)
                .param("number", number)
                .param("title", draft.title().strip())
                .param("summary", strip(draft.summary()))
                .param("region", draft.region() == null ? null : draft.region().name())
                .param("diseases", arrayLiteral(draft.diseases()))
                .param("themes", arrayLiteral(draft.themes()))
                .param("sectors", arrayLiteral(draft.sectors()))
                .param("cost", draft.costOre())
                .param("funding", draft.fundingOre())
                .param("saving", draft.savingOre())
                .param("by", actor.id())
                .param("byName", actor.name());
        for (CaseSection section : CaseSection.values()) {
            insert = insert.param(section.column(), strip(draft.sections().get(section)));
        }
        long versionId = insert.query(Long.class).single();
        int position = 0;
        for (String name : draft.actors()) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String clean = name.strip();
            Long organisationId = organisations.findByName(clean).map(Organisation::id).orElse(null);
            jdbc.sql("INSERT INTO catalog_case_actor (version_id, position, name, organisation_id) VALUES (:v, :p, :n, :o)")
                    .param("v", versionId).param("p", position++).param("n", clean).param("o", organisationId).update();
        }
        return number;
    }

    // --- reading cases ---

    @Transactional(readOnly = true)
    public Optional<CatalogCase> find(long caseId) {
        return jdbc.sql("SELECT * FROM catalog_case WHERE id = :id").param("id", caseId)
                .query((rs, n) -> new CatalogCase(rs.getLong("id"), (Long) rs.getObject("initiative_id"),
                        rs.getInt("latest_version"), (Long) rs.getObject("published_version_id"),
                        (Long) rs.getObject("published_assessment_id"),
                        rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                        EvidenceLevel.valueOf(rs.getString("evidence_level")), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** Every version of the case, newest first. */
    @Transactional(readOnly = true)
    public List<CaseVersion> versions(long caseId) {
        var versions = jdbc.sql("SELECT * FROM catalog_case_version WHERE case_id = :id ORDER BY version_no DESC")
                .param("id", caseId).query(CaseCatalog::mapVersion).list();
        return withActors(versions);
    }

    @Transactional(readOnly = true)
    public Optional<CaseVersion> version(long caseId, int number) {
        var versions = jdbc.sql("SELECT * FROM catalog_case_version WHERE case_id = :id AND version_no = :n")
                .param("id", caseId).param("n", number).query(CaseCatalog::mapVersion).list();
        return withActors(versions).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<CaseVersion> latestVersion(long caseId) {
        return find(caseId).flatMap(c -> version(caseId, c.latestVersion()));
    }

    /** The published version, when the case is published. */
    @Transactional(readOnly = true)
    public Optional<CaseVersion> publishedVersion(long caseId) {
        var versions = jdbc.sql("""
                SELECT v.* FROM catalog_case_version v JOIN catalog_case c ON c.published_version_id = v.id
                WHERE c.id = :id""").param("id", caseId).query(CaseCatalog::mapVersion).list();
        return withActors(versions).stream().findFirst();
    }

    /** The cases started from an initiative. */
    @Transactional(readOnly = true)
    public List<Long> casesOfInitiative(long initiativeId) {
        return jdbc.sql("SELECT id FROM catalog_case WHERE initiative_id = :i ORDER BY id").param("i", initiativeId)
                .query(Long.class).list();
    }


    // --- assessments ---

    @Transactional
    public long assess(long caseId, NewAssessment assessment, Actor actor) {
        find(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
        var columns = new ArrayList<String>();
        var values = new ArrayList<String>();
        Map<String, Object> params = new HashMap<>();
        for (Parameter p : Parameter.values()) {
            columns.add(p.field() + "_score");
            columns.add(p.field() + "_note");
            values.add(":" + p.field() + "Score");
            values.add(":" + p.field() + "Note");
            params.put(p.field() + "Score", assessment.scores().get(p));
            params.put(p.field() + "Note", assessment.notes().get(p).strip());
        }
        params.put("case", caseId);
        params.put("by", actor.id());
        params.put("byName", actor.name());
        return jdbc.sql("INSERT INTO catalog_assessment (case_id, " + String.join(", ", columns)
                        + ", assessor_user_id, assessor_name) VALUES (:case, " + String.join(", ", values)
                        + ", :by, :byName) RETURNING id")
                .params(params).query(Long.class).single();
    }

    /** Every assessment of the case, newest first. */
    @Transactional(readOnly = true)
    public List<Assessment> assessments(long caseId) {
        return jdbc.sql("SELECT * FROM catalog_assessment WHERE case_id = :id ORDER BY created_at DESC, id DESC")
                .param("id", caseId).query(CaseCatalog::mapAssessment).list();
    }

    @Transactional(readOnly = true)
    public Optional<Assessment> assessment(long assessmentId) {
        return jdbc.sql("SELECT * FROM catalog_assessment WHERE id = :id").param("id", assessmentId)
                .query(CaseCatalog::mapAssessment).optional();
    }

    // --- publishing ---

    /**
     * What the public search finds a published case by: its title (weight A), summary and the Danish names of its
     * disease groups and themes (B: a search for "diabetikere" finds a case tagged Diabetes), and its sections.
     */
    private void index(long caseId, CaseVersion version) {
        String tags = java.util.stream.Stream.concat(
                version.diseases().stream().map(d -> messages.getMessage(d.messageKey(), null, d.name(), DANISH)),
                version.themes().stream().map(t -> messages.getMessage(t.messageKey(), null, t.name(), DANISH)))
                .collect(Collectors.joining(" "));
        String body = CaseSectionText.of(version);
        jdbc.sql("""
                UPDATE catalog_case SET
                    search_document = setweight(to_tsvector('danish', :title), 'A')
                        || setweight(to_tsvector('danish', :summary || ' ' || :tags), 'B')
                        || to_tsvector('danish', :body),
                    search_text = lower(:title || ' ' || :summary || ' ' || :tags || ' ' || :body)
                WHERE id = :id""")
                .param("title", version.title())
                .param("summary", version.summary())
                .param("tags", tags)
                .param("body", body)
                .param("id", caseId)
                .update();
    }

    /**
     * Indexes every published case again (at start: the search document gained the disease groups and themes, and
     * cases published before that are found by them too). Cheap: one update per published case.
     */
    @Transactional
    public int reindexPublished() {
        List<long[]> published = jdbc.sql("""
                SELECT c.id, v.version_no FROM catalog_case c JOIN catalog_case_version v
                  ON v.id = c.published_version_id""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] row : published) {
            version(row[0], (int) row[1]).ifPresent(version -> index(row[0], version));
        }
        return published.size();
    }

    /**
     * Publishes a version of the case with one of its assessments (or none): the public catalogue shows exactly
     * these from now on, and finds the case by the version's text.
     */
    @Transactional
    public void publish(long caseId, int versionNumber, Long assessmentId, Actor actor) {
        CaseVersion version = version(caseId, versionNumber)
                .orElseThrow(() -> new NotFoundException("case version", caseId));
        EvidenceLevel level = EvidenceLevel.NOT_ASSESSED;
        if (assessmentId != null) {
            Assessment assessment = assessment(assessmentId).filter(a -> a.caseId() == caseId)
                    .orElseThrow(() -> new IllegalArgumentException("assessment " + assessmentId + " is not of case " + caseId));
            level = assessment.evidenceLevel();
        }
        jdbc.sql("""
                UPDATE catalog_case SET published_version_id = :version, published_assessment_id = :assessment,
                    published_at = now(), published_by_name = :by, evidence_level = :level
                WHERE id = :id""")
                .param("version", version.id())
                .param("assessment", assessmentId)
                .param("by", actor.name())
                .param("level", level.name())
                .param("id", caseId)
                .update();
        index(caseId, version);
        events.publishEvent(new CasePublished(caseId, version.id(), assessmentId));
    }

    // --- the public catalogue ---




    // --- mapping ---


    private List<CaseVersion> withActors(List<CaseVersion> versions) {
        if (versions.isEmpty()) {
            return versions;
        }
        Map<Long, List<CaseActor>> actors = new HashMap<>();
        jdbc.sql("SELECT * FROM catalog_case_actor WHERE version_id IN (:ids) ORDER BY version_id, position")
                .param("ids", versions.stream().map(CaseVersion::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong("version_id"),
                        new CaseActor(rs.getString("name"), (Long) rs.getObject("organisation_id"))))
                .list().forEach(e -> actors.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return versions.stream().map(v -> new CaseVersion(v.id(), v.caseId(), v.number(), v.title(), v.summary(),
                v.region(), v.diseases(), v.themes(), v.sectors(), List.copyOf(actors.getOrDefault(v.id(), List.of())),
                v.sections(), v.costOre(), v.fundingOre(), v.savingOre(), v.savedByName(), v.savedAt())).toList();
    }


    static CaseVersion mapVersion(ResultSet rs, int row) throws SQLException {
        Map<CaseSection, String> sections = new EnumMap<>(CaseSection.class);
        for (CaseSection section : CaseSection.values()) {
            sections.put(section, rs.getString(section.column()));
        }
        return new CaseVersion(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("version_no"), rs.getString("title"),
                rs.getString("summary"), rs.getString("region") == null ? null : Region.valueOf(rs.getString("region")),
                enums(rs.getArray("diseases"), DiseaseGroup.class), enums(rs.getArray("themes"), Theme.class),
                enums(rs.getArray("sectors"), Sector.class), List.of(), sections, (Long) rs.getObject("cost_ore"),
                (Long) rs.getObject("funding_ore"), (Long) rs.getObject("saving_ore"), rs.getString("saved_by_name"),
                rs.getTimestamp("saved_at").toInstant());
    }

    static Assessment mapAssessment(ResultSet rs, int row) throws SQLException {
        Map<Parameter, Integer> scores = new EnumMap<>(Parameter.class);
        Map<Parameter, String> notes = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            scores.put(p, rs.getInt(p.field() + "_score"));
            notes.put(p, rs.getString(p.field() + "_note"));
        }
        return new Assessment(rs.getLong("id"), rs.getLong("case_id"), scores, notes, rs.getString("assessor_name"),
                rs.getTimestamp("created_at").toInstant());
    }

    static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        Set<E> values = EnumSet.noneOf(type);
        for (Object value : (Object[]) array.getArray()) {
            values.add(Enum.valueOf(type, (String) value));
        }
        return values;
    }

    /** A PostgreSQL array literal of enum names (names are upper-case letters and underscores only). */
    private static String arrayLiteral(Collection<? extends Enum<?>> values) {
        return values == null ? "{}" : values.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
