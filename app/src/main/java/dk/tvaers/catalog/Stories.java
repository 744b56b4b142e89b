package dk.tvaers.catalog;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.accounts.Actor;
import dk.tvaers.platform.web.PageOf;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The historiekatalog: write stories and find them (Danish full-text search, the same related forms as cases). */
@Service
public class Stories {

    private static final String SELECT = """
            SELECT s.*, v.title AS case_title FROM catalog_story s
            LEFT JOIN catalog_case c ON c.id = s.case_id
            LEFT JOIN catalog_case_version v ON v.id = c.published_version_id""";

    private final JdbcClient jdbc;
    private final CaseSearch search;

    Stories(JdbcClient jdbc, CaseSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    @Transactional
    public long write(String title, String lead, String body, Long caseId, Long initiativeId, Actor actor) {
        return jdbc.sql("""
                INSERT INTO catalog_story (title, lead, body, case_id, initiative_id, author_name)
                VALUES (:title, :lead, :body, :case, :initiative, :author) RETURNING id""")
                .param("title", title.strip()).param("lead", lead.strip()).param("body", body.strip())
                .param("case", caseId).param("initiative", initiativeId).param("author", actor.name())
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<Story> find(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(Stories::map).optional();
    }

    @Transactional(readOnly = true)
    public List<Story> aboutCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE s.case_id = :id ORDER BY s.created_at DESC").param("id", caseId)
                .query(Stories::map).list();
    }

    @Transactional(readOnly = true)
    public PageOf<Story> search(String text, int page, int size) {
        String query = text == null ? "" : search.terms().allWords(text);
        return new FilteredQuery()
                .filter("s.search_document @@ to_tsquery('danish', :query)", "query", query)
                .orderBy((query.isEmpty() ? "s.created_at DESC"
                        : "ts_rank(s.search_document, to_tsquery('danish', :query)) DESC") + ", s.id DESC")
                .page(jdbc, "SELECT count(*) FROM catalog_story s", SELECT, Stories::map, page, size);
    }

    private static Story map(ResultSet rs, int row) throws SQLException {
        return new Story(rs.getLong("id"), rs.getString("title"), rs.getString("lead"), rs.getString("body"),
                (Long) rs.getObject("case_id"), rs.getString("case_title"), (Long) rs.getObject("initiative_id"),
                rs.getString("author_name"), rs.getTimestamp("created_at").toInstant());
    }
}
