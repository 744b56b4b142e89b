package dk.tvaers.initiatives;

import java.time.Instant;

/**
 * A member of an initiative: an organisation ({@link #organisationId} set) or a person with an account
 * ({@link #userId} set), with their role in it.
 */
public record Member(long id, long initiativeId, Long organisationId, Long userId, String name, MemberRole role,
        String addedByName, Instant addedAt) {

    public boolean organisation() {
        return organisationId != null;
    }
}
