package dk.tvaers.initiatives;

import dk.tvaers.platform.database.SqlText;
import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.accounts.Actor;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The initiatives module's public API: start initiatives, find them, move their phase. */
@Service
public class Initiatives {

    private static final String SELECT = """
            SELECT i.*, o.name AS owner_name,
                   ARRAY(SELECT sector FROM initiative_sector s WHERE s.initiative_id = i.id ORDER BY sector) AS sectors
            FROM initiative i LEFT JOIN organisation o ON o.id = i.owner_organisation_id""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Initiatives(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Starts an initiative in phase Nyt; an idea becomes at most one initiative (the same one on a second call). */
    @Transactional
    public long start(NewInitiative initiative, Actor actor) {
        if (initiative.sourceIdeaId() != null) {
            Optional<Long> existing = jdbc.sql("SELECT id FROM initiative WHERE source_idea_id = :idea")
                    .param("idea", initiative.sourceIdeaId()).query(Long.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        long id = jdbc.sql("""
                INSERT INTO initiative (title, summary, kind, innovation_type, owner_organisation_id, source_idea_id)
                VALUES (:title, :summary, :kind, :type, :owner, :idea) RETURNING id""")
                .param("title", initiative.title().strip())
                .param("summary", initiative.summary() == null ? "" : initiative.summary().strip())
                .param("kind", initiative.kind().name())
                .param("type", initiative.innovationType().name())
                .param("owner", initiative.ownerOrganisationId())
                .param("idea", initiative.sourceIdeaId())
                .query(Long.class).single();
        for (Sector sector : initiative.sectors()) {
            jdbc.sql("INSERT INTO initiative_sector (initiative_id, sector) VALUES (:id, :sector)")
                    .param("id", id).param("sector", sector.name()).update();
        }
        recordPhase(id, null, Phase.NEW, null, actor);
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Initiative> find(long id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id").param("id", id).query(Initiatives::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Initiative> findBySourceIdea(long ideaId) {
        return jdbc.sql(SELECT + " WHERE i.source_idea_id = :idea").param("idea", ideaId)
                .query(Initiatives::map).optional();
    }

    /** Filters of the list; every field may be empty. */
    public record Filter(String text, Phase phase, InitiativeKind kind, Sector sector) {}

    @Transactional(readOnly = true)
    public PageOf<Initiative> search(Filter filter, int page, int size) {
        return new FilteredQuery()
                .contains("(lower(i.title) LIKE :text OR lower(i.summary) LIKE :text)", "text", filter.text())
                .filter("i.phase = :phase", "phase", filter.phase())
                .filter("i.kind = :kind", "kind", filter.kind())
                .filter("EXISTS (SELECT 1 FROM initiative_sector s WHERE s.initiative_id = i.id AND s.sector = :sector)",
                        "sector", filter.sector())
                .orderBy("i.created_at DESC, i.id DESC")
                .page(jdbc, "SELECT count(*) FROM initiative i", SELECT, Initiatives::map, page, size);
    }

    /** Moves the initiative to another phase, with a note, and keeps the step in its history. */
    @Transactional
    public void movePhase(long id, Phase to, String note, Actor actor) {
        Initiative initiative = find(id).orElseThrow(() -> new NotFoundException("initiative", id));
        if (initiative.phase() == to) {
            throw new IllegalArgumentException("already in phase " + to);
        }
        jdbc.sql("UPDATE initiative SET phase = :phase, version = version + 1 WHERE id = :id")
                .param("phase", to.name()).param("id", id).update();
        long change = recordPhase(id, initiative.phase(), to, note, actor);
        events.publishEvent(new InitiativePhaseChanged(id, initiative.phase(), to, change));
    }

    @Transactional(readOnly = true)
    public List<PhaseChange> history(long id) {
        return jdbc.sql("""
                SELECT from_phase, to_phase, note, by_name, changed_at FROM initiative_phase_change
                WHERE initiative_id = :id ORDER BY changed_at, id""")
                .param("id", id)
                .query((rs, n) -> new PhaseChange(
                        rs.getString("from_phase") == null ? null : Phase.valueOf(rs.getString("from_phase")),
                        Phase.valueOf(rs.getString("to_phase")),
                        rs.getString("note"),
                        rs.getString("by_name"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private long recordPhase(long id, Phase from, Phase to, String note, Actor actor) {
        return jdbc.sql("""
                INSERT INTO initiative_phase_change (initiative_id, from_phase, to_phase, note, by_user_id, by_name)
                VALUES (:id, :from, :to, :note, :by, :name) RETURNING id""")
                .param("id", id)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("note", SqlText.blankToNull(note))
                .param("by", actor.id())
                .param("name", actor.name())
                .query(Long.class).single();
    }

    static Initiative map(ResultSet rs, int row) throws SQLException {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        Array array = rs.getArray("sectors");
        for (Object sector : (Object[]) array.getArray()) {
            sectors.add(Sector.valueOf((String) sector));
        }
        return new Initiative(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("summary"),
                InitiativeKind.valueOf(rs.getString("kind")),
                InnovationType.valueOf(rs.getString("innovation_type")),
                Phase.valueOf(rs.getString("phase")),
                (Long) rs.getObject("owner_organisation_id"),
                rs.getString("owner_name"),
                sectors,
                (Long) rs.getObject("source_idea_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}
