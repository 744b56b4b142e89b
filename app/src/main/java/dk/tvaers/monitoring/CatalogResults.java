package dk.tvaers.monitoring;

import dk.tvaers.catalog.CaseResultsSource;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells a published catalogue case whether its initiative's Triple Aim results are published (never unpublished ones). */
@Component
class CatalogResults implements CaseResultsSource {

    private final JdbcClient jdbc;

    CatalogResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PublishedResults> publishedOf(long initiativeId) {
        return jdbc.sql("""
                SELECT p.published_at, r.finished_at FROM monitoring_run r
                JOIN monitoring_publication p ON p.run_id = r.id
                WHERE r.initiative_id = :id AND r.status = 'SUCCEEDED' ORDER BY r.id DESC LIMIT 1""")
                .param("id", initiativeId)
                .query((rs, n) -> new PublishedResults(initiativeId, rs.getTimestamp("published_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(), "/initiativer/" + initiativeId + "/triple-aim"))
                .optional();
    }
}
