package dk.tvaers.catalog;

import dk.tvaers.accounts.Actor;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.Freshness;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spread (issue 15): organisations record that they have taken up a published catalogue case. Rights on rows: an
 * adoption belongs to its organisation, and only that organisation's people change it ({@link #update} refuses
 * anyone else as not found). The case page lists a case's adoptions and maps them by region; the capacity figures
 * count them; the open data lists them without the contact.
 */
@Service
public class Adoptions {

    private static final String SELECT = """
            SELECT a.*, o.name AS organisation_name, o.region AS organisation_region, o.sector AS organisation_sector,
                   v.title AS case_title
            FROM catalog_adoption a
            JOIN organisation o ON o.id = a.organisation_id
            JOIN catalog_case c ON c.id = a.case_id
            LEFT JOIN catalog_case_version v ON v.id = c.published_version_id
            """;

    private final JdbcClient jdbc;

    Adoptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the organisation took up the published case; the case must be published, once per organisation. */
    @Transactional
    public long record(long caseId, long organisationId, NewAdoption adoption, Actor actor) {
        boolean published = jdbc.sql("SELECT count(*) FROM catalog_case WHERE id = :id AND published_version_id IS NOT NULL")
                .param("id", caseId).query(Long.class).single() > 0;
        if (!published) {
            throw new NotFoundException("case", caseId);
        }
        Optional<Long> existing = jdbc.sql("SELECT id FROM catalog_adoption WHERE case_id = :c AND organisation_id = :o")
                .param("c", caseId).param("o", organisationId).query(Long.class).optional();
        if (existing.isPresent()) {
            update(existing.get(), organisationId, adoption);
            return existing.get();
        }
        return jdbc.sql("""
                INSERT INTO catalog_adoption (case_id, organisation_id, started_on, changes, contact, status,
                    recorded_by_name) VALUES (:c, :o, :started, :changes, :contact, :status, :by) RETURNING id""")
                .param("c", caseId).param("o", organisationId).param("started", adoption.startedOn())
                .param("changes", strip(adoption.changes())).param("contact", strip(adoption.contact()))
                .param("status", adoption.status().name()).param("by", actor.name())
                .query(Long.class).single();
    }

    /** Changes the adoption, only for its own organisation's people: anyone else finds nothing. */
    @Transactional
    public void update(long adoptionId, long organisationId, NewAdoption adoption) {
        int updated = jdbc.sql("""
                UPDATE catalog_adoption SET started_on = :started, changes = :changes, contact = :contact,
                    status = :status, updated_at = now()
                WHERE id = :id AND organisation_id = :o""")
                .param("started", adoption.startedOn()).param("changes", strip(adoption.changes()))
                .param("contact", strip(adoption.contact())).param("status", adoption.status().name())
                .param("id", adoptionId).param("o", organisationId).update();
        if (updated == 0) {
            throw new NotFoundException("adoption", adoptionId);
        }
    }

    /** The adoption when it belongs to the organisation; empty for anyone else. */
    @Transactional(readOnly = true)
    public Optional<Adoption> findOwned(long adoptionId, Long organisationId) {
        if (organisationId == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE a.id = :id AND a.organisation_id = :o").param("id", adoptionId)
                .param("o", organisationId).query(Adoptions::map).optional();
    }

    /** The organisation's adoption of the case, if it recorded one. */
    @Transactional(readOnly = true)
    public Optional<Adoption> ofOrganisation(long caseId, long organisationId) {
        return jdbc.sql(SELECT + " WHERE a.case_id = :c AND a.organisation_id = :o").param("c", caseId)
                .param("o", organisationId).query(Adoptions::map).optional();
    }

    /** Where the case has been taken up: running first, then planned, then stopped; by region and name. */
    @Transactional(readOnly = true)
    public List<Adoption> ofCase(long caseId) {
        return jdbc.sql(SELECT + """
                 WHERE a.case_id = :c
                ORDER BY CASE a.status WHEN 'RUNNING' THEN 0 WHEN 'PLANNED' THEN 1 ELSE 2 END, o.region, o.name""")
                .param("c", caseId).query(Adoptions::map).list();
    }

    /** How many organisations run (or plan) the case, per region: the map's shades. Stopped ones do not count. */
    public static Map<Region, Integer> byRegion(List<Adoption> adoptions) {
        Map<Region, Integer> counts = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            counts.put(region, 0);
        }
        adoptions.stream().filter(a -> a.status() != AdoptionStatus.STOPPED)
                .forEach(a -> counts.merge(a.region(), 1, Integer::sum));
        return counts;
    }

