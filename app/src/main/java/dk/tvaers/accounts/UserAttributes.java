package dk.tvaers.accounts;

import dk.tvaers.shared.Role;
import java.util.Set;

/** What an administrator enters for a user. */
public record UserAttributes(String email, String displayName, Long organisationId, Set<Role> roles) {}
