package dk.tvaers.catalog;

import dk.tvaers.platform.search.RelatedForms;
import dk.tvaers.platform.search.SearchHit;
import dk.tvaers.platform.search.SearchQuery;
import dk.tvaers.platform.search.SearchSource;
import dk.tvaers.platform.search.SearchTerms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the catalogue gives the site-wide search: its related forms (table {@code catalog_related_term}, ADR 0007),
 * the published cases (their published version's search document: title, summary, the Danish names of the disease
 * groups and themes, the sections; a single word of five letters or more also by trigram, as in the catalogue) and
 * the stories. A draft case is never found.
 */
final class CatalogSearchSources {

    private CatalogSearchSources() {}

    @Component
    static class CatalogRelatedForms implements RelatedForms {

        private final JdbcClient jdbc;

        CatalogRelatedForms(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public List<List<String>> groups() {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            jdbc.sql("SELECT group_key, form FROM catalog_related_term ORDER BY group_key, form")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                    .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return List.copyOf(groups.values());
        }
    }

    @Component
    @Order(40)
    static class Cases implements SearchSource {

        /** Published cases only: a case without a published version is a draft. */
        static final String FROM = " FROM catalog_case c JOIN catalog_case_version v ON v.id = c.published_version_id"
                + " WHERE c.published_version_id IS NOT NULL";

        private final JdbcClient jdbc;

        Cases(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String kind() {
            return "katalog";
        }

        @Override
        public String headingKey() {
            return "search.kind.cases";
        }

        @Override
        public long count(SearchQuery query) {
            return bind(jdbc.sql("SELECT count(*)" + FROM + match(query)), query).query(Long.class).single();
        }

        @Override
        public List<SearchHit> find(SearchQuery query, long offset, int limit) {
            return bind(jdbc.sql("SELECT c.id, v.title, left(v.summary, 240) AS summary" + FROM + match(query)
                            + " ORDER BY ts_rank(c.search_document, to_tsquery('danish', :query)) DESC, c.id DESC"
                            + " LIMIT :limit OFFSET :offset"), query)
                    .param("limit", limit).param("offset", offset)
                    .query((rs, n) -> new SearchHit(kind(), rs.getString("title"), rs.getString("summary"),
                            "/katalog/" + rs.getLong("id")))
                    .list();
        }

        private static String match(SearchQuery query) {
            return " AND (c.search_document @@ to_tsquery('danish', :query)"
                    + (fuzzyWord(query) == null ? "" : " OR word_similarity(:word, c.search_text) >= 0.75") + ")";
        }

        private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchQuery query) {
            String word = fuzzyWord(query);
            statement = statement.param("query", query.tsquery());
            return word == null ? statement : statement.param("word", word);
        }

        /** One typed word of five letters or more: also found as a later part of a compound word (ADR 0007). */
        private static String fuzzyWord(SearchQuery query) {
            List<String> words = SearchTerms.words(query.text());
            return words.size() == 1 && words.getFirst().length() >= 5 ? words.getFirst() : null;
        }
    }

    @Component
    @Order(50)
    static class StorySource implements SearchSource {

        private static final String MATCH = " WHERE s.search_document @@ to_tsquery('danish', :query)";

        private final JdbcClient jdbc;

        StorySource(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String kind() {
            return "historier";
        }

        @Override
        public String headingKey() {
            return "search.kind.stories";
        }

        @Override
        public long count(SearchQuery query) {
            return jdbc.sql("SELECT count(*) FROM catalog_story s" + MATCH).param("query", query.tsquery())
                    .query(Long.class).single();
        }

        @Override
        public List<SearchHit> find(SearchQuery query, long offset, int limit) {
            return jdbc.sql("SELECT s.id, s.title, left(s.lead, 240) AS summary FROM catalog_story s" + MATCH
                            + " ORDER BY ts_rank(s.search_document, to_tsquery('danish', :query)) DESC, s.id DESC"
                            + " LIMIT :limit OFFSET :offset")
                    .param("query", query.tsquery()).param("limit", limit).param("offset", offset)
                    .query((rs, n) -> new SearchHit(kind(), rs.getString("title"), rs.getString("summary"),
                            "/historier/" + rs.getLong("id")))
                    .list();
        }
    }
}
