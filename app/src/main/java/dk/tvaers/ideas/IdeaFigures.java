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

    /** How many of the ideas received came from each source (sources without ideas left out). */
    public record SourceCount(IdeaSource source, long received) {}

    /** The idea counts of the page: the ideas received, those of each source and those of each year. */
    public record Counts(Received received, List<SourceCount> bySource, List<YearCount> byYear) {}

    /**
     * The counts from the yearly summary kept on write (ADR 0040) in one query: its rows of the filter summed per year
     * and source (at most years × sources rows), the three figures added up from those here.
     */
    @Transactional(readOnly = true)
    public Counts counts(FigureFilter filter) {
        FilteredQuery query = summary(filter);
        record Cell(Integer year, IdeaSource source, long received, long started) {}
        List<Cell> cells = jdbc.sql("SELECT f.year, f.source, sum(f.received) AS n, sum(f.became_initiative) AS started"
                        + " FROM idea_year_figures f" + query.where() + " GROUP BY f.year, f.source")
                .params(query.params())
                .query((rs, n) -> new Cell((Integer) rs.getObject("year"), IdeaSource.valueOf(rs.getString("source")),
                        rs.getLong("n"), rs.getLong("started"))).list();
        long received = 0;
        long started = 0;
        var sources = new java.util.EnumMap<IdeaSource, Long>(IdeaSource.class);
        var years = new java.util.TreeMap<Integer, Long>();
        for (Cell cell : cells) {
            received += cell.received();
            started += cell.started();
            sources.merge(cell.source(), cell.received(), Long::sum);
            if (cell.year() != null) {
                years.merge(cell.year(), cell.received(), Long::sum);
            }
        }
        // sources in the order CITIZEN, STAFF, PARTNER, UNKNOWN (the enum's), those with ideas only
        List<SourceCount> bySource = sources.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new SourceCount(e.getKey(), e.getValue())).toList();
        List<YearCount> byYear = years.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new YearCount(e.getKey(), e.getValue())).toList();
        return new Counts(new Received(received, started), bySource, byYear);
    }

    /** Ideas received, and of them those that became an initiative. */
    @Transactional(readOnly = true)
    public Received received(FigureFilter filter) {
        return counts(filter).received();
    }

    @Transactional(readOnly = true)
    public List<SourceCount> bySource(FigureFilter filter) {
        return counts(filter).bySource();
    }

    @Transactional(readOnly = true)
    public List<YearCount> byYear(FigureFilter filter) {
        return counts(filter).byYear();
    }

    /** The cube's value of a dimension the filter leaves open: every value ({@code idea_stage_cube}, V74). */
    private static final String ANY = "*";

    /**
     * Whole days from entering each status of the clinic to leaving it (the next row of the idea's status history):
     * median and 90th percentile per status, for the ideas of the filter. Read from the histogram of days kept on write
     * for exactly the filter's cell ({@code idea_stage_cube}, V74, ADR 0045: region, innovation type, source and one
     * sector, each a value or any), its years summed: at most years × days rows through the key's index. The
     * percentiles are interpolated here over those (day, count) pairs exactly as {@code percentile_cont} would over the
     * spans.
     */
    @Transactional(readOnly = true)
    public List<StageTime> stageTimes(FigureFilter filter) {
        FilteredQuery query = new FilteredQuery()
                .condition("f.region = :region").param("region", filter.region() == null ? ANY : filter.region())
                .condition("f.innovation_type = :type").param("type", filter.type() == null ? ANY : filter.type())
                .condition("f.source = :source").param("source", filter.source() == null ? ANY : filter.source())
                .condition("f.sector = :sector").param("sector", filter.sector() == null ? ANY : filter.sector())
                .condition("f.stage IN ('SUBMITTED', 'IN_REVIEW')")
                .filter("f.year >= :fromYear", "fromYear", filter.fromYear())
                .filter("f.year <= :toYear", "toYear", filter.toYear());
        List<StageTime.Days> days = jdbc.sql("SELECT f.stage, f.days, sum(f.spans) AS n FROM idea_stage_cube f"
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
