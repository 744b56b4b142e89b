package dk.tvaers.initiatives;

import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The initiatives an organisation takes part in, with what the open dataset leaves out (issue 15, ADR 0045): the
 * summary, the owner organisation, the organisation's own part (owner, or its role as a member organisation), the idea
 * it came from and the phase history with its notes. Staff of such an organisation read and contribute to these
 * initiatives on the web pages; the API gives the same rows to the organisation's machine clients. Never a person:
 * no member persons, no names of who moved a phase.
 */
@Service
public class OrganisationInitiatives {

    /** The organisation's part in an initiative: its owner, or the role it has as a member organisation. */
    public enum Part { OWNER, PROJECT_LEAD, PARTICIPANT, CONTACT }

    /** One step of the phase history: from (null for the first), to, when, and the note given with it. */
    public record Step(Phase from, Phase to, Instant changedAt, String note) {}

    public record OwnInitiative(long id, String title, String summary, InitiativeKind kind,
            InnovationType innovationType, Phase phase, Set<Sector> sectors, Instant startedAt,
            String ownerOrganisation, Part part, Long sourceIdeaId, List<Step> phases) {}

    private final JdbcClient jdbc;

    OrganisationInitiatives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The organisation's initiatives with an id above {@code after}, at most {@code limit}, by id (keyset paging): those
     * it owns and those it is a member organisation of. Two queries whatever the page's size: the initiatives, then
     * the phase histories of those on the page.
     */
    @Transactional(readOnly = true)
    public List<OwnInitiative> of(long organisationId, long after, int limit) {
        record Row(long id, String title, String summary, InitiativeKind kind, InnovationType type, Phase phase,
                Set<Sector> sectors, Instant startedAt, String owner, Part part, Long idea) {}
        List<Row> rows = jdbc.sql("""
                SELECT i.id, i.title, i.summary, i.kind, i.innovation_type, i.phase, i.created_at, i.source_idea_id,
                       o.name AS owner_name,
                       CASE WHEN i.owner_organisation_id = :organisation THEN 'OWNER' ELSE m.role END AS part,
                       ARRAY(SELECT s.sector FROM initiative_sector s WHERE s.initiative_id = i.id ORDER BY s.sector)
                           AS sectors
                FROM initiative i
                LEFT JOIN organisation o ON o.id = i.owner_organisation_id
                LEFT JOIN initiative_member m ON m.initiative_id = i.id AND m.organisation_id = :organisation
                WHERE i.id > :after AND (i.owner_organisation_id = :organisation OR m.id IS NOT NULL)
                ORDER BY i.id LIMIT :limit""")
                .param("organisation", organisationId).param("after", after).param("limit", limit)
                .query((rs, n) -> {
                    Set<Sector> sectors = EnumSet.noneOf(Sector.class);
                    Array array = rs.getArray("sectors");
                    for (Object sector : (Object[]) array.getArray()) {
                        sectors.add(Sector.valueOf((String) sector));
                    }
                    return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                            InitiativeKind.valueOf(rs.getString("kind")),
                            InnovationType.valueOf(rs.getString("innovation_type")),
                            Phase.valueOf(rs.getString("phase")), sectors, rs.getTimestamp("created_at").toInstant(),
                            rs.getString("owner_name"), Part.valueOf(rs.getString("part")),
                            (Long) rs.getObject("source_idea_id"));
                }).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Step>> histories = new HashMap<>();
        jdbc.sql("""
                SELECT initiative_id, from_phase, to_phase, changed_at, note FROM initiative_phase_change
                WHERE initiative_id IN (:ids) ORDER BY initiative_id, changed_at, id""")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> histories
                        .computeIfAbsent(rs.getLong("initiative_id"), id -> new ArrayList<>())
                        .add(new Step(rs.getString("from_phase") == null ? null : Phase.valueOf(rs.getString("from_phase")),
                                Phase.valueOf(rs.getString("to_phase")), rs.getTimestamp("changed_at").toInstant(),
                                rs.getString("note"))));
        return rows.stream().map(r -> new OwnInitiative(r.id(), r.title(), r.summary(), r.kind(), r.type(), r.phase(),
                r.sectors(), r.startedAt(), r.owner(), r.part(), r.idea(), histories.getOrDefault(r.id(), List.of())))
                .toList();
    }
}
