package dk.tvaers.catalog;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue module's public API: write cases (every save a new version), assess them on the five parameters,
 * publish a version with an assessment, and search the published catalogue.
 */
@Service
public class CaseCatalog {

    /** How the public catalogue can be sorted. */
    public enum Sort {
        RELEVANCE, TITLE, NEWEST, EVIDENCE;

        public String messageKey() {
            return "catalog.sort." + name();
        }
    }

    /** The catalogue's filters; every field may be empty. */
    public record Filter(String text, DiseaseGroup disease, Theme theme, Sector sector, Region region,
            EvidenceLevel evidence) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    private static final String SECTION_COLUMNS = java.util.Arrays.stream(CaseSection.values())
            .map(CaseSection::column).collect(Collectors.joining(", "));

    private static final String SUMMARY_SELECT = """
            SELECT c.id, c.evidence_level, c.published_at, c.published_assessment_id,
                   v.title, v.summary, v.region, v.diseases, v.themes
            FROM catalog_case c JOIN catalog_case_version v ON v.id = c.published_version_id""";

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

    /** Every case for the editors, drafts too, last saved first; {@code published} null for both. */
    @Transactional(readOnly = true)
    public PageOf<CaseListing> listForEditors(String text, Boolean published, int page, int size) {
        var where = new ArrayList<String>();
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            where.add("lower(v.title) LIKE :text");
            params.put("text", "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (published != null) {
            where.add(published ? "c.published_version_id IS NOT NULL" : "c.published_version_id IS NULL");
        }
        String from = " FROM catalog_case c JOIN catalog_case_version v ON v.case_id = c.id AND v.version_no = c.latest_version"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        var empty = new PageOf<CaseListing>(List.of(), page, size, total);
        params.put("limit", size);
        params.put("offset", empty.offset());
        var items = jdbc.sql("SELECT c.id, v.title, c.latest_version, c.published_version_id IS NOT NULL AS published, v.saved_at"
                        + from + " ORDER BY v.saved_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new CaseListing(rs.getLong("id"), rs.getString("title"), rs.getInt("latest_version"),
                        rs.getBoolean("published"), rs.getTimestamp("saved_at").toInstant()))
                .list();
        return new PageOf<>(items, page, size, total);
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

    @Transactional(readOnly = true)
    public PageOf<CaseSummary> search(Filter filter, Sort sort, int page, int size) {
        var where = new ArrayList<String>();
        Map<String, Object> params = new HashMap<>();
        String rank = "0";
        String query = filter.text() == null ? "" : terms().allWords(filter.text());
        if (!query.isEmpty()) {
            params.put("query", query);
            List<String> words = SearchTerms.words(filter.text());
            String fuzzy = "";
            if (words.size() == 1 && words.getFirst().length() >= 5) {
                // a later part of a compound word ("patienter" in "kræftpatienter"): trigram word similarity
                fuzzy = " OR word_similarity(:word, c.search_text) >= 0.75";
                params.put("word", words.getFirst());
                rank = "ts_rank(c.search_document, to_tsquery('danish', :query)) + word_similarity(:word, c.search_text)";
            } else {
                rank = "ts_rank(c.search_document, to_tsquery('danish', :query))";
            }
            where.add("(c.search_document @@ to_tsquery('danish', :query)" + fuzzy + ")");
        }
        if (filter.disease() != null) {
            where.add(":disease = ANY (v.diseases)");
            params.put("disease", filter.disease().name());
        }
        if (filter.theme() != null) {
            where.add(":theme = ANY (v.themes)");
            params.put("theme", filter.theme().name());
        }
        if (filter.sector() != null) {
            where.add(":sector = ANY (v.sectors)");
            params.put("sector", filter.sector().name());
        }
        if (filter.region() != null) {
            where.add("v.region = :region");
            params.put("region", filter.region().name());
        }
        if (filter.evidence() != null) {
            where.add("c.evidence_level = :evidence");
            params.put("evidence", filter.evidence().name());
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM catalog_case c JOIN catalog_case_version v ON v.id = c.published_version_id"
                + condition).params(params).query(Long.class).single();
        var empty = new PageOf<CaseSummary>(List.of(), page, size, total);
        String order = switch (sort == null ? Sort.RELEVANCE : sort) {
            case RELEVANCE -> query.isEmpty() ? "c.published_at DESC" : rank + " DESC";
            case TITLE -> "lower(v.title)";
            case NEWEST -> "c.published_at DESC";
            case EVIDENCE -> "CASE c.evidence_level WHEN 'GOOD' THEN 0 WHEN 'LOW' THEN 1 ELSE 2 END";
        };
        params.put("limit", size);
        params.put("offset", empty.offset());
        List<SummaryRow> rows = jdbc.sql(SUMMARY_SELECT + condition + " ORDER BY " + order + ", c.id LIMIT :limit OFFSET :offset")
                .params(params).query(CaseCatalog::mapSummaryRow).list();
        return new PageOf<>(withAssessments(rows), page, size, total);
    }

    /**
     * "Is this done somewhere already?": published cases that share words (or related forms) with a free text,
     * such as an idea's description, best match first.
     */
    @Transactional(readOnly = true)
    public List<CaseSummary> similarTo(String text, int limit) {
        String query = terms().anyWord(text, 4);
        if (query.isEmpty() || limit < 1) {
            return List.of();
        }
        List<SummaryRow> rows = jdbc.sql(SUMMARY_SELECT + """
                 WHERE c.search_document @@ to_tsquery('danish', :query)
                ORDER BY ts_rank(c.search_document, to_tsquery('danish', :query)) DESC, c.id LIMIT :limit""")
                .param("query", query).param("limit", limit).query(CaseCatalog::mapSummaryRow).list();
        return withAssessments(rows);
    }

    /** The related-forms groups of the search (table catalog_related_term). */
    SearchTerms terms() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        jdbc.sql("SELECT group_key, form FROM catalog_related_term ORDER BY group_key, form")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return new SearchTerms(groups.values());
    }

    // --- mapping ---

    private record SummaryRow(long id, String title, String summary, Region region, Set<DiseaseGroup> diseases,
            Set<Theme> themes, EvidenceLevel level, Long assessmentId, java.time.Instant publishedAt) {}

    private List<CaseSummary> withAssessments(List<SummaryRow> rows) {
        List<Long> ids = rows.stream().map(SummaryRow::assessmentId).filter(java.util.Objects::nonNull).toList();
        Map<Long, Assessment> assessments = ids.isEmpty() ? Map.of()
                : jdbc.sql("SELECT * FROM catalog_assessment WHERE id IN (:ids)").param("ids", ids)
                        .query(CaseCatalog::mapAssessment).list().stream()
                        .collect(Collectors.toMap(Assessment::id, Function.identity()));
        return rows.stream().map(r -> new CaseSummary(r.id(), r.title(), r.summary(), r.region(), r.diseases(),
                r.themes(), r.level(), r.assessmentId() == null ? null : assessments.get(r.assessmentId()),
                r.publishedAt())).toList();
    }

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

    private static SummaryRow mapSummaryRow(ResultSet rs, int row) throws SQLException {
        return new SummaryRow(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                rs.getString("region") == null ? null : Region.valueOf(rs.getString("region")),
                enums(rs.getArray("diseases"), DiseaseGroup.class), enums(rs.getArray("themes"), Theme.class),
                EvidenceLevel.valueOf(rs.getString("evidence_level")), (Long) rs.getObject("published_assessment_id"),
                rs.getTimestamp("published_at").toInstant());
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

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
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
