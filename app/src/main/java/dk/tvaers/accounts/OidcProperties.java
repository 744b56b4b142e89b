package dk.tvaers.accounts;

import dk.tvaers.shared.Role;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the claims of an OpenID Connect login become roles and an organisation in Tværs. The provider itself is
 * configured with Spring Security's {@code spring.security.oauth2.client.registration.oidc.*} properties.
 *
 * @param roleClaim the claim that holds the user's roles (a string or a list of strings)
 * @param roleMapping claim value → role; a value that is itself a role name (e.g. {@code ANALYST}) maps to it too
 * @param defaultRole the role of a user whose claims name none (e.g. a citizen logging in with MitID)
 * @param organisationClaim the claim that holds the organisation's CVR number or name
 */
@ConfigurationProperties("tvaers.oidc")
public record OidcProperties(String roleClaim, Map<String, Role> roleMapping, Role defaultRole,
        String organisationClaim) {

    public OidcProperties {
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        defaultRole = defaultRole == null ? Role.CITIZEN : defaultRole;
        organisationClaim = organisationClaim == null || organisationClaim.isBlank() ? "organisation" : organisationClaim;
    }
}
