package dk.tvaers.platform.database;

import dk.tvaers.platform.web.PageOf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code WHERE}, {@code ORDER BY} and paging of a list query, built from a filter. The SQL stays explicit: every
 * condition is a piece of SQL written in the calling service with named parameters; a filter value only ever
 * travels as a parameter, and the order only ever comes from a {@link Sorting} whitelist (or a constant). A
 * condition whose value is missing (null, or blank text) is left out, so a service writes its filter once:
 *
 * <pre>{@code
 * return new FilteredQuery()
 *         .contains("lower(name) LIKE :text", "text", filter.text())
 *         .filter("sector = :sector", "sector", filter.sector())
 *         .orderBy(SORTING, sort)
 *         .page(jdbc, "SELECT count(*) FROM organisation", "SELECT * FROM organisation", MAPPER, page, size);
 * }</pre>
 */
public final class FilteredQuery {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private String orderBy;

    /** A condition that always applies, e.g. {@code "i.status <> 'UNCONFIRMED'"}. */
    public FilteredQuery condition(String sql) {
        conditions.add(sql);
        return this;
    }

    /** A condition that applies when {@code applies} is true (a yes/no filter with two fixed pieces of SQL). */
    public FilteredQuery condition(boolean applies, String sql) {
        return applies ? condition(sql) : this;
    }

    /**
     * A condition with one parameter that applies when the value is given (not null, not blank text). An enum
     * travels as its name, as the columns store it.
     */
    public FilteredQuery filter(String sql, String name, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return this;
        }
        params.put(name, value instanceof Enum<?> constant ? constant.name() : value);
        return condition(sql);
    }

    /**
     * A {@code LIKE} condition that finds the text anywhere: the parameter is the lower-cased text with LIKE's own
     * characters ({@code %}, {@code _}, {@code \}) escaped, wrapped in {@code %}. Left out when the text is blank.
     */
    public FilteredQuery contains(String sql, String name, String text) {
        return text == null || text.isBlank() ? this : filter(sql, name, SqlText.containsPattern(text));
    }

    /** A named parameter used by a condition or by the order (e.g. the clock's now, a full-text query). */
    public FilteredQuery param(String name, Object value) {
        params.put(name, value instanceof Enum<?> constant ? constant.name() : value);
        return this;
    }

    /** A fixed order written in code. */
    public FilteredQuery orderBy(String sql) {
        this.orderBy = sql;
        return this;
    }

    /** The order the user asked for, from the whitelist; anything else gets the whitelist's default. */
    public FilteredQuery orderBy(Sorting sorting, Object requested) {
        return orderBy(sorting.sql(requested));
    }

    /** {@code " WHERE a AND b"}, or nothing when no condition applies. */
    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The named parameters of the conditions (a copy). */
    public Map<String, Object> params() {
        return new HashMap<>(params);
    }

    /** {@code countSql} (e.g. {@code "SELECT count(*) FROM idea i"}) with the conditions. */
    public long count(JdbcClient jdbc, String countSql) {
        return jdbc.sql(countSql + where()).params(params).query(Long.class).single();
    }

    /** Every row: {@code selectSql} with the conditions and the order (for exports and short lists). */
    public <T> List<T> list(JdbcClient jdbc, String selectSql, RowMapper<T> mapper) {
        return jdbc.sql(selectSql + where() + orderClause()).params(params).query(mapper).list();
    }

    /** One page: the count, then {@code selectSql} with the conditions, the order, LIMIT and OFFSET. */
    public <T> PageOf<T> page(JdbcClient jdbc, String countSql, String selectSql, RowMapper<T> mapper, int page,
            int size) {
        long total = count(jdbc, countSql);
        var pageOf = new PageOf<T>(List.of(), page, size, total);
        List<T> items = jdbc.sql(pageSql(selectSql)).params(pageParams(pageOf)).query(mapper).list();
        return new PageOf<>(items, page, size, total);
    }

    /**
     * For a page query that needs more around it (e.g. lateral joins on the page's rows): {@code selectSql} with the
     * conditions, the order, {@code LIMIT :limit OFFSET :offset}; bind {@link #pageParams}.
     */
    public String pageSql(String selectSql) {
        return selectSql + where() + orderClause() + " LIMIT :limit OFFSET :offset";
    }

    /** The parameters of {@link #pageSql}: the conditions' and the page's limit and offset. */
    public Map<String, Object> pageParams(PageOf<?> page) {
        var withPaging = params();
        withPaging.put("limit", page.size());
        withPaging.put("offset", page.offset());
        return withPaging;
    }

    private String orderClause() {
        return orderBy == null ? "" : " ORDER BY " + orderBy;
    }
}
