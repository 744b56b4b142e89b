package dk.tvaers.challenges;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.shared.FigureFilter;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Challenges in figures (issue 15): how many were published in the filter's period and region, how many calls
 * they opened, and how many applications were submitted to those calls (asked of every {@link ApplicantCounter}
 * in one call each: calls are few, tens a year).
 */
@Service
public class ChallengeFigures {

    private final JdbcClient jdbc;
    private final List<ApplicantCounter> counters;

    ChallengeFigures(JdbcClient jdbc, List<ApplicantCounter> counters) {
        this.jdbc = jdbc;
        this.counters = counters;
    }

    public record Counts(long challenges, long calls, long applications) {}

    @Transactional(readOnly = true)
    public Counts counts(FigureFilter filter) {
        FilteredQuery query = new FilteredQuery()
                .filter("c.region = :region", "region", filter.region())
                .filter("c.published_at >= :from", "from", filter.from())
                .filter("c.published_at < :until", "until", filter.until());
        long challenges = query.count(jdbc, "SELECT count(*) FROM challenge c");
        List<Long> calls = jdbc.sql("SELECT k.id FROM challenge_call k JOIN challenge c ON c.id = k.challenge_id"
                        + query.where()).params(query.params()).query(Long.class).list();
        long applications = 0;
        for (long call : calls) {
            for (ApplicantCounter counter : counters) {
                applications += counter.submittedTo(call);
            }
        }
        return new Counts(challenges, calls.size(), applications);
    }

    /** One published challenge in the open dataset, with its newest call's deadline. */
    public record PublicChallenge(long id, String kind, String title, String question, String region,
            java.time.Instant publishedAt, long calls, java.time.Instant latestDeadline) {}

    /** Every published challenge, oldest first, one at a time (the open dataset). */
    @Transactional(readOnly = true)
    public void streamPublic(java.util.function.Consumer<PublicChallenge> each) {
        streamPublic(0, null, each);
    }

    /** One page of the same rows: those with an id above {@code after}, at most {@code limit} (null: all). */
    @Transactional(readOnly = true)
    public void streamPublic(long after, Integer limit, java.util.function.Consumer<PublicChallenge> each) {
        jdbc.sql("""
                SELECT c.id, c.kind, c.title, c.question, c.region, c.published_at,
                       (SELECT count(*) FROM challenge_call k WHERE k.challenge_id = c.id) AS calls,
                       (SELECT max(k.deadline) FROM challenge_call k WHERE k.challenge_id = c.id) AS deadline
                FROM challenge c WHERE c.id > :after ORDER BY c.id LIMIT CAST(:limit AS bigint)""")
                .param("after", after).param("limit", limit)
                .withFetchSize(500)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(new PublicChallenge(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("title"), rs.getString("question"), rs.getString("region"),
                        rs.getTimestamp("published_at").toInstant(), rs.getLong("calls"),
                        rs.getTimestamp("deadline") == null ? null : rs.getTimestamp("deadline").toInstant())));
    }

    @Transactional(readOnly = true)
    public dk.tvaers.shared.Freshness freshness() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM challenge) * 1000003 + (SELECT count(*) FROM challenge_call) AS n,
                       greatest((SELECT max(published_at) FROM challenge), (SELECT max(opens_at) FROM challenge_call)) AS latest""")
                .query((rs, n) -> new dk.tvaers.shared.Freshness(rs.getLong("n"),
                        rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant())).single();
    }
}
