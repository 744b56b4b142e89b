package dk.tvaers.challenges;

import dk.tvaers.platform.search.SearchHit;
import dk.tvaers.platform.search.SearchQuery;
import dk.tvaers.platform.search.SearchSource;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The challenges the site-wide search finds: every challenge is public from its publication (a challenge is
 * published when it is created), searched with Danish stemming in title (weighted highest), question, vision and
 * description.
 */
@Component
@Order(20)
class ChallengeSearchSource implements SearchSource {

    private static final String DOCUMENT = "(setweight(to_tsvector('danish', c.title), 'A')"
            + " || setweight(to_tsvector('danish', c.question), 'B')"
            + " || to_tsvector('danish', c.vision || ' ' || c.description))";
    private static final String MATCH = " WHERE " + DOCUMENT + " @@ to_tsquery('danish', :query)";

    private final JdbcClient jdbc;

    ChallengeSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "udfordringer";
    }

    @Override
    public String headingKey() {
        return "search.kind.challenges";
    }

    @Override
    public long count(SearchQuery query) {
        return jdbc.sql("SELECT count(*) FROM challenge c" + MATCH).param("query", query.tsquery())
                .query(Long.class).single();
    }

    @Override
    public List<SearchHit> find(SearchQuery query, long offset, int limit) {
        return jdbc.sql("SELECT c.id, c.title, left(CASE WHEN c.question <> '' THEN c.question ELSE c.description END, 240)"
                        + " AS summary FROM challenge c" + MATCH
                        + " ORDER BY ts_rank(" + DOCUMENT + ", to_tsquery('danish', :query)) DESC, c.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("query", query.tsquery()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new SearchHit(kind(), rs.getString("title"), rs.getString("summary"),
                        "/udfordringer/" + rs.getLong("id")))
                .list();
    }
}
