package dk.tvaers.insights;

import dk.tvaers.catalog.Adoptions;
import dk.tvaers.catalog.OpenCatalog;
import dk.tvaers.challenges.ChallengeFigures;
import dk.tvaers.funding.FundingFigures;
import dk.tvaers.ideas.IdeaFigures;
import dk.tvaers.initiatives.InitiativeFigures;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.Freshness;
import dk.tvaers.shared.StageTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The open datasets' rows and validators. Every dataset is read through its module's public service, one row at a
 * time (a database cursor), and written to the sink at once: memory stays flat however large the table is. Only
 * what the public pages show goes out: no submitter, contact, author or any other person.
 */
@Service
public class OpenData {

    private final IdeaFigures ideas;
    private final ChallengeFigures challenges;
    private final FundingFigures funding;
    private final InitiativeFigures initiatives;
    private final OpenCatalog catalog;
    private final Adoptions adoptions;
    private final CapacityFigures capacity;

    OpenData(IdeaFigures ideas, ChallengeFigures challenges, FundingFigures funding, InitiativeFigures initiatives,
            OpenCatalog catalog, Adoptions adoptions, CapacityFigures capacity) {
        this.ideas = ideas;
        this.challenges = challenges;
        this.funding = funding;
        this.initiatives = initiatives;
        this.catalog = catalog;
        this.adoptions = adoptions;
        this.capacity = capacity;
    }

    /** How many rows and when the newest changed: the dataset's ETag and Last-Modified. */
    public Freshness freshness(OpenDataset dataset) {
        return switch (dataset) {
            case IDEAS -> ideas.freshness();
            case CHALLENGES -> challenges.freshness();
            case GRANTS -> funding.grantsFreshness();
            case INITIATIVES -> initiatives.freshness();
            case CASES -> catalog.casesFreshness();
            case STORIES -> catalog.storiesFreshness();
            case ADOPTIONS -> adoptions.freshness();
            case CAPACITY -> combined();
        };
    }

    /** The validator of one format of the dataset (its rows and newest change), for {@code ETag}. */
    public static String etag(OpenDataset dataset, Freshness freshness, String format) {
        return "\"" + dataset.slug() + "-" + format + "-" + Long.toHexString(freshness.rows()) + "-"
                + (freshness.latest() == null ? 0 : freshness.latest().toEpochMilli()) + "\"";
    }

    /** The whole dataset. */
    public void write(OpenDataset dataset, RowSink sink) {
        write(dataset, 0, null, sink);
    }

    /**
     * One page of the dataset (keyset paging for the API): the rows whose id is above {@code after}, at most
     * {@code limit} (null: all). The capacity figures are one small page whatever is asked.
     */
    public void write(OpenDataset dataset, long after, Integer limit, RowSink sink) {
        sink.begin();
        switch (dataset) {
            case IDEAS -> ideas.streamPublic(after, limit, i -> sink.row(nullable(i.id(), i.title(), i.problem(), i.proposal(),
                    i.beneficiaries(), i.innovationType(), iso(i.region()), i.status(), iso(i.sectors()),
                    iso(i.submittedAt()), i.initiativeId(), i.supportCount())));
            case CHALLENGES -> challenges.streamPublic(after, limit, c -> sink.row(nullable(c.id(), c.kind(), c.title(),
                    c.question(), c.region(), iso(c.publishedAt()), c.calls(), iso(c.latestDeadline()))));
            case GRANTS -> funding.streamGrants(after, limit, g -> sink.row(nullable(g.id(), g.title(), iso(g.recipient()),
                    BigDecimal.valueOf(g.amountOre(), 2), iso(g.decidedAt()), g.pool(), g.region())));
            case INITIATIVES -> initiatives.streamPublic(after, limit, i -> sink.row(nullable(i.id(), i.title(), i.kind(),
                    i.innovationType(), i.phase(), iso(i.sectors()), iso(i.startedAt()))));
            case CASES -> catalog.streamCases(after, limit, c -> sink.row(nullable(c.id(), c.title(), c.summary(), c.region(),
                    c.evidenceLevel(), iso(c.publishedAt()), c.theory(), c.effect(), c.description(), c.goals(),
                    c.transferability(), c.adoptions())));
            case STORIES -> catalog.streamStories(after, limit, s -> sink.row(nullable(s.id(), s.title(), s.lead(), s.caseId(),
                    iso(s.publishedAt()))));
            case ADOPTIONS -> adoptions.streamPublic(after, limit, a -> sink.row(nullable(a.id(), a.caseId(), iso(a.caseTitle()),
                    a.organisationName(), a.region().name(), a.sector().name(), a.startedOn().toString(),
                    a.status().name(), a.changes())));
            case CAPACITY -> capacityRows().forEach(sink::row);
        }
        sink.end();
    }

