package dk.tvaers.accounts;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who calls the API (ADR 0039): a machine client, known by its access token. Its organisation is a claim of the token,
 * checked against the client's current organisation on every call; an endpoint writes only that organisation's rows.
 */
public final class ApiCaller {

    /** The token's claim with the client's organisation id. */
    public static final String ORGANISATION_CLAIM = "organisation_id";

    private ApiCaller() {}

    /** The organisation the calling client acts for, if the caller is an API client with one. */
    public static Optional<Long> organisationOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Object claim = token.getToken().getClaims().get(ORGANISATION_CLAIM);
            if (claim instanceof Number number) {
                return Optional.of(number.longValue());
            }
            if (claim instanceof String text && text.matches("\\d{1,18}")) {
                return Optional.of(Long.parseLong(text));
            }
        }
        return Optional.empty();
    }

    /** The calling client's id (the token's subject), if the caller is an API client. */
    public static Optional<String> clientIdOf(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token
                ? Optional.ofNullable(token.getToken().getSubject()) : Optional.empty();
    }
}
