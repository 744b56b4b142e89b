package dk.tvaers.accounts.api;

import dk.tvaers.accounts.ApiClient;
import dk.tvaers.accounts.ApiClients;
import dk.tvaers.accounts.ApiScope;
import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The authorization server's view of the API clients in {@code api_client}: only active ones, only the
 * client_credentials grant, the secret as its stored hash (compared by the application's password encoder),
 * self-contained JWT access tokens of a short lifetime. Clients are changed on the administrator's page, never here.
 */
class ApiClientRegistrations implements RegisteredClientRepository {

    /** The client setting holding the client's organisation, for the token's claim. */
    static final String ORGANISATION_SETTING = "tvaers.organisation-id";

    private final ApiClients clients;
    private final Duration tokenLifetime;

    ApiClientRegistrations(ApiClients clients, Duration tokenLifetime) {
        this.clients = clients;
        this.tokenLifetime = tokenLifetime;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("API clients are made on the administrator's page");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (clientId == null || !clientId.matches("[a-z0-9-]{8,64}")) {
            return null;
        }
        ApiClient client = clients.findByClientId(clientId).filter(ApiClient::active).orElse(null);
        String hash = client == null ? null : clients.secretHash(clientId).orElse(null);
        if (hash == null) {
            return null;
        }
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientSecret(hash)
                .clientIdIssuedAt(client.createdAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> client.scopes().stream().map(ApiScope::value).forEach(scopes::add))
                .clientSettings(org.springframework.security.oauth2.server.authorization.settings.ClientSettings
                        .builder().setting(ORGANISATION_SETTING, client.organisationId()).build())
                .tokenSettings(TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(tokenLifetime).build())
                .build();
    }
}
