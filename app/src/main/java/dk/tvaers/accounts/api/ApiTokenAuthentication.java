package dk.tvaers.accounts.api;

import dk.tvaers.accounts.ApiCaller;
import dk.tvaers.accounts.ApiClient;
import dk.tvaers.accounts.ApiClients;
import dk.tvaers.accounts.ApiScope;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a valid, signed, unexpired access token into the calling client, checked against {@code api_client} on every
 * call: a revoked client, a token made before the client's secret was changed, or a token naming another organisation
 * than the client's own now is refused (401); the authorities are the token's scopes the client still holds.
 */
class ApiTokenAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ApiClients clients;

    ApiTokenAuthentication(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        ApiClient client = Optional.ofNullable(jwt.getSubject()).flatMap(clients::findByClientId)
                .filter(ApiClient::active)
                .orElseThrow(() -> new InvalidBearerTokenException("The client is unknown or revoked"));
        if (jwt.getIssuedAt() == null
                || jwt.getIssuedAt().isBefore(client.secretChangedAt().truncatedTo(ChronoUnit.SECONDS))) {
            throw new InvalidBearerTokenException("The token was issued before the client's secret was changed");
        }
        Object organisation = jwt.getClaims().get(ApiCaller.ORGANISATION_CLAIM);
        if (!(organisation instanceof Number number) || number.longValue() != client.organisationId()) {
            throw new InvalidBearerTokenException("The token names another organisation than the client's");
        }
        Set<String> held = client.scopes().stream().map(ApiScope::value).collect(Collectors.toSet());
        List<SimpleGrantedAuthority> authorities = scopes(jwt).stream().filter(held::contains)
                .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList();
        return new JwtAuthenticationToken(jwt, authorities, client.clientId());
    }

    private static Collection<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String text) {
            return List.of(text.split(" "));
        }
        if (scope instanceof Collection<?> values) {
            return values.stream().map(Objects::toString).toList();
        }
        return List.of();
    }
}