    // --- figures and open data ---

    /** Spread in figures: adoptions and the distinct cases taken up, by the organisations' region and sector. */
    public record Spread(long adoptions, long running, long casesAdopted) {}

    @Transactional(readOnly = true)
    public Spread spread(FigureFilter filter) {
        return jdbc.sql("""
                SELECT count(*) AS adoptions, count(*) FILTER (WHERE a.status = 'RUNNING') AS running,
                       count(DISTINCT a.case_id) AS cases
                FROM catalog_adoption a JOIN organisation o ON o.id = a.organisation_id
                WHERE (CAST(:region AS text) IS NULL OR o.region = :region)
                  AND (CAST(:sector AS text) IS NULL OR o.sector = :sector)
                  AND (CAST(:from AS date) IS NULL OR a.started_on >= :from)
                  AND (CAST(:until AS date) IS NULL OR a.started_on < :until)""")
                .param("region", filter.region() == null ? null : filter.region().name())
                .param("sector", filter.sector() == null ? null : filter.sector().name())
                .param("from", filter.fromDate()).param("until", filter.untilDate())
                .query((rs, n) -> new Spread(rs.getLong("adoptions"), rs.getLong("running"), rs.getLong("cases")))
                .single();
    }

    /** Cases published in the filter's period and region (the published version's region). */
    @Transactional(readOnly = true)
    public long publishedCases(FigureFilter filter) {
        return jdbc.sql("""
                SELECT count(*) FROM catalog_case c JOIN catalog_case_version v ON v.id = c.published_version_id
                WHERE (CAST(:region AS text) IS NULL OR v.region = :region)
                  AND (CAST(:sector AS text) IS NULL OR :sector = ANY (v.sectors))
                  AND (CAST(:from AS timestamptz) IS NULL OR c.published_at >= :from)
                  AND (CAST(:until AS timestamptz) IS NULL OR c.published_at < :until)""")
                .param("region", filter.region() == null ? null : filter.region().name())
                .param("sector", filter.sector() == null ? null : filter.sector().name())
                .param("from", filter.from()).param("until", filter.until())
                .query(Long.class).single();
    }

    /** Every adoption of a published case, oldest first, one at a time (the open dataset; never all in memory). */
    @Transactional(readOnly = true)
    public void streamPublic(Consumer<Adoption> each) {
        streamPublic(0, null, each);
    }

    /** One page of the same rows: those with an id above {@code after}, at most {@code limit} (null: all). */
    @Transactional(readOnly = true)
    public void streamPublic(long after, Integer limit, Consumer<Adoption> each) {
        jdbc.sql(SELECT + " WHERE a.id > :after AND c.published_version_id IS NOT NULL ORDER BY a.id LIMIT CAST(:limit AS bigint)")
                .param("after", after).param("limit", limit)
                .withFetchSize(500)
                .query(rs -> {
                    each.accept(map(rs, 0));
                });
    }

    /** The count and newest change of the public adoptions: the open dataset's validator. */
    @Transactional(readOnly = true)
    public Freshness freshness() {
        return jdbc.sql("""
                SELECT count(*) AS n, max(a.updated_at) AS latest FROM catalog_adoption a
                JOIN catalog_case c ON c.id = a.case_id WHERE c.published_version_id IS NOT NULL""")
                .query((rs, n) -> new Freshness(rs.getLong("n"),
                        rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant()))
                .single();
    }

    static Adoption map(ResultSet rs, int row) throws SQLException {
        return new Adoption(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_title"),
                rs.getLong("organisation_id"), rs.getString("organisation_name"),
                Region.valueOf(rs.getString("organisation_region")), Sector.valueOf(rs.getString("organisation_sector")),
                rs.getObject("started_on", java.time.LocalDate.class), rs.getString("changes"), rs.getString("contact"),
                AdoptionStatus.valueOf(rs.getString("status")), rs.getTimestamp("updated_at").toInstant());
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
