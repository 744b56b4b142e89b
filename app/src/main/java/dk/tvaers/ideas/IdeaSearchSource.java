package dk.tvaers.ideas;

import dk.tvaers.platform.search.SearchHit;
import dk.tvaers.platform.search.SearchQuery;
import dk.tvaers.platform.search.SearchSource;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ideas the site-wide search finds: those of the public list only (confirmed, never hidden by a moderator),
 * searched in their Danish full-text column ({@code idea.search}, title weighted above the texts).
 */
@Component
@Order(10)
class IdeaSearchSource implements SearchSource {

    /** Public ideas only: the same rule as the public list ({@link Ideas#search}). */
    static final String PUBLIC = "i.status <> 'UNCONFIRMED' AND i.hidden_at IS NULL";
    private static final String MATCH = " AND i.search @@ to_tsquery('danish', :query)";

    private final JdbcClient jdbc;

    IdeaSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "ideer";
    }

    @Override
    public String headingKey() {
        return "search.kind.ideas";
    }

    @Override
    public long count(SearchQuery query) {
        return jdbc.sql("SELECT count(*) FROM idea i WHERE " + PUBLIC + MATCH)
                .param("query", query.tsquery()).query(Long.class).single();
    }

    @Override
    public List<SearchHit> find(SearchQuery query, long offset, int limit) {
        return jdbc.sql("SELECT i.id, i.title, left(i.problem, 240) AS summary FROM idea i WHERE " + PUBLIC + MATCH
                        + " ORDER BY ts_rank(i.search, to_tsquery('danish', :query)) DESC, i.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("query", query.tsquery()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new SearchHit(kind(), rs.getString("title"), rs.getString("summary"),
                        "/ideer/" + rs.getLong("id")))
                .list();
    }
}
