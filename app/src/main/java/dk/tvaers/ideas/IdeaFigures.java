package dk.tvaers.ideas;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.Freshness;
import dk.tvaers.shared.StageTime;
import dk.tvaers.shared.YearCount;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idea portal in figures (issue 15), computed by SQL over the ideas and their status history, never by loading
 * ideas: the ideas received (those the public list shows), by year, those that became initiatives, and the time spent
 * in each stage of the clinic. Also the open dataset of public ideas, streamed row by row without personal data.
 */
@Service
public class IdeaFigures {

    /** The public visibility of the idea list ({@link Ideas#search}): confirmed ideas not hidden by a moderator. */
    static final String PUBLIC = "i.status <> 'UNCONFIRMED' AND i.hidden_at IS NULL";

    private final JdbcClient jdbc;

    IdeaFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static FilteredQuery filtered(FigureFilter filter) {
        return new FilteredQuery().condition(PUBLIC)
                .filter("i.region = :region", "region", filter.region())
                .filter("i.sectors @> ARRAY[CAST(:sector AS varchar)]", "sector", filter.sector())
                .filter("i.innovation_type = :type", "type", filter.type())
                .filter("i.submitted_at >= :from", "from", filter.from())
                .filter("i.submitted_at < :until", "until", filter.until());
    }

    /** Ideas received, and of them those that became an initiative. */
    public record Received(long received, long becameInitiative) {}

    @Transactional(readOnly = true)
    public Received received(FigureFilter filter) {
        FilteredQuery query = filtered(filter);
        return jdbc.sql("SELECT count(*) AS received, count(i.initiative_id) AS started FROM idea i" + query.where())
                .params(query.params())
                .query((rs, n) -> new Received(rs.getLong("received"), rs.getLong("started"))).single();
    }

    @Transactional(readOnly = true)
    public List<YearCount> byYear(FigureFilter filter) {
        FilteredQuery query = filtered(filter).condition("i.submitted_at IS NOT NULL");
        return jdbc.sql("""
                SELECT CAST(extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') AS int) AS year,
                       count(*) AS n FROM idea i""" + query.where() + " GROUP BY 1 ORDER BY 1")
                .params(query.params()).query((rs, n) -> new YearCount(rs.getInt("year"), rs.getLong("n"))).list();
    }

    /**
     * Days from entering each status of the clinic to leaving it, from the status history (window over the
     * history's index on idea and time): median and 90th percentile per status, for the ideas of the filter.
     */
    @Transactional(readOnly = true)
    public List<StageTime> stageTimes(FigureFilter filter) {
        FilteredQuery query = filtered(filter);
        return jdbc.sql("""
                WITH spans AS (
                    SELECT c.to_status AS stage,
                           extract(EPOCH FROM (lead(c.changed_at) OVER (PARTITION BY c.idea_id
                               ORDER BY c.changed_at, c.id) - c.changed_at)) / 86400.0 AS days
                    FROM idea_status_change c JOIN idea i ON i.id = c.idea_id""" + query.where() + """
                )
                SELECT stage, count(*) AS n,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
                FROM spans WHERE days IS NOT NULL AND stage IN ('SUBMITTED', 'IN_REVIEW')
                GROUP BY stage ORDER BY CASE stage WHEN 'SUBMITTED' THEN 0 ELSE 1 END""")
                .params(query.params())
                .query((rs, n) -> new StageTime(rs.getString("stage"), rs.getLong("n"), rs.getDouble("median"),
                        rs.getDouble("p90"))).list();
    }

    /** One row of the open dataset of ideas: what the public idea page shows, never the submitter. */
    public record PublicIdea(long id, String title, String problem, String proposal, String beneficiaries,
            String innovationType, String region, String status, String sectors, java.time.Instant submittedAt,
            Long initiativeId, int supportCount) {}

    /** Every public idea, oldest first, one at a time through a cursor (never the whole table in memory). */
    @Transactional(readOnly = true)
    public void streamPublic(Consumer<PublicIdea> each) {
        streamPublic(0, null, each);
    }

    /** One page of the same rows: those with an id above {@code after}, at most {@code limit} (null: all). */
    @Transactional(readOnly = true)
    public void streamPublic(long after, Integer limit, Consumer<PublicIdea> each) {
        jdbc.sql("""
                SELECT i.id, i.title, i.problem, i.proposal, i.beneficiaries, i.innovation_type, i.region, i.status,
                       array_to_string(i.sectors, ',') AS sectors, i.submitted_at, i.initiative_id, i.support_count
                FROM idea i WHERE i.id > :after""" + " AND " + PUBLIC + " ORDER BY i.id LIMIT CAST(:limit AS bigint)")
                .param("after", after).param("limit", limit)
                .withFetchSize(1000)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(new PublicIdea(rs.getLong("id"), rs.getString("title"),
                        rs.getString("problem"), rs.getString("proposal"), rs.getString("beneficiaries"),
                        rs.getString("innovation_type"), rs.getString("region"), rs.getString("status"),
                        rs.getString("sectors"),
                        rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
                        (Long) rs.getObject("initiative_id"), rs.getInt("support_count"))));
    }

    /** The count of public ideas and the newest change: the dataset's validator. */
    @Transactional(readOnly = true)
    public Freshness freshness() {
        return jdbc.sql("""
                SELECT count(*) AS n, greatest(max(i.submitted_at), max(i.outcome_at), max(i.created_at)) AS latest,
                       sum(i.version) AS versions
                FROM idea i WHERE """ + " " + PUBLIC)
                .query((rs, n) -> new Freshness(rs.getLong("n") * 1_000_003L + rs.getLong("versions"),
                        rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant()))
                .single();
    }
}
