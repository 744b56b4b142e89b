package dk.tvaers.initiatives;

import dk.tvaers.platform.search.SearchHit;
import dk.tvaers.platform.search.SearchQuery;
import dk.tvaers.platform.search.SearchSource;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The initiatives the site-wide search finds, by title (weighted highest) and summary with Danish stemming. An
 * initiative's page is open to everyone signed in and to no visitor without a login, so a visitor's search finds
 * none (it would lead to the login page) and a signed-in person's finds all.
 */
@Component
@Order(30)
class InitiativeSearchSource implements SearchSource {

    private static final String DOCUMENT = "(setweight(to_tsvector('danish', i.title), 'A')"
            + " || setweight(to_tsvector('danish', i.summary), 'B'))";
    private static final String MATCH = " WHERE " + DOCUMENT + " @@ to_tsquery('danish', :query)";

    private final JdbcClient jdbc;

    InitiativeSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "initiativer";
    }

    @Override
    public String headingKey() {
        return "search.kind.initiatives";
    }

    @Override
    public long count(SearchQuery query) {
        if (!query.signedIn()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM initiative i" + MATCH).param("query", query.tsquery())
                .query(Long.class).single();
    }

    @Override
    public List<SearchHit> find(SearchQuery query, long offset, int limit) {
        if (!query.signedIn()) {
            return List.of();
        }
        return jdbc.sql("SELECT i.id, i.title, left(i.summary, 240) AS summary FROM initiative i" + MATCH
                        + " ORDER BY ts_rank(" + DOCUMENT + ", to_tsquery('danish', :query)) DESC, i.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("query", query.tsquery()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new SearchHit(kind(), rs.getString("title"), rs.getString("summary"),
                        "/initiativer/" + rs.getLong("id")))
                .list();
    }
}
