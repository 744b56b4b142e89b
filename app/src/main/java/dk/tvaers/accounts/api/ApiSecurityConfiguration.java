package dk.tvaers.accounts.api;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dk.tvaers.accounts.ApiCaller;
import dk.tvaers.accounts.ApiClients;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.platform.security.PublicPaths;
import dk.tvaers.platform.security.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The API's two security chains (ADR 0039), ordered before the web pages' chain:
 * <ol>
 *   <li>the token endpoint {@value #TOKEN_ENDPOINT} (Spring Authorization Server, the client_credentials grant only,
 *   clients from {@code api_client}) and the public key set {@value #JWK_SET_ENDPOINT}, rate-limited per address;</li>
 *   <li>{@code /api/**} as a stateless resource server: bearer JWTs signed by that key (authorities
 *   {@code SCOPE_<scope>}), no session and no CSRF (no cookie is read); safe methods on the public paths are open to
 *   everyone, every other method needs a token, and the endpoint names its scope.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String TOKEN_ENDPOINT = "/oauth2/token";
    static final String JWK_SET_ENDPOINT = "/oauth2/jwks";

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpointChain(HttpSecurity http, RegisteredClientRepository registrations,
            RateLimits limits) throws Exception {
        RequestMatcher endpoints = new OrRequestMatcher(pathPattern(HttpMethod.POST, TOKEN_ENDPOINT),
                pathPattern(HttpMethod.GET, JWK_SET_ENDPOINT));
        var server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(endpoints)
                .addFilterBefore(new ApiTokenRateLimitFilter(limits), SecurityContextHolderFilter.class)
                .with(server, authorizationServer -> authorizationServer
                        .registeredClientRepository(registrations)
                        .authorizationService(new NoStoredAuthorizations()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder decoder, ApiClients clients, RateLimits limits,
            AuditLog audit) throws Exception {
        String[] open = PublicPaths.API_READ_PATTERNS.toArray(String[]::new);
        http.securityMatcher("/api/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // no cookie authenticates here, so there is nothing for a cross-site request to ride on
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, open).permitAll()
                        .requestMatchers(HttpMethod.HEAD, open).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)
                        .jwtAuthenticationConverter(new ApiTokenAuthentication(clients))))
                .addFilterBefore(new ApiCallFilter(limits, audit), ExceptionTranslationFilter.class);
        return http.build();
    }

    @Bean
    RegisteredClientRepository apiClientRegistrations(ApiClients clients,
            @Value("${tvaers.api.token-lifetime:PT10M}") Duration tokenLifetime) {
        return new ApiClientRegistrations(clients, tokenLifetime);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${tvaers.base-url}") String baseUrl) {
        return AuthorizationServerSettings.builder().issuer(baseUrl).tokenEndpoint(TOKEN_ENDPOINT)
                .jwkSetEndpoint(JWK_SET_ENDPOINT).build();
    }

    @Bean
    JWKSource<SecurityContext> apiSigningKeys(JdbcClient jdbc, TransactionTemplate transactions) {
        return new ImmutableJWKSet<>(ApiSigningKey.loadOrCreate(jdbc, transactions));
    }

    /** Tokens of this server only: signed by its key, issued by it, unexpired (30 s of clock difference allowed). */
    @Bean
    JwtDecoder apiJwtDecoder(JWKSource<SecurityContext> keys, AuthorizationServerSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(30)), new JwtIssuerValidator(settings.getIssuer())));
        return decoder;
    }

    /** The client's organisation goes into its token; each token issued is in the audit log. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> apiTokenClaims(AuditLog audit) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    || !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                return;
            }
            var client = context.getRegisteredClient();
            Object organisation = client.getClientSettings().getSetting(ApiClientRegistrations.ORGANISATION_SETTING);
            context.getClaims().claim(ApiCaller.ORGANISATION_CLAIM, organisation);
            audit.record(AuditKind.API_TOKEN_ISSUED, null, "API: " + client.getClientId(), client.getClientId(),
                    "organisation=" + organisation + " scopes=" + String.join(" ", context.getAuthorizedScopes()));
        };
    }

    /**
     * Self-contained tokens need no server-side record, and none is kept: memory stays bounded however many tokens are
     * asked for (the default store keeps every one in memory). Introspection and revocation endpoints are not offered;
     * a client is revoked on the administrator's page and its tokens are refused at once.
     */
    static final class NoStoredAuthorizations implements OAuth2AuthorizationService {

        @Override
        public void save(OAuth2Authorization authorization) {}

        @Override
        public void remove(OAuth2Authorization authorization) {}

        @Override
        public OAuth2Authorization findById(String id) {
            return null;
        }

        @Override
        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
            return null;
        }
    }
}
