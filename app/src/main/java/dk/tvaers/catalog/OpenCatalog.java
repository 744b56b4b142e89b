package dk.tvaers.catalog;

import dk.tvaers.shared.Freshness;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's open datasets (issue 15): published cases with the scores of their published assessment, and
 * stories, each streamed one row at a time through a cursor. Only what the public pages show; no people's names.
 */
@Service
public class OpenCatalog {

    private final JdbcClient jdbc;

    OpenCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published case: its published version's title, summary and region, evidence, the five scores. */
    public record PublicCase(long id, String title, String summary, String region, String evidenceLevel,
            Instant publishedAt, Integer theory, Integer effect, Integer description, Integer goals,
            Integer transferability, long adoptions) {}

    public record PublicStory(long id, String title, String lead, Long caseId, Instant publishedAt) {}

    @Transactional(readOnly = true)
    public void streamCases(Consumer<PublicCase> each) {
        streamCases(0, null, each);
    }

    /** One page of the same rows: those with an id above {@code after}, at most {@code limit} (null: all). */
    @Transactional(readOnly = true)
    public void streamCases(long after, Integer limit, Consumer<PublicCase> each) {
        jdbc.sql("""
                SELECT c.id, v.title, v.summary, v.region, c.evidence_level, c.published_at,
                       a.theory_score, a.effect_score, a.description_score, a.goals_score, a.transferability_score,
                       (SELECT count(*) FROM catalog_adoption d WHERE d.case_id = c.id AND d.status <> 'STOPPED') AS adoptions
                FROM catalog_case c JOIN catalog_case_version v ON v.id = c.published_version_id
                LEFT JOIN catalog_assessment a ON a.id = c.published_assessment_id
                WHERE c.id > :after ORDER BY c.id LIMIT CAST(:limit AS bigint)""")
                .param("after", after).param("limit", limit)
                .withFetchSize(200)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(new PublicCase(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                        rs.getString("region"), rs.getString("evidence_level"), rs.getTimestamp("published_at").toInstant(),
                        (Integer) rs.getObject("theory_score", Integer.class),
                        (Integer) rs.getObject("effect_score", Integer.class),
                        (Integer) rs.getObject("description_score", Integer.class),
                        (Integer) rs.getObject("goals_score", Integer.class),
                        (Integer) rs.getObject("transferability_score", Integer.class), rs.getLong("adoptions"))));
    }

    @Transactional(readOnly = true)
    public Freshness casesFreshness() {
        return jdbc.sql("""
                SELECT count(*) * 1000003 + coalesce(sum(c.published_version_id), 0) AS n,
                       greatest(max(c.published_at), (SELECT max(updated_at) FROM catalog_adoption)) AS latest
                FROM catalog_case c WHERE c.published_version_id IS NOT NULL""")
                .query((rs, n) -> new Freshness(rs.getLong("n"),
                        rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant())).single();
    }

    @Transactional(readOnly = true)
    public void streamStories(Consumer<PublicStory> each) {
        streamStories(0, null, each);
    }

    /** One page of the same rows: those with an id above {@code after}, at most {@code limit} (null: all). */
    @Transactional(readOnly = true)
    public void streamStories(long after, Integer limit, Consumer<PublicStory> each) {
        jdbc.sql("SELECT s.id, s.title, s.lead, s.case_id, s.created_at FROM catalog_story s WHERE s.id > :after ORDER BY s.id LIMIT CAST(:limit AS bigint)")
                .param("after", after).param("limit", limit)
                .withFetchSize(200)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(new PublicStory(rs.getLong("id"), rs.getString("title"), rs.getString("lead"),
                        (Long) rs.getObject("case_id"), rs.getTimestamp("created_at").toInstant())));
    }

    @Transactional(readOnly = true)
    public Freshness storiesFreshness() {
        return jdbc.sql("SELECT count(*) AS n, max(created_at) AS latest FROM catalog_story")
                .query((rs, n) -> new Freshness(rs.getLong("n"),
                        rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant())).single();
    }
}
