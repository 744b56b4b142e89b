package dk.tvaers.accounts;

import dk.tvaers.platform.security.LinkTokens;
import dk.tvaers.shared.Role;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts that sign in with OpenID Connect: linking an identity to a local account, creating an account from a
 * first login, and applying the roles and organisation the identity provider states (each change audited).
 * Finding an account by its identity is {@link UserDirectory#findByOidc}.
 */
@Service
class OidcAccounts {

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final AuditLog audit;

    OidcAccounts(JdbcClient jdbc, UserDirectory users, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    /** Links a local account to an OpenID Connect identity. */
    @Transactional
    void link(long id, String issuer, String subject) {
        jdbc.sql("UPDATE user_account SET oidc_issuer = :issuer, oidc_subject = :subject WHERE id = :id")
                .param("issuer", issuer).param("subject", subject).param("id", id).update();
    }
    @Transactional
    long create(String issuer, String subject, String email, String displayName, Long organisationId,
            Set<Role> roles) {
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO user_account (username, email, display_name, organisation_id, oidc_issuer, oidc_subject)
                    VALUES (:username, :email, :name, :organisation, :issuer, :subject) RETURNING id""")
                    .param("username", email != null ? email : username(issuer, subject))
                    .param("email", email)
                    .param("name", displayName)
                    .param("organisation", organisationId)
                    .param("issuer", issuer)
                    .param("subject", subject)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new DuplicateNameException("email");
        }
        users.writeRoles(id, roles);
        audit.record(AuditKind.USER_CREATED, null, "OpenID Connect", email != null ? email : subject,
                "roller: " + UserDirectory.describe(roles) + users.organisationNote(organisationId));
        return id;
    }
    /** Applies the roles and organisation the identity provider says, recording any change. */
    @Transactional
    void applyClaims(long id, Long organisationId, Set<Role> roles) {
        UserAccount before = users.find(id).orElseThrow();
        if (!before.roles().equals(roles)) {
            users.writeRoles(id, roles);
            audit.record(AuditKind.ROLES_CHANGED, null, "OpenID Connect", before.username(),
                    UserDirectory.describe(before.roles()) + " → " + UserDirectory.describe(roles));
        }
        if (!java.util.Objects.equals(before.organisationId(), organisationId)) {
            jdbc.sql("UPDATE user_account SET organisation_id = :organisation WHERE id = :id")
                    .param("organisation", organisationId).param("id", id).update();
            audit.record(AuditKind.USER_ORGANISATION_CHANGED, null, "OpenID Connect", before.username(),
                    UserDirectory.nullToDash(before.organisationName()) + " → " + organisationId);
        }
    }
    /** A username for an OIDC identity without e-mail: short and stable, whatever the issuer's length. */
    static String username(String issuer, String subject) {
        return "oidc-" + LinkTokens.hash(issuer + "#" + subject).substring(0, 32);
    }
}
