package dk.tvaers.catalog;

import dk.tvaers.platform.search.FullTextSource;
import dk.tvaers.platform.search.RelatedForms;
import dk.tvaers.platform.search.SearchQuery;
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
    static class Cases extends FullTextSource {

        Cases(JdbcClient jdbc) {
            // published cases only: a case without a published version is a draft
            super(jdbc, "katalog", "search.kind.cases", new Rows(
                    "catalog_case c JOIN catalog_case_version v ON v.id = c.published_version_id",
                    "c.published_version_id IS NOT NULL", "c.search_document", "c.id", "v.title", "v.summary",
                    "/katalog/"));
        }

        @Override
        protected String alsoMatches(SearchQuery query) {
            return fuzzyWord(query) == null ? null : "word_similarity(:word, c.search_text) >= 0.75";
        }

        @Override
        protected JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchQuery query) {
            String word = fuzzyWord(query);
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
    static class StorySource extends FullTextSource {

        StorySource(JdbcClient jdbc) {
            super(jdbc, "historier", "search.kind.stories", new Rows("catalog_story s", "TRUE",
                    "s.search_document", "s.id", "s.title", "s.lead", "/historier/"));
        }
    }
}
