package dk.tvaers.applications;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consortia: a lead organisation and members, contact people, and innovation consultants assigned to help. The
 * people of a consortium are its contacts, the users of its member organisations and its consultants; only they
 * see its drafts.
 */
@Service
public class Consortia {

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final AuditLog audit;

    Consortia(JdbcClient jdbc, UserDirectory users, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Creates a consortium led by its creator's organisation (a member too), with its creator as the first contact.
     * When another organisation is asked to lead, the request waits for one of its people to confirm it
     * ({@link #confirmLead}); until then the creator's organisation leads (ADR 0017).
     *
     * @throws ApplicationRuleException when the creator belongs to no organisation
     */
    @Transactional
    public long create(String name, long leadOrganisationId, long creatorUserId, Actor actor) {
        Long own = users.find(creatorUserId).map(UserAccount::organisationId).orElse(null);
        if (own == null) {
            throw new ApplicationRuleException("leadOrganisationId", "consortium.error.noOwnOrganisation");
        }
        long id = jdbc.sql("""
                INSERT INTO consortium (name, lead_organisation_id, created_by_name) VALUES (:name, :lead, :by)
                RETURNING id""")
                .param("name", name.strip()).param("lead", own).param("by", actor.name())
                .query(Long.class).single();
        addMember(id, own);
        addContact(id, creatorUserId);
        if (leadOrganisationId != own) {
            jdbc.sql("""
                    INSERT INTO consortium_lead_request (consortium_id, organisation_id, requested_by_user_id,
                        requested_by_name)
                    VALUES (:id, :org, :user, :name)""")
                    .param("id", id).param("org", leadOrganisationId).param("user", creatorUserId)
                    .param("name", actor.name()).update();
            audit.record(AuditKind.CONSORTIUM_LEAD_REQUESTED, actor.id(), actor.name(), "consortium " + id,
                    "organisation " + leadOrganisationId);
        }
        return id;
    }

    /** A request that an organisation leads a consortium, waiting for one of its people. */
    public record LeadRequest(long consortiumId, String consortiumName, long organisationId, String organisationName,
            String requestedByName, java.time.Instant requestedAt) {}

    /** The waiting request of a consortium, if any. */
    @Transactional(readOnly = true)
    public Optional<LeadRequest> leadRequest(long consortiumId) {
        return jdbc.sql(LEAD_REQUESTS + " WHERE r.consortium_id = :id").param("id", consortiumId)
                .query(Consortia::mapLeadRequest).optional();
    }

    /** The requests waiting for the user's organisation (to confirm or decline), oldest first. */
    @Transactional(readOnly = true)
    public List<LeadRequest> leadRequestsFor(long userId) {
        Long organisationId = users.find(userId).map(UserAccount::organisationId).orElse(null);
        return jdbc.sql(LEAD_REQUESTS + " WHERE r.organisation_id = :org ORDER BY r.requested_at, r.consortium_id")
                .param("org", organisationId).query(Consortia::mapLeadRequest).list();
    }

    /** Whether the user may answer the consortium's lead request: staff or a consultant of the asked organisation. */
    @Transactional(readOnly = true)
    public boolean mayAnswerLeadRequest(long consortiumId, long userId) {
        Optional<UserAccount> user = users.find(userId).filter(UserAccount::active);
        if (user.isEmpty() || user.get().organisationId() == null || !(user.get().roles().contains(Role.STAFF)
                || user.get().roles().contains(Role.INNOVATION_CONSULTANT))) {
            return false;
        }
        return leadRequest(consortiumId).map(r -> r.organisationId() == user.get().organisationId()).orElse(false);
    }

    /** One of the asked organisation's people confirms: it leads the consortium (and is a member). */
    @Transactional
    public void confirmLead(long consortiumId, long userId, Actor actor) {
        LeadRequest request = answerable(consortiumId, userId);
        jdbc.sql("UPDATE consortium SET lead_organisation_id = :org WHERE id = :id")
                .param("org", request.organisationId()).param("id", consortiumId).update();
        addMember(consortiumId, request.organisationId());
        jdbc.sql("DELETE FROM consortium_lead_request WHERE consortium_id = :id").param("id", consortiumId).update();
        audit.record(AuditKind.CONSORTIUM_LEAD_CONFIRMED, actor.id(), actor.name(), "consortium " + consortiumId,
                "organisation " + request.organisationId());
    }

    /** One of the asked organisation's people declines: the creator's organisation goes on leading. */
    @Transactional
    public void declineLead(long consortiumId, long userId, Actor actor) {
        LeadRequest request = answerable(consortiumId, userId);
        jdbc.sql("DELETE FROM consortium_lead_request WHERE consortium_id = :id").param("id", consortiumId).update();
        audit.record(AuditKind.CONSORTIUM_LEAD_DECLINED, actor.id(), actor.name(), "consortium " + consortiumId,
                "organisation " + request.organisationId());
    }

    private LeadRequest answerable(long consortiumId, long userId) {
        if (!mayAnswerLeadRequest(consortiumId, userId)) {
            throw new NotFoundException("lead request", consortiumId);
        }
        return jdbc.sql(LEAD_REQUESTS + " WHERE r.consortium_id = :id FOR UPDATE OF r").param("id", consortiumId)
                .query(Consortia::mapLeadRequest).optional()
                .orElseThrow(() -> new NotFoundException("lead request", consortiumId));
    }

    private static final String LEAD_REQUESTS = """
            SELECT r.*, c.name AS consortium_name, o.name AS organisation_name FROM consortium_lead_request r
            JOIN consortium c ON c.id = r.consortium_id JOIN organisation o ON o.id = r.organisation_id""";

    private static LeadRequest mapLeadRequest(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LeadRequest(rs.getLong("consortium_id"), rs.getString("consortium_name"),
                rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("requested_by_name"),
                rs.getTimestamp("requested_at").toInstant());
    }

    @Transactional
    public void addMember(long consortiumId, long organisationId) {
        find(consortiumId);
        jdbc.sql("""
                INSERT INTO consortium_member (consortium_id, organisation_id) VALUES (:id, :org)
                ON CONFLICT DO NOTHING""")
                .param("id", consortiumId).param("org", organisationId).update();
    }

    /** Removes a member; the lead organisation stays. */
    @Transactional
    public void removeMember(long consortiumId, long organisationId) {
        if (find(consortiumId).leadOrganisationId() == organisationId) {
            throw new ApplicationRuleException("organisationId", "consortium.error.leadStays");
        }
        jdbc.sql("DELETE FROM consortium_member WHERE consortium_id = :id AND organisation_id = :org")
                .param("id", consortiumId).param("org", organisationId).update();
    }

    /** Adds a contact person by the e-mail address or username they log in with. */
    @Transactional
    public void addContact(long consortiumId, String login) {
        UserAccount user = users.findByLogin(login).filter(UserAccount::active)
                .orElseThrow(() -> new ApplicationRuleException("login", "consortium.error.noSuchUser"));
        addContact(consortiumId, user.id());
    }

    private void addContact(long consortiumId, long userId) {
        jdbc.sql("INSERT INTO consortium_contact (consortium_id, user_id) VALUES (:id, :user) ON CONFLICT DO NOTHING")
                .param("id", consortiumId).param("user", userId).update();
    }

    /** Assigns an innovation consultant (found by login), who then sees the consortium's drafts. */
    @Transactional
    public void assignConsultant(long consortiumId, String login) {
        find(consortiumId);
        UserAccount user = users.findByLogin(login).filter(UserAccount::active)
                .orElseThrow(() -> new ApplicationRuleException("login", "consortium.error.noSuchUser"));
        if (!user.roles().contains(Role.INNOVATION_CONSULTANT)) {
            throw new ApplicationRuleException("login", "consortium.error.notConsultant", user.displayName());
        }
        jdbc.sql("""
                INSERT INTO consortium_consultant (consortium_id, user_id) VALUES (:id, :user)
                ON CONFLICT DO NOTHING""")
                .param("id", consortiumId).param("user", user.id()).update();
    }

    @Transactional(readOnly = true)
    public Consortium find(long id) {
        record Row(long id, String name, long lead, String leadName, java.time.Instant createdAt) {}
        Row row = jdbc.sql("""
                SELECT c.id, c.name, c.lead_organisation_id, o.name AS lead_name, c.created_at
                FROM consortium c JOIN organisation o ON o.id = c.lead_organisation_id WHERE c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getLong("lead_organisation_id"),
                        rs.getString("lead_name"), rs.getTimestamp("created_at").toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("consortium", id));
        List<Consortium.Member> members = jdbc.sql("""
                SELECT o.id, o.name, o.sector FROM consortium_member m JOIN organisation o ON o.id = m.organisation_id
                WHERE m.consortium_id = :id ORDER BY (o.id = :lead) DESC, o.name""")
                .param("id", id).param("lead", row.lead())
                .query((rs, n) -> new Consortium.Member(rs.getLong("id"), rs.getString("name"),
                        Sector.valueOf(rs.getString("sector"))))
                .list();
        return new Consortium(row.id(), row.name(), row.lead(), row.leadName(), members, people("consortium_contact", id),
                people("consortium_consultant", id), row.createdAt());
    }

    private List<Consortium.Person> people(String table, long id) {
        return jdbc.sql("SELECT user_id FROM " + table + " WHERE consortium_id = :id").param("id", id)
                .query(Long.class).list().stream()
                .flatMap(userId -> users.find(userId).stream())
                .map(u -> new Consortium.Person(u.id(), u.displayName(), u.email(), u.organisationName()))
                .sorted(java.util.Comparator.comparing(Consortium.Person::name))
                .toList();
    }

    /**
     * Whether the user belongs to the consortium: a contact, someone from a member organisation, or an assigned
     * consultant. Only they see its drafts.
     */
    @Transactional(readOnly = true)
    public boolean isInside(long consortiumId, long userId) {
        Long organisationId = users.find(userId).map(UserAccount::organisationId).orElse(null);
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM consortium_contact WHERE consortium_id = :id AND user_id = :user)
                    OR EXISTS (SELECT 1 FROM consortium_consultant WHERE consortium_id = :id AND user_id = :user)
                    OR EXISTS (SELECT 1 FROM consortium_member WHERE consortium_id = :id AND organisation_id = :org)""")
                .param("id", consortiumId).param("user", userId).param("org", organisationId)
                .query(Boolean.class).single();
    }

    /** Whether the user may change the consortium and write its applications: a contact or from a member. */
    @Transactional(readOnly = true)
    public boolean mayEdit(long consortiumId, long userId) {
        Long organisationId = users.find(userId).map(UserAccount::organisationId).orElse(null);
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM consortium_contact WHERE consortium_id = :id AND user_id = :user)
                    OR EXISTS (SELECT 1 FROM consortium_member WHERE consortium_id = :id AND organisation_id = :org)""")
                .param("id", consortiumId).param("user", userId).param("org", organisationId)
                .query(Boolean.class).single();
    }

    /** A consortium's short description for lists. */
    public record Listing(long id, String name, String leadName, int members, int applications) {}

    /** The consortia the user is inside of ({@code userId} null: all, for the Task Force), by name. */
    @Transactional(readOnly = true)
    public PageOf<Listing> search(Long userId, String text, int page, int size) {
        var query = new FilteredQuery();
        if (userId != null) {
            query.condition("""
                    (EXISTS (SELECT 1 FROM consortium_contact p WHERE p.consortium_id = c.id AND p.user_id = :user)
                      OR EXISTS (SELECT 1 FROM consortium_consultant p WHERE p.consortium_id = c.id AND p.user_id = :user)
                      OR EXISTS (SELECT 1 FROM consortium_member m WHERE m.consortium_id = c.id
                                 AND m.organisation_id = :org))""")
                    .param("user", userId)
                    .param("org", users.find(userId).map(UserAccount::organisationId).orElse(null));
        }
        return query.contains("lower(c.name) LIKE :text", "text", text)
                .orderBy("c.created_at DESC, c.id DESC")
                .page(jdbc, "SELECT count(*) FROM consortium c", """
                        SELECT c.id, c.name, o.name AS lead_name,
                               (SELECT count(*) FROM consortium_member m WHERE m.consortium_id = c.id) AS members,
                               (SELECT count(*) FROM application a WHERE a.consortium_id = c.id) AS applications
                        FROM consortium c JOIN organisation o ON o.id = c.lead_organisation_id""",
                        (rs, n) -> new Listing(rs.getLong("id"), rs.getString("name"), rs.getString("lead_name"),
                                rs.getInt("members"), rs.getInt("applications")), page, size);
    }
}