    /** The capacity figures for everything, as stable figure names and values (money in kroner). */
    List<List<?>> capacityRows() {
        Capacity c = capacity.of(FigureFilter.ALL);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("ideas_received", c.ideas().received()));
        rows.add(List.of("ideas_became_initiatives", c.ideas().becameInitiative()));
        for (var source : c.ideasBySource()) {
            rows.add(List.of("ideas_from_" + source.source().name().toLowerCase(java.util.Locale.ROOT), source.received()));
        }
        rows.add(List.of("initiatives", c.initiatives().initiatives()));
        rows.add(List.of("initiatives_useful", c.initiatives().useful()));
        rows.add(List.of("initiatives_put_to_use", c.initiatives().putToUse()));
        rows.add(List.of("initiatives_cross_sector", c.initiatives().crossSector()));
        rows.add(List.of("granted_kr", BigDecimal.valueOf(c.money().grantedOre(), 2)));
        rows.add(List.of("released_kr", BigDecimal.valueOf(c.money().releasedOre(), 2)));
        rows.add(List.of("paid_kr", BigDecimal.valueOf(c.money().paidOre(), 2)));
        rows.add(List.of("challenges", c.challenges().challenges()));
        rows.add(List.of("calls", c.challenges().calls()));
        rows.add(List.of("applications_submitted", c.challenges().applications()));
        rows.add(List.of("cases_published", c.publishedCases()));
        rows.add(List.of("adoptions", c.spread().adoptions()));
        rows.add(List.of("cases_adopted", c.spread().casesAdopted()));
        for (StageTime stage : c.ideaStages()) {
            rows.add(List.of("idea_" + stage.stage().toLowerCase() + "_median_days", stage.medianDays()));
            rows.add(List.of("idea_" + stage.stage().toLowerCase() + "_p90_days", stage.p90Days()));
        }
        for (StageTime stage : c.initiativePhases()) {
            rows.add(List.of("initiative_" + stage.stage().toLowerCase() + "_median_days", stage.medianDays()));
            rows.add(List.of("initiative_" + stage.stage().toLowerCase() + "_p90_days", stage.p90Days()));
        }
        return rows;
    }

    private Freshness combined() {
        long rows = 17;
        Instant latest = null;
        for (OpenDataset dataset : OpenDataset.values()) {
            if (dataset == OpenDataset.CAPACITY) {
                continue;
            }
            Freshness f = freshness(dataset);
            rows = rows * 31 + f.rows();
            if (f.latest() != null && (latest == null || f.latest().isAfter(latest))) {
                latest = f.latest();
            }
        }
        return new Freshness(rows, latest);
    }

    /** A value as text (an instant in ISO 8601, UTC), or null: JSON writes null, CSV an empty cell. */
    private static String iso(Object value) {
        return value == null ? null : value.toString();
    }

    /** A row that may hold nulls (List.of refuses them): JSON writes null, CSV an empty cell. */
    private static List<Object> nullable(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        for (Object value : values) {
            row.add(value);
        }
        return row;
    }
}
