package dk.tvaers.initiatives;

import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of initiatives. Members are added and removed by the staff of the initiative's owner organisation,
 * by innovation consultants and by the Task Force ({@link #mayManage}); documents may in addition be uploaded by
 * the members themselves ({@link #mayContribute}). A member organisation's sector joins the initiative's sectors:
 * an initiative is cross-sector because organisations of several sectors take part in it. Removing a member
 * leaves the sectors as they are (they were also declared when the initiative started).
 */
@Service
public class InitiativeMembers {

    private final JdbcClient jdbc;
    private final Initiatives initiatives;

    InitiativeMembers(JdbcClient jdbc, Initiatives initiatives) {
        this.jdbc = jdbc;
        this.initiatives = initiatives;
    }

    /** Whether the editor may add and remove the initiative's members. */
    public boolean mayManage(Initiative initiative, Editor editor) {
        if (editor == null) {
            return false;
        }
        if (editor.consultantOrTaskForce()) {
            return true;
        }
        return editor.roles().contains(Role.STAFF) && editor.organisationId() != null
                && editor.organisationId().equals(initiative.ownerOrganisationId());
    }

    /** Whether the editor may upload documents: who may manage members, and the members (staff of one, or a person). */
    @Transactional(readOnly = true)
    public boolean mayContribute(Initiative initiative, Editor editor) {
        if (mayManage(initiative, editor)) {
            return true;
        }
        if (editor == null) {
            return false;
        }
        return of(initiative.id()).stream().anyMatch(m -> (m.userId() != null && m.userId() == editor.userId())
                || (m.organisationId() != null && editor.roles().contains(Role.STAFF)
                        && m.organisationId().equals(editor.organisationId())));
    }

    /**
     * Adds an organisation as a member; its sector joins the initiative's sectors.
     *
     * @throws AccessDeniedException when the editor may not manage the initiative's members
     * @throws IllegalStateException when the organisation is a member already
     */
    @Transactional
    public long addOrganisation(long initiativeId, long organisationId, MemberRole role, Editor editor) {
        Initiative initiative = checkManager(initiativeId, editor);
        String sector = jdbc.sql("SELECT sector FROM organisation WHERE id = :id").param("id", organisationId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("organisation", organisationId));
        if (of(initiativeId).stream().anyMatch(m -> m.organisationId() != null && m.organisationId() == organisationId)) {
            throw new IllegalStateException("already a member");
        }
        long id = insert(initiative.id(), organisationId, null, role, editor);
        jdbc.sql("""
                INSERT INTO initiative_sector (initiative_id, sector) VALUES (:id, :sector) ON CONFLICT DO NOTHING""")
                .param("id", initiativeId).param("sector", sector).update();
        return id;
    }

    /**
     * Adds a person (a user of Tværs) as a member.
     *
     * @throws AccessDeniedException when the editor may not manage the initiative's members
     * @throws IllegalStateException when the person is a member already
     */
    @Transactional
    public long addPerson(long initiativeId, long userId, MemberRole role, Editor editor) {
        Initiative initiative = checkManager(initiativeId, editor);
        if (of(initiativeId).stream().anyMatch(m -> m.userId() != null && m.userId() == userId)) {
            throw new IllegalStateException("already a member");
        }
        return insert(initiative.id(), null, userId, role, editor);
    }

    /** Removes a member. @throws AccessDeniedException when the editor may not manage the initiative's members */
    @Transactional
    public void remove(long initiativeId, long memberId, Editor editor) {
        checkManager(initiativeId, editor);
        int removed = jdbc.sql("DELETE FROM initiative_member WHERE id = :id AND initiative_id = :initiative")
                .param("id", memberId).param("initiative", initiativeId).update();
        if (removed == 0) {
            throw new NotFoundException("member", memberId);
        }
    }

    /** The initiative's members: organisations first, then people, each by name. */
    @Transactional(readOnly = true)
    public List<Member> of(long initiativeId) {
        return jdbc.sql("""
                SELECT m.*, COALESCE(o.name, u.display_name) AS name FROM initiative_member m
                LEFT JOIN organisation o ON o.id = m.organisation_id
                LEFT JOIN user_account u ON u.id = m.user_id
                WHERE m.initiative_id = :id
                ORDER BY (m.organisation_id IS NULL), lower(COALESCE(o.name, u.display_name)), m.id""")
                .param("id", initiativeId)
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getLong("initiative_id"),
                        (Long) rs.getObject("organisation_id"), (Long) rs.getObject("user_id"), rs.getString("name"),
                        MemberRole.valueOf(rs.getString("role")), rs.getString("added_by_name"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /**
     * Whether a person takes part in the initiative: a member in person, or working at a member organisation or the
     * owner organisation (registrations: who may define the initiative's registration schemes).
     */
    @Transactional(readOnly = true)
    public boolean involves(long initiativeId, long userId, Long organisationId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM initiative i WHERE i.id = :id AND (i.owner_organisation_id = :org
                    OR EXISTS (SELECT 1 FROM initiative_member m WHERE m.initiative_id = i.id
                               AND (m.user_id = :user OR m.organisation_id = :org))))""")
                .param("id", initiativeId).param("user", userId).param("org", organisationId)
                .query(Boolean.class).single();
    }

    /** The initiatives a person takes part in ({@link #involves}), by title. */
    @Transactional(readOnly = true)
    public List<Initiative> involving(long userId, Long organisationId) {
        return jdbc.sql("""
                SELECT i.id FROM initiative i WHERE i.owner_organisation_id = :org
                   OR EXISTS (SELECT 1 FROM initiative_member m WHERE m.initiative_id = i.id
                              AND (m.user_id = :user OR m.organisation_id = :org))
                ORDER BY lower(i.title), i.id""")
                .param("user", userId).param("org", organisationId).query(Long.class).list().stream()
                .map(initiatives::find).flatMap(java.util.Optional::stream).toList();
    }

    private long insert(long initiativeId, Long organisationId, Long userId, MemberRole role, Editor editor) {
        return jdbc.sql("""
                INSERT INTO initiative_member (initiative_id, organisation_id, user_id, role, added_by_name)
                VALUES (:initiative, :organisation, :user, :role, :by) RETURNING id""")
                .param("initiative", initiativeId).param("organisation", organisationId).param("user", userId)
                .param("role", role.name()).param("by", editor.name())
                .query(Long.class).single();
    }

    private Initiative checkManager(long initiativeId, Editor editor) {
        Initiative initiative = initiatives.find(initiativeId)
                .orElseThrow(() -> new NotFoundException("initiative", initiativeId));
        if (!mayManage(initiative, editor)) {
            throw new AccessDeniedException("may not manage the members of initiative " + initiativeId);
        }
        return initiative;
    }
}
