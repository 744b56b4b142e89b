package dk.tvaers.accounts;

import dk.tvaers.shared.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Turns an OpenID Connect login into a Tværs account: finds the account by issuer and subject (or links an
 * existing account with the same verified e-mail), creates one on first login, and applies the roles and
 * organisation the provider's claims say.
 */
@Service
class OidcAccountService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcAccountService.class);

    private final OidcUserService delegate = new OidcUserService();
    private final UserDirectory users;
    private final OidcAccounts oidcAccounts;
    private final OrganisationDirectory organisations;
    private final OidcProperties properties;
    private final AuditLog audit;

    OidcAccountService(UserDirectory users, OidcAccounts oidcAccounts, OrganisationDirectory organisations,
            OidcProperties properties, AuditLog audit) {
        this.users = users;
        this.oidcAccounts = oidcAccounts;
        this.organisations = organisations;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidcUser = delegate.loadUser(request);
        String issuer = String.valueOf(oidcUser.getIdToken().getIssuer());
        String subject = oidcUser.getSubject();
        Set<Role> roles = rolesFrom(oidcUser.getClaims().get(properties.roleClaim()));
        Long organisationId = organisationFrom(oidcUser.getClaims().get(properties.organisationClaim()));
        if (roles.contains(Role.CITIZEN)) {
            organisationId = null;
        }
        try {
            UserDirectory.checkRolesFitOrganisation(roles, organisationId);
        } catch (InvalidAccountException e) {
            log.warn("OpenID Connect-login afvist for {}: roller {} passer ikke med organisation {}", subject, roles,
                    organisationId);
            String login = Optional.ofNullable(oidcUser.getEmail()).orElse(issuer + "#" + subject);
            audit.record(AuditKind.LOGIN_FAILED, null, login, login, "OpenID Connect: roller " + roles
                    + " passer ikke med organisationen " + oidcUser.getClaims().get(properties.organisationClaim()));
            throw new OAuth2AuthenticationException(new OAuth2Error("tvaers_account", e.messageKey(), null));
        }

        Optional<UserAccount> existing = users.findByOidc(issuer, subject);
        boolean linking = false;
        if (existing.isEmpty() && oidcUser.getEmail() != null && Boolean.TRUE.equals(oidcUser.getEmailVerified())) {
            existing = users.findByLogin(oidcUser.getEmail());
            linking = existing.isPresent();
        }
        // a deactivated account is refused before anything the provider claims is applied to it
        if (existing.isPresent() && !existing.get().active()) {
            UserAccount inactive = existing.get();
            audit.record(AuditKind.LOGIN_FAILED, inactive.id(), inactive.username(), inactive.username(),
                    "OpenID Connect: kontoen er deaktiveret");
            throw new OAuth2AuthenticationException(new OAuth2Error("tvaers_inactive", "account deactivated", null));
        }
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            if (linking) {
                oidcAccounts.link(id, issuer, subject);
            }
            oidcAccounts.applyClaims(id, organisationId, roles);
        } else {
            String name = Optional.ofNullable(oidcUser.getFullName()).orElse(
                    Optional.ofNullable(oidcUser.getEmail()).orElse(subject));
            id = oidcAccounts.create(issuer, subject, oidcUser.getEmail(), name, organisationId, roles);
        }
        UserAccount account = users.find(id).orElseThrow();
        return new AccountPrincipal(account, null, oidcUser.getIdToken());
    }

    Set<Role> rolesFrom(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list
                : claim == null ? List.of() : List.of(String.valueOf(claim).split("[,\\s]+"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            String text = String.valueOf(value).strip();
            Role mapped = properties.roleMapping().get(text);
            if (mapped != null) {
                roles.add(mapped);
                continue;
            }
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(text)) {
                    roles.add(role);
                }
            }
        }
        if (roles.isEmpty()) {
            roles.add(properties.defaultRole());
        }
        return roles;
    }

    private Long organisationFrom(Object claim) {
        if (claim == null || String.valueOf(claim).isBlank()) {
            return null;
        }
        String value = String.valueOf(claim).strip();
        return organisations.allActive().stream()
                .filter(organisation -> value.equals(organisation.cvr()) || value.equalsIgnoreCase(organisation.name()))
                .map(Organisation::id)
                .findFirst()
                .orElse(null);
    }
}
