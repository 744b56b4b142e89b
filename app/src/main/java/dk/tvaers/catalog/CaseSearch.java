package dk.tvaers.catalog;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.database.Sorting;
import dk.tvaers.platform.search.SearchTerms;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding cases: the public catalogue's search (Danish full-text with related forms, ADR 0007) with its filters and
 * orders, the editors' list of every case, and {@link #similarTo} for the idea portal. Writing cases is
 * {@link CaseCatalog}.
 */
@Service
public class CaseSearch {

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
    private static final String SUMMARY_SELECT = """
            SELECT c.id, c.evidence_level, c.published_at, c.published_assessment_id,
                   v.title, v.summary, v.region, v.diseases, v.themes
            FROM catalog_case c JOIN catalog_case_version v ON v.id = c.published_version_id""";

    private final JdbcClient jdbc;

    CaseSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String EDITORS_FROM =
            " FROM catalog_case c JOIN catalog_case_version v ON v.case_id = c.id AND v.version_no = c.latest_version";

    /** Every case for the editors, drafts too, last saved first; {@code published} null for both. */
    @Transactional(readOnly = true)
    public PageOf<CaseListing> listForEditors(String text, Boolean published, int page, int size) {
        return new FilteredQuery()
                .contains("lower(v.title) LIKE :text", "text", text)
                .condition(published != null, Boolean.TRUE.equals(published) ? "c.published_version_id IS NOT NULL"
                        : "c.published_version_id IS NULL")
                .orderBy("v.saved_at DESC, c.id DESC")
                .page(jdbc, "SELECT count(*)" + EDITORS_FROM,
                        "SELECT c.id, v.title, c.latest_version, c.published_version_id IS NOT NULL AS published, v.saved_at"
                                + EDITORS_FROM,
                        (rs, n) -> new CaseListing(rs.getLong("id"), rs.getString("title"), rs.getInt("latest_version"),
                                rs.getBoolean("published"), rs.getTimestamp("saved_at").toInstant()),
                        page, size);
    }
    @Transactional(readOnly = true)
    public PageOf<CaseSummary> search(Filter filter, Sort sort, int page, int size) {
        var query = new FilteredQuery();
        String rank = "0";
        String words = filter.text() == null ? "" : terms().allWords(filter.text());
        if (!words.isEmpty()) {
            query.param("query", words);
            List<String> typed = SearchTerms.words(filter.text());
            String fuzzy = "";
            rank = "ts_rank(c.search_document, to_tsquery('danish', :query))";
            if (typed.size() == 1 && typed.getFirst().length() >= 5) {
                // a later part of a compound word ("patienter" in "kræftpatienter"): trigram word similarity
                fuzzy = " OR word_similarity(:word, c.search_text) >= 0.75";
                query.param("word", typed.getFirst());
                rank += " + word_similarity(:word, c.search_text)";
            }
            query.condition("(c.search_document @@ to_tsquery('danish', :query)" + fuzzy + ")");
        }
        var sorting = Sorting.of(
                Sort.RELEVANCE.name(), (words.isEmpty() ? "c.published_at DESC" : rank + " DESC") + ", c.id",
                Sort.TITLE.name(), "lower(v.title), c.id",
                Sort.NEWEST.name(), "c.published_at DESC, c.id",
                Sort.EVIDENCE.name(), "CASE c.evidence_level WHEN 'GOOD' THEN 0 WHEN 'LOW' THEN 1 ELSE 2 END, c.id");
        var rows = query
                .filter(":disease = ANY (v.diseases)", "disease", filter.disease())
                .filter(":theme = ANY (v.themes)", "theme", filter.theme())
                .filter(":sector = ANY (v.sectors)", "sector", filter.sector())
                .filter("v.region = :region", "region", filter.region())
                .filter("c.evidence_level = :evidence", "evidence", filter.evidence())
                .orderBy(sorting, sort)
                .page(jdbc, "SELECT count(*) FROM catalog_case c JOIN catalog_case_version v ON v.id = c.published_version_id",
                        SUMMARY_SELECT, CaseSearch::mapSummaryRow, page, size);
        return new PageOf<>(withAssessments(rows.items()), page, size, rows.total());
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
                .param("query", query).param("limit", limit).query(CaseSearch::mapSummaryRow).list();
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
    private static SummaryRow mapSummaryRow(ResultSet rs, int row) throws SQLException {
        return new SummaryRow(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                rs.getString("region") == null ? null : Region.valueOf(rs.getString("region")),
                CaseCatalog.enums(rs.getArray("diseases"), DiseaseGroup.class), CaseCatalog.enums(rs.getArray("themes"), Theme.class),
                EvidenceLevel.valueOf(rs.getString("evidence_level")), (Long) rs.getObject("published_assessment_id"),
                rs.getTimestamp("published_at").toInstant());
    }
}
