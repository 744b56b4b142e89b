package dk.tvaers.accounts;

import dk.tvaers.platform.database.SqlText;
import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisations known to Tværs: the accounts module's public API for them. */
@Service
public class OrganisationDirectory {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OrganisationDirectory(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT * FROM organisation WHERE id = :id").param("id", id)
                .query(OrganisationDirectory::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> findByName(String name) {
        return jdbc.sql("SELECT * FROM organisation WHERE lower(name) = lower(:name)").param("name", name.strip())
                .query(OrganisationDirectory::map).optional();
    }

    /** Active organisations by name, for choosing one in a form. */
    @Transactional(readOnly = true)
    public List<Organisation> allActive() {
        return jdbc.sql("SELECT * FROM organisation WHERE active ORDER BY name").query(OrganisationDirectory::map).list();
    }

    /** Filters of the administrator's list; every field may be empty. */
    public record Filter(String text, Sector sector, Region region, Boolean active) {}

    @Transactional(readOnly = true)
    public PageOf<Organisation> search(Filter filter, int page, int size) {
        return new FilteredQuery()
                .contains("(lower(name) LIKE :text OR cvr = :exact)", "text", filter.text())
                .param("exact", filter.text() == null ? "" : filter.text().strip())
                .filter("sector = :sector", "sector", filter.sector())
                .filter("region = :region", "region", filter.region())
                .filter("active = :active", "active", filter.active())
                .orderBy("name, id")
                .page(jdbc, "SELECT count(*) FROM organisation", "SELECT * FROM organisation",
                        OrganisationDirectory::map, page, size);
    }

    @Transactional
    public Organisation create(OrganisationDetails details, Actor actor) {
        try {
            long id = jdbc.sql("""
                    INSERT INTO organisation (name, sector, region, cvr) VALUES (:name, :sector, :region, :cvr)
                    RETURNING id""")
                    .param("name", details.name().strip())
                    .param("sector", details.sector().name())
                    .param("region", details.region().name())
                    .param("cvr", SqlText.blankToNull(details.cvr()))
                    .query(Long.class).single();
            audit.record(AuditKind.ORGANISATION_CREATED, actor.id(), actor.name(), details.name().strip(),
                    details.sector() + ", " + details.region());
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNameException("name");
        }
    }

    @Transactional
    public Organisation update(long id, OrganisationDetails details, Actor actor) {
        Organisation before = find(id).orElseThrow(() -> new NotFoundException("organisation", id));
        try {
            jdbc.sql("""
                    UPDATE organisation SET name = :name, sector = :sector, region = :region, cvr = :cvr,
                        version = version + 1
                    WHERE id = :id""")
                    .param("id", id)
                    .param("name", details.name().strip())
                    .param("sector", details.sector().name())
                    .param("region", details.region().name())
                    .param("cvr", SqlText.blankToNull(details.cvr()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNameException("name");
        }
        Organisation after = find(id).orElseThrow();
        audit.record(AuditKind.ORGANISATION_UPDATED, actor.id(), actor.name(), after.name(),
                describeChange(before, after));
        return after;
    }

    @Transactional
    public void setActive(long id, boolean active, Actor actor) {
        Organisation organisation = find(id).orElseThrow(() -> new NotFoundException("organisation", id));
        if (organisation.active() == active) {
            return;
        }
        jdbc.sql("UPDATE organisation SET active = :active, version = version + 1 WHERE id = :id")
                .param("active", active).param("id", id).update();
        audit.record(active ? AuditKind.ORGANISATION_REACTIVATED : AuditKind.ORGANISATION_DEACTIVATED,
                actor.id(), actor.name(), organisation.name(), null);
    }

    private static String describeChange(Organisation before, Organisation after) {
        var changes = new ArrayList<String>();
        if (!before.name().equals(after.name())) {
            changes.add("navn: " + before.name() + " → " + after.name());
        }
        if (before.sector() != after.sector()) {
            changes.add("sektor: " + before.sector() + " → " + after.sector());
        }
        if (before.region() != after.region()) {
            changes.add("region: " + before.region() + " → " + after.region());
        }
        if (!String.valueOf(before.cvr()).equals(String.valueOf(after.cvr()))) {
            changes.add("cvr: " + before.cvr() + " → " + after.cvr());
        }
        return String.join("; ", changes);
    }


    static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(
                rs.getLong("id"),
                rs.getString("name"),
                Sector.valueOf(rs.getString("sector")),
                Region.valueOf(rs.getString("region")),
                rs.getString("cvr"),
                rs.getBoolean("active"));
    }
}
