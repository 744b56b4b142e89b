package dk.tvaers.platform.security;

import dk.tvaers.shared.Role;
import java.util.Set;

/**
 * The signed-in person as the web layer sees them, whether they logged in locally or with OpenID Connect.
 * The accounts module's principal implements it; the layout reads it for the header and navigation.
 */
public interface CurrentUser {

    long userId();

    String displayName();

    Set<Role> roles();

    /** The organisation's name, or {@code null} for a citizen. */
    String organisationName();

    default boolean hasRole(Role role) {
        return roles().contains(role);
    }
}
