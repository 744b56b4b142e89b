package dk.tvaers.accounts;

import java.time.Instant;
import java.util.Set;

/** A machine client of the API: it belongs to an organisation and holds scopes; its secret is kept only as a hash. */
public record ApiClient(long id, String clientId, String name, long organisationId, String organisationName,
        Set<ApiScope> scopes, Instant createdAt, Instant secretChangedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
