package dk.tvaers.accounts;

import dk.tvaers.shared.Role;
import java.time.Instant;
import java.util.Set;

/** A person who can log in: a citizen (no organisation) or someone working for an organisation. */
public record UserAccount(
        long id,
        String username,
        String email,
        String displayName,
        Long organisationId,
        String organisationName,
        Set<Role> roles,
        boolean active,
        boolean mustChangePassword,
        int failedLogins,
        Instant lockedUntil,
        boolean hasPassword,
        boolean linkedToOidc,
        Instant lastLoginAt,
        String preferredLanguage) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
