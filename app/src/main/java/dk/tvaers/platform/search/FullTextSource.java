package dk.tvaers.platform.search;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link SearchSource} over one table's Danish full-text document, the way every module's source searches: the rows
 * the searcher may open ({@code visible}), matching the query's {@code to_tsquery('danish', …)}, best rank first
 * (newest id among equals), each hit its title, the first 240 characters of its summary and its page. A module
 * gives only its table and columns; {@link #mayFind} and {@link #alsoMatches}/{@link #bind} let a source narrow who
 * finds it or widen what matches (the catalogue's compound words).
 */
public abstract class FullTextSource implements SearchSource {

    /**
     * The rows of one kind. {@code from}: the table(s) with alias; {@code visible}: the condition a row must meet to be
     * found (never a hidden, unconfirmed or draft row; {@code TRUE} when every row is public); {@code document}: the
     * tsvector expression; {@code id}, {@code title}, {@code summary}: columns or expressions; {@code path}: the page's
     * address before the id ({@code /ideer/}).
     */
    public record Rows(String from, String visible, String document, String id, String title, String summary,
            String path) {}

    private final JdbcClient jdbc;
    private final String kind;
    private final String headingKey;
    private final Rows rows;

    protected FullTextSource(JdbcClient jdbc, String kind, String headingKey, Rows rows) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.headingKey = headingKey;
        this.rows = rows;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String headingKey() {
        return headingKey;
    }

    @Override
    public long count(SearchQuery query) {
        if (!mayFind(query)) {
            return 0;
        }
        return bind(jdbc.sql("SELECT count(*) FROM " + rows.from() + where(query)).param("query", query.tsquery()),
                query).query(Long.class).single();
    }

    @Override
    public List<SearchHit> find(SearchQuery query, long offset, int limit) {
        if (!mayFind(query)) {
            return List.of();
        }
        return bind(jdbc.sql("SELECT " + rows.id() + " AS id, " + rows.title() + " AS title, left(" + rows.summary()
                                + ", 240) AS summary FROM " + rows.from() + where(query)
                                + " ORDER BY ts_rank(" + rows.document() + ", to_tsquery('danish', :query)) DESC, "
                                + rows.id() + " DESC LIMIT :limit OFFSET :offset")
                        .param("query", query.tsquery()).param("limit", limit).param("offset", offset), query)
                .query((rs, n) -> new SearchHit(kind, rs.getString("title"), rs.getString("summary"),
                        rows.path() + rs.getLong("id")))
                .list();
    }

    /** Whether this searcher may find rows of this kind at all (default: everyone). */
    protected boolean mayFind(SearchQuery query) {
        return true;
    }

    /** A further condition a row may match instead of the full-text query, or null (default). */
    protected String alsoMatches(SearchQuery query) {
        return null;
    }

    /** Binds the parameters {@link #alsoMatches} uses (default: none). */
    protected JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchQuery query) {
        return statement;
    }

    private String where(SearchQuery query) {
        String more = alsoMatches(query);
        return " WHERE " + rows.visible() + " AND (" + rows.document() + " @@ to_tsquery('danish', :query)"
                + (more == null ? "" : " OR " + more) + ")";
    }
}
