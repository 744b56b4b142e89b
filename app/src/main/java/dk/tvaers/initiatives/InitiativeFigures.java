package dk.tvaers.initiatives;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.StageTime;
import dk.tvaers.shared.YearCount;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Initiatives in figures (issue 15), by SQL over the initiatives, their sectors and their phase history: how many,
 * how many reached Nyttigt and Nyttiggjort (also of those started from an idea), how many are cross-sector (two or
 * more sectors), by year, and the time spent in each phase. The region is the owner organisation's.
 */
@Service
public class InitiativeFigures {

    private final JdbcClient jdbc;

    InitiativeFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static FilteredQuery filtered(FigureFilter filter) {
        return new FilteredQuery()
                .filter("EXISTS (SELECT 1 FROM organisation o WHERE o.id = i.owner_organisation_id AND o.region = :region)",
                        "region", filter.region())
                .filter("EXISTS (SELECT 1 FROM initiative_sector s WHERE s.initiative_id = i.id AND s.sector = :sector)",
                        "sector", filter.sector())
                .filter("i.innovation_type = :type", "type", filter.type())
                .filter("i.created_at >= :from", "from", filter.from())
                .filter("i.created_at < :until", "until", filter.until());
    }

    /** The counts of the funnel and the cross-sector share. */
    public record Counts(long initiatives, long useful, long putToUse, long fromIdeas, long fromIdeasUseful,
            long fromIdeasPutToUse, long crossSector) {}

    /** The counts and the initiatives started each year. */
    public record Summary(Counts counts, List<YearCount> byYear) {}

    /**
     * The counts and the yearly trend in one query: the filter's initiatives counted per year they started (Danish
     * time), at most one row a year, added up here. The cross-sector count joins each initiative's number of sectors
     * once (a hash join of the sector table) rather than counting them in a subquery per initiative.
     */
    @Transactional(readOnly = true)
    public Summary summary(FigureFilter filter) {
        FilteredQuery query = filtered(filter);
        record Year(int year, Counts counts) {}
        List<Year> years = jdbc.sql("""
                SELECT CAST(extract(YEAR FROM i.created_at AT TIME ZONE 'Europe/Copenhagen') AS int) AS year,
                       count(*) AS n,
                       count(*) FILTER (WHERE i.phase IN ('USEFUL', 'PUT_TO_USE')) AS useful,
                       count(*) FILTER (WHERE i.phase = 'PUT_TO_USE') AS put_to_use,
                       count(i.source_idea_id) AS from_ideas,
                       count(i.source_idea_id) FILTER (WHERE i.phase IN ('USEFUL', 'PUT_TO_USE')) AS from_ideas_useful,
                       count(i.source_idea_id) FILTER (WHERE i.phase = 'PUT_TO_USE') AS from_ideas_put_to_use,
                       count(*) FILTER (WHERE ns.sectors >= 2) AS cross_sector
                FROM initiative i LEFT JOIN (SELECT initiative_id, count(*) AS sectors FROM initiative_sector
                                             GROUP BY initiative_id) ns ON ns.initiative_id = i.id"""
                        + query.where() + " GROUP BY 1 ORDER BY 1")
                .params(query.params())
                .query((rs, n) -> new Year(rs.getInt("year"), new Counts(rs.getLong("n"), rs.getLong("useful"),
                        rs.getLong("put_to_use"), rs.getLong("from_ideas"), rs.getLong("from_ideas_useful"),
                        rs.getLong("from_ideas_put_to_use"), rs.getLong("cross_sector")))).list();
        Counts total = new Counts(0, 0, 0, 0, 0, 0, 0);
        for (Year year : years) {
            Counts c = year.counts();
            total = new Counts(total.initiatives() + c.initiatives(), total.useful() + c.useful(),
                    total.putToUse() + c.putToUse(), total.fromIdeas() + c.fromIdeas(),
                    total.fromIdeasUseful() + c.fromIdeasUseful(), total.fromIdeasPutToUse() + c.fromIdeasPutToUse(),
                    total.crossSector() + c.crossSector());
        }
        return new Summary(total, years.stream().map(y -> new YearCount(y.year(), y.counts().initiatives())).toList());
    }

    @Transactional(readOnly = true)
    public Counts counts(FigureFilter filter) {
        return summary(filter).counts();
    }

    @Transactional(readOnly = true)
    public List<YearCount> byYear(FigureFilter filter) {
        return summary(filter).byYear();
    }

    /**
     * Days from entering each phase to leaving it, from the phase history's stored ends ({@code left_at}, kept by a
     * trigger when the next change is written; ADR 0040): median and 90th percentile.
     */
    @Transactional(readOnly = true)
    public List<StageTime> phaseTimes(FigureFilter filter) {
        FilteredQuery query = filtered(filter);
        return jdbc.sql("""
                SELECT c.to_phase AS stage, count(*) AS n,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(EPOCH FROM c.left_at - c.changed_at) / 86400.0) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(EPOCH FROM c.left_at - c.changed_at) / 86400.0) AS p90
                FROM initiative_phase_change c JOIN initiative i ON i.id = c.initiative_id"""
                        + query.condition("c.left_at IS NOT NULL").where()
                        + " GROUP BY c.to_phase ORDER BY CASE c.to_phase WHEN 'NEW' THEN 0 WHEN 'USEFUL' THEN 1 ELSE 2 END")
                .params(query.params())
                .query((rs, n) -> new StageTime(rs.getString("stage"), rs.getLong("n"), rs.getDouble("median"),
                        rs.getDouble("p90"))).list();
    }

    /** One initiative in the open dataset: what it is and how far it has come, no people. */
    public record PublicInitiative(long id, String title, String kind, String innovationType, String phase,
            String sectors, java.time.Instant startedAt) {}

    /** Every initiative, oldest first, one at a time through a cursor (the open dataset). */
    @Transactional(readOnly = true)
    public void streamPublic(java.util.function.Consumer<PublicInitiative> each) {
        streamPublic(0, null, each);
    }

    /** One page of the same rows: those with an id above {@code after}, at most {@code limit} (null: all). */
    @Transactional(readOnly = true)
    public void streamPublic(long after, Integer limit, java.util.function.Consumer<PublicInitiative> each) {
        jdbc.sql("""
                SELECT i.id, i.title, i.kind, i.innovation_type, i.phase, i.created_at,
                       (SELECT string_agg(s.sector, ',' ORDER BY s.sector) FROM initiative_sector s
                        WHERE s.initiative_id = i.id) AS sectors
                FROM initiative i WHERE i.id > :after ORDER BY i.id LIMIT CAST(:limit AS bigint)""")
                .param("after", after).param("limit", limit)
                .withFetchSize(500)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(new PublicInitiative(rs.getLong("id"), rs.getString("title"),
                        rs.getString("kind"), rs.getString("innovation_type"), rs.getString("phase"),
                        rs.getString("sectors"), rs.getTimestamp("created_at").toInstant())));
    }

    @Transactional(readOnly = true)
    public dk.tvaers.shared.Freshness freshness() {
        return jdbc.sql("""
                SELECT count(*) AS n, sum(i.version) AS versions,
                       greatest(max(i.created_at), (SELECT max(changed_at) FROM initiative_phase_change)) AS latest
                FROM initiative i""")
                .query((rs, n) -> new dk.tvaers.shared.Freshness(rs.getLong("n") * 1_000_003L + rs.getLong("versions"),
                        rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant())).single();
    }
}
