package dk.tvaers.accounts;

import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.shared.Role;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in user, the same whether they logged in with a password or with OpenID Connect. Stored in the
 * session (so it is serializable) and read by the layout through {@link CurrentUser}.
 */
public final class AccountPrincipal implements UserDetails, OidcUser, CurrentUser, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final String organisationName;
    private final boolean active;
    private final Instant lockedUntil;
    private final boolean mustChangePassword;
    private String passwordHash;
    private final OidcIdToken idToken;

    AccountPrincipal(UserAccount account, String passwordHash, OidcIdToken idToken) {
        this.userId = account.id();
        this.username = account.username();
        this.displayName = account.displayName();
        this.roles = Set.copyOf(account.roles());
        this.organisationName = account.organisationName();
        this.active = account.active();
        this.lockedUntil = account.lockedUntil();
        this.mustChangePassword = account.mustChangePassword();
        this.passwordHash = passwordHash;
        this.idToken = idToken;
    }

    /** A principal for tests and for code that acts as a known user. */
    public static AccountPrincipal of(UserAccount account) {
        return new AccountPrincipal(account, null, null);
    }

    /** The same signed-in user with their account as it is now (after they changed their name, say). */
    public AccountPrincipal refreshedWith(UserAccount account) {
        if (account.id() != userId) {
            throw new IllegalArgumentException("another user's account");
        }
        return new AccountPrincipal(account, null, idToken);
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    @Override
    public String organisationName() {
        return organisationName;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    // --- OpenID Connect ---

    @Override
    public Map<String, Object> getClaims() {
        return idToken == null ? Map.of() : idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    /** The name Spring Security knows the session by: the username, for local and OIDC logins alike. */
    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountPrincipal that && that.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + userId + "]";
    }
}
