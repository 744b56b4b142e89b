package dk.tvaers.ideas;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.Freshness;
import dk.tvaers.shared.IdeaSource;
import dk.tvaers.shared.StageTime;
import dk.tvaers.shared.YearCount;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idea portal in figures (issue 15), read from the summaries kept on write by triggers (ADR 0040), never by
 * loading ideas: the ideas received (those the public list shows), by source and by year, those that became
 * initiatives, and the time spent in each stage of the clinic. Also the open dataset of public ideas, streamed row by row without personal data.
 */
@Service
public class IdeaFigures {

    /** The public visibility of the idea list ({@link Ideas#search}): confirmed ideas not hidden by a moderator. */
    static final String PUBLIC = "i.status <> 'UNCONFIRMED' AND i.hidden_at IS NULL";

    private final JdbcClient jdbc;

    IdeaFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The filter on the summaries kept on write ({@code idea_year_figures}, {@code idea_stage_days}, V87, ADR 0040):
     * their rows count public ideas only (the idea list's {@link #PUBLIC}), keyed by the year of submission in Danish
     * time, region, innovation type, source and set of sectors.
     */
    static FilteredQuery summary(FigureFilter filter) {
        return new FilteredQuery()
                .filter("f.region = :region", "region", filter.region())
                .filter("f.sectors @> ARRAY[CAST(:sector AS varchar)]", "sector", filter.sector())
                .filter("f.innovation_type = :type", "type", filter.type())
                .filter("f.source = :source", "source", filter.source())
                .filter("f.year >= :fromYear", "fromYear", filter.fromYear())
                .filter("f.year <= :toYear", "toYear", filter.toYear());
    }

    /** Ideas received, and of them those that became an initiative. */
    public record Received(long received, long becameInitiative) {}

    /** From the yearly summary kept on write (ADR 0040). */
    @Transactional(readOnly = true)
    public Received received(FigureFilter filter) {
        FilteredQuery query = summary(filter);
        return jdbc.sql("""
                SELECT coalesce(sum(f.received), 0) AS received, coalesce(sum(f.became_initiative), 0) AS started
                FROM idea_year_figures f""" + query.where())
                .params(query.params())
                .query((rs, n) -> new Received(rs.getLong("received"), rs.getLong("started"))).single();
    }

    /** How many of the ideas received came from each source (sources without ideas left out). */
    public record SourceCount(IdeaSource source, long received) {}

    @Transactional(readOnly = true)
    public List<SourceCount> bySource(FigureFilter filter) {
        FilteredQuery query = summary(filter);
        return jdbc.sql("SELECT f.source, sum(f.received) AS n FROM idea_year_figures f" + query.where()
                        + " GROUP BY f.source HAVING sum(f.received) > 0"
                        + " ORDER BY CASE f.source WHEN 'CITIZEN' THEN 0 WHEN 'STAFF' THEN 1 WHEN 'PARTNER' THEN 2 ELSE 3 END")
                .params(query.params())
                .query((rs, n) -> new SourceCount(IdeaSource.valueOf(rs.getString("source")), rs.getLong("n"))).list();
    }

    @Transactional(readOnly = true)
    public List<YearCount> byYear(FigureFilter filter) {
        FilteredQuery query = summary(filter).condition("f.year IS NOT NULL");
        return jdbc.sql("SELECT f.year, sum(f.received) AS n FROM idea_year_figures f" + query.where()
                        + " GROUP BY f.year HAVING sum(f.received) > 0 ORDER BY f.year")
                .params(query.params()).query((rs, n) -> new YearCount(rs.getInt("year"), rs.getLong("n"))).list();
    }

    /**
     * Whole days from entering each status of the clinic to leaving it (the next row of the idea's status history):
     * median and 90th percentile per status, for the ideas of the filter. Read from the day counts kept on write
     * ({@code idea_stage_days}): the database sums them per status and day, and the percentiles are interpolated here
     * over those few hundred (day, count) pairs exactly as {@code percentile_cont} would over the spans.
     */
    @Transactional(readOnly = true)
    public List<StageTime> stageTimes(FigureFilter filter) {
        FilteredQuery query = summary(filter).condition("f.stage IN ('SUBMITTED', 'IN_REVIEW')");
        List<StageTime.Days> days = jdbc.sql("SELECT f.stage, f.days, sum(f.spans) AS n FROM idea_stage_days f"
                        + query.where() + " GROUP BY f.stage, f.days HAVING sum(f.spans) > 0 ORDER BY f.stage, f.days")
                .params(query.params())
                .query((rs, n) -> new StageTime.Days(rs.getString("stage"), rs.getInt("days"), rs.getLong("n")))
                .list();
        return StageTime.fromDays(days, List.of("SUBMITTED", "IN_REVIEW"));
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
