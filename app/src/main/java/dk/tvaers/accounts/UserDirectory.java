package dk.tvaers.accounts;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users of Tværs: the accounts module's public API for them, and the rules of locking out. */
@Service
public class UserDirectory {

    /** Failed logins in a row before the account is locked. */
    static final int MAX_FAILED_LOGINS = 5;

    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private static final String SELECT = """
            SELECT u.*, o.name AS organisation_name,
                   ARRAY(SELECT role FROM user_role r WHERE r.user_account = u.id ORDER BY role) AS roles
            FROM user_account u LEFT JOIN organisation o ON o.id = u.organisation_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PasswordEncoder passwordEncoder;

    UserDirectory(JdbcClient jdbc, AuditLog audit, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UserRows::map).optional();
    }

    /** Finds a user by what they type to log in: their username or their e-mail address. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findByLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE lower(u.username) = lower(:login) OR lower(u.email) = lower(:login)")
                .param("login", login.strip()).query(UserRows::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByOidc(String issuer, String subject) {
        return jdbc.sql(SELECT + " WHERE u.oidc_issuer = :issuer AND u.oidc_subject = :subject")
                .param("issuer", issuer).param("subject", subject).query(UserRows::map).optional();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single();
    }

    /** Filters of the administrator's list; every field may be empty. */
    public record Filter(String text, Role role, Long organisationId, Boolean active) {}

    @Transactional(readOnly = true)
    public PageOf<UserAccount> search(Filter filter, int page, int size) {
        return new FilteredQuery()
                .contains("(lower(u.display_name) LIKE :text OR lower(coalesce(u.email, u.username)) LIKE :text"
                        + " OR lower(u.username) LIKE :text)", "text", filter.text())
                .filter("EXISTS (SELECT 1 FROM user_role r WHERE r.user_account = u.id AND r.role = :role)", "role",
                        filter.role())
                .filter("u.organisation_id = :organisationId", "organisationId", filter.organisationId())
                .filter("u.active = :active", "active", filter.active())
                .orderBy("lower(u.display_name), u.id")
                .page(jdbc, "SELECT count(*) FROM user_account u", SELECT, UserRows::map, page, size);
    }

    /**
     * Creates a user who will choose a password through an invitation link, or with the given password.
     *
     * @throws DuplicateNameException when the e-mail address is taken
     * @throws InvalidAccountException when the roles and organisation do not fit together
     */
    @Transactional
    public long create(UserAttributes attributes, String rawPassword, boolean mustChangePassword, Actor actor) {
        checkRolesFitOrganisation(attributes.roles(), attributes.organisationId());
        String email = attributes.email().strip();
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO user_account (username, email, display_name, organisation_id, password_hash,
                        must_change_password)
                    VALUES (:username, :email, :name, :organisation, :hash, :mustChange)
                    RETURNING id""")
                    .param("username", email)
                    .param("email", email)
                    .param("name", attributes.displayName().strip())
                    .param("organisation", attributes.organisationId())
                    .param("hash", rawPassword == null ? null : passwordEncoder.encode(rawPassword))
                    .param("mustChange", mustChangePassword)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNameException("email");
        }
        writeRoles(id, attributes.roles());
        audit.record(AuditKind.USER_CREATED, actor.id(), actor.name(), email,
                "roller: " + describe(attributes.roles()) + organisationNote(attributes.organisationId()));
        return id;
    }

    /**
     * Creates the account of a citizen who signed up and confirmed their e-mail, with the password they chose
     * (hashed when they signed up). Empty when the address has an account meanwhile.
     */
    @Transactional
    Optional<Long> createSignedUpCitizen(String email, String displayName, String passwordHash) {
        Optional<Long> id = jdbc.sql("""
                INSERT INTO user_account (username, email, display_name, password_hash)
                VALUES (:email, :email, :name, :hash)
                ON CONFLICT DO NOTHING RETURNING id""")
                .param("email", email).param("name", displayName).param("hash", passwordHash)
                .query(Long.class).optional();
        id.ifPresent(created -> {
            writeRoles(created, EnumSet.of(Role.CITIZEN));
            audit.record(AuditKind.SIGNED_UP, created, email, email, null);
        });
        return id;
    }

    /** Hashes a password as the accounts keep it. */
    String hashPassword(String rawPassword) {
        return passwordEncoder.encode(rawPassword);
    }

    /** Creates the first administrator, whose login is a username rather than an e-mail address. */
    @Transactional
    public long createAdministrator(String username, String email, String rawPassword, boolean mustChangePassword) {
        long id = jdbc.sql("""
                INSERT INTO user_account (username, email, display_name, password_hash, must_change_password)
                VALUES (:username, :email, :name, :hash, :mustChange) RETURNING id""")
                .param("username", username)
                .param("email", email)
                .param("name", "Administrator")
                .param("hash", passwordEncoder.encode(rawPassword))
                .param("mustChange", mustChangePassword)
                .query(Long.class).single();
        writeRoles(id, EnumSet.of(Role.ADMINISTRATOR));
        audit.record(AuditKind.ADMINISTRATOR_CREATED, null, Actor.SYSTEM.name(), username, null);
        return id;
    }

    @Transactional
    public void update(long id, UserAttributes attributes, Actor actor) {
        UserAccount before = find(id).orElseThrow(() -> new NotFoundException("user", id));
        checkRolesFitOrganisation(attributes.roles(), attributes.organisationId());
        if (actor.id() != null && actor.id() == id && before.roles().contains(Role.ADMINISTRATOR)
                && !attributes.roles().contains(Role.ADMINISTRATOR)) {
            throw new InvalidAccountException("roles", "admin.user.error.ownAdministratorRole");
        }
        String email = attributes.email().strip();
        try {
            jdbc.sql("""
                    UPDATE user_account SET email = :email,
                        username = CASE WHEN lower(username) = lower(coalesce(email, '')) THEN :email ELSE username END,
                        display_name = :name, organisation_id = :organisation, version = version + 1
                    WHERE id = :id""")
                    .param("id", id)
                    .param("email", email)
                    .param("name", attributes.displayName().strip())
                    .param("organisation", attributes.organisationId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNameException("email");
        }
        if (!before.roles().equals(attributes.roles())) {
            writeRoles(id, attributes.roles());
            audit.record(AuditKind.ROLES_CHANGED, actor.id(), actor.name(), email,
                    describe(before.roles()) + " → " + describe(attributes.roles()));
        }
        if (!java.util.Objects.equals(before.organisationId(), attributes.organisationId())) {
            UserAccount after = find(id).orElseThrow();
            audit.record(AuditKind.USER_ORGANISATION_CHANGED, actor.id(), actor.name(), email,
                    nullToDash(before.organisationName()) + " → " + nullToDash(after.organisationName()));
        }
        if (!before.displayName().equals(attributes.displayName().strip())
                || !java.util.Objects.equals(before.email(), email)) {
            audit.record(AuditKind.USER_UPDATED, actor.id(), actor.name(), email, null);
        }
    }

    /** A user changes their own name, e-mail address and language. */
    @Transactional
    public void updateOwnProfile(long id, String displayName, String email, String language) {
        UserAccount before = find(id).orElseThrow(() -> new NotFoundException("user", id));
        try {
            jdbc.sql("""
                    UPDATE user_account SET display_name = :name, email = :email,
                        username = CASE WHEN lower(username) = lower(coalesce(email, '')) THEN :email ELSE username END,
                        preferred_language = :language, version = version + 1
                    WHERE id = :id""")
                    .param("id", id)
                    .param("name", displayName.strip())
                    .param("email", email.strip())
                    .param("language", language)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNameException("email");
        }
        if (!java.util.Objects.equals(before.email(), email.strip())) {
            audit.record(AuditKind.USER_UPDATED, id, before.username(), email.strip(),
                    "e-mail: " + before.email() + " → " + email.strip());
        }
    }

    @Transactional
    public void setActive(long id, boolean active, Actor actor) {
        UserAccount user = find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (user.active() == active) {
            return;
        }
        if (!active && actor.id() != null && actor.id() == id) {
            throw new InvalidAccountException("active", "admin.user.error.deactivateSelf");
        }
        jdbc.sql("UPDATE user_account SET active = :active, version = version + 1 WHERE id = :id")
                .param("active", active).param("id", id).update();
        if (!active) {
            // a deactivated user's sessions end at once
            jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name").param("name", user.username()).update();
        }
        audit.record(active ? AuditKind.USER_REACTIVATED : AuditKind.USER_DEACTIVATED, actor.id(), actor.name(),
                user.username(), null);
    }

    /** The name a deleted account shows wherever it is still referred to. */
    public static final String DELETED_NAME = "Slettet bruger";

    /**
     * Deletes a person's account at their own request: the row stays (so ids others refer to still resolve) but
     * holds nothing personal — no name, e-mail, password, login link or roles — and can never log in again. The
     * audit log is append-only and keeps its earlier entries; a new entry records the deletion under the new name.
     */
    @Transactional
    public void anonymise(long id) {
        UserAccount user = find(id).orElseThrow(() -> new NotFoundException("user", id));
        String placeholder = "slettet-" + id;
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name").param("name", user.username()).update();
        jdbc.sql("DELETE FROM password_reset_token WHERE user_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM user_role WHERE user_account = :id").param("id", id).update();
        jdbc.sql("""
                UPDATE user_account SET username = :placeholder, email = NULL, display_name = :name,
                    password_hash = NULL, organisation_id = NULL, active = FALSE, oidc_issuer = NULL,
                    oidc_subject = NULL, last_login_at = NULL, version = version + 1
                WHERE id = :id""")
                .param("placeholder", placeholder).param("name", DELETED_NAME).param("id", id).update();
        audit.record(AuditKind.ACCOUNT_DELETED, id, placeholder, placeholder, null);
    }

    /** Checks the current password, for a user who changes their own. */
    @Transactional(readOnly = true)
    public boolean passwordMatches(long id, String rawPassword) {
        String hash = passwordHash(id);
        return hash != null && rawPassword != null && passwordEncoder.matches(rawPassword, hash);
    }

    @Transactional
    public void changePassword(long id, String rawPassword, AuditKind kind) {
        UserAccount user = find(id).orElseThrow(() -> new NotFoundException("user", id));
        jdbc.sql("""
                UPDATE user_account SET password_hash = :hash, must_change_password = FALSE, failed_logins = 0,
                    locked_until = NULL, version = version + 1
                WHERE id = :id""")
                .param("hash", passwordEncoder.encode(rawPassword)).param("id", id).update();
        audit.record(kind, id, user.username(), user.username(), null);
    }

    String passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM user_account WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    /**
     * The rule of "who belongs where": a citizen belongs to no organisation and holds no other role; everyone else
     * belongs to an organisation, except an administrator who holds only that role.
     */
    static void checkRolesFitOrganisation(Set<Role> roles, Long organisationId) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidAccountException("roles", "admin.user.error.noRoles");
        }
        if (roles.contains(Role.CITIZEN)) {
            if (roles.size() > 1) {
                throw new InvalidAccountException("roles", "admin.user.error.citizenOnly");
            }
            if (organisationId != null) {
                throw new InvalidAccountException("organisationId", "admin.user.error.citizenNoOrganisation");
            }
            return;
        }
        if (organisationId == null && !roles.equals(EnumSet.of(Role.ADMINISTRATOR))) {
            throw new InvalidAccountException("organisationId", "admin.user.error.organisationRequired");
        }
    }

    void writeRoles(long id, Set<Role> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_account = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_account, role) VALUES (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
    }

    String organisationNote(Long organisationId) {
        if (organisationId == null) {
            return "";
        }
        return jdbc.sql("SELECT name FROM organisation WHERE id = :id").param("id", organisationId)
                .query(String.class).optional().map(name -> ", organisation: " + name).orElse("");
    }

    static String describe(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }


    static String nullToDash(String value) {
        return value == null ? "–" : value;
    }
}
