package dk.tvaers.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.ApiCaller;
import dk.tvaers.accounts.ApiClients;
import dk.tvaers.accounts.ApiScope;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.registrations.RegistrationFixtures;
import dk.tvaers.registrations.RegistrationImport;
import dk.tvaers.registrations.Schemes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Machine clients through the real chains (ADR 0039): a client gets a token from {@code /oauth2/token} with its secret
 * and writes its own organisation's registrations; a wrong secret, a forged or expired token, a revoked client and a
 * token without the scope are refused; another organisation's unit is refused with nothing saved; every call is in the
 * audit log; the token endpoint and each client are rate-limited; anonymous reads of {@code /api/v1} stay open.
 */
@IntegrationTest
class ApiClientsTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients clients;

    @Autowired
    Schemes schemes;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JWKSource<SecurityContext> signingKeys;

    @Value("${tvaers.base-url}")
    String issuer;

    @Value("${tvaers.rate-limits.api-token.capacity}")
    int tokenCapacity;

    @Value("${tvaers.rate-limits.api-client.capacity}")
    int clientCapacity;

    @Test
    void aClientGetsATokenAndWritesItsOwnOrganisationsRegistrationsAndEveryCallIsAudited() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        var issued = clients.create("Journalsystem", made.units().getFirst(), Set.of(ApiScope.REGISTRATIONS_WRITE),
                Actor.SYSTEM);
        String token = token(issued.client().clientId(), issued.secret(), "registrations.write");

        var accepted = registrations(token, made.code() + ",1,U0,cli1,2024-01-10,START,SCREEN,ja\n");
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
        assertThat(accepted.getContentAsString()).contains("\"rows\":1");
        assertThat(jdbc.sql("SELECT count(*) FROM registration_course WHERE scheme_id = :s")
                .param("s", made.schemeId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT details FROM audit_event WHERE kind = 'API_CALL' AND subject = 'POST /api/v1/registrations'
                AND actor = :actor""").param("actor", "API: " + issued.client().clientId()).query(String.class).list())
                .containsExactly("client=" + issued.client().clientId() + " organisation=" + made.units().getFirst()
                        + " status=200");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE kind = 'API_TOKEN_ISSUED' AND subject = :c")
                .param("c", issued.client().clientId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWrongSecretOrAnUnknownClientGetsNoToken() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        var issued = clients.create("Forkert", made.units().getFirst(), Set.of(ApiScope.REGISTRATIONS_WRITE),
                Actor.SYSTEM);
        assertThat(tokenRequest(issued.client().clientId(), issued.secret() + "x", "registrations.write").getStatus())
                .isEqualTo(401);
        assertThat(tokenRequest("tvaers-findesikke", issued.secret(), "registrations.write").getStatus())
                .isEqualTo(401);
        // a scope the client does not hold is not granted
        assertThat(tokenRequest(issued.client().clientId(), issued.secret(), "events.write").getStatus())
                .isEqualTo(400);
    }

    @Test
    void aTokenWithoutTheScopeIsRefusedWith403AndAnonymousWritesWith401() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        var issued = clients.create("Uden scope", made.units().getFirst(), Set.of(ApiScope.REGISTRATIONS_WRITE),
                Actor.SYSTEM);
        String unscoped = token(issued.client().clientId(), issued.secret(), null);
        String line = made.code() + ",1,U0,cli2,2024-01-10,START,SCREEN,ja\n";
        assertThat(registrations(unscoped, line).getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/registrations").contentType("text/csv")
                .content(RegistrationImport.HEADER + "\n" + line)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(courses(made.schemeId())).isZero();
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE kind = 'API_CALL' AND actor = :actor")
                .param("actor", "API: " + issued.client().clientId()).query(String.class).list())
                .containsExactly("client=" + issued.client().clientId() + " organisation=" + made.units().getFirst()
                        + " status=403");
    }

    @Test
    void expiredAndForgedTokensAreRefusedWith401() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        var issued = clients.create("Udløbet", made.units().getFirst(), Set.of(ApiScope.REGISTRATIONS_WRITE),
                Actor.SYSTEM);
        String line = made.code() + ",1,U0,cli3,2024-01-10,START,SCREEN,ja\n";
        // the client's secret is older than every token below, so only their expiry and signature decide
        jdbc.sql("UPDATE api_client SET secret_changed_at = now() - interval '2 hours' WHERE id = :id")
                .param("id", issued.client().id()).update();
        Instant now = Instant.now();
        String valid = sign(signingKeys, issued.client().clientId(), made.units().getFirst(), now.minusSeconds(5),
                now.plusSeconds(300));
        String expired = sign(signingKeys, issued.client().clientId(), made.units().getFirst(),
                now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(20)));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("forged").generate();
        String forged = sign(new ImmutableJWKSet<>(new JWKSet(stranger)), issued.client().clientId(),
                made.units().getFirst(), now.minusSeconds(5), now.plusSeconds(300));
        String otherOrganisation = sign(signingKeys, issued.client().clientId(), made.units().getFirst() + 1_000_000,
                now.minusSeconds(5), now.plusSeconds(300));

        assertThat(registrations(expired, line).getStatus()).isEqualTo(401);
        assertThat(registrations(forged, line).getStatus()).isEqualTo(401);
        assertThat(registrations(otherOrganisation, line).getStatus()).isEqualTo(401);
        assertThat(registrations("not.a.token", line).getStatus()).isEqualTo(401);
        assertThat(courses(made.schemeId())).isZero();
        // the same signing as the expired one, in time: accepted (so the refusals above are the token's fault)
        assertThat(registrations(valid, line).getStatus()).isEqualTo(200);
    }

    @Test
    void aClientCannotWriteAnotherOrganisationsRows() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A", "A");
        var other = clients.create("Nabo", made.units().get(1), Set.of(ApiScope.REGISTRATIONS_WRITE), Actor.SYSTEM);
        String token = token(other.client().clientId(), other.secret(), "registrations.write");

        var refused = registrations(token, made.code() + ",1,U0,cli4,2024-01-10,START,SCREEN,ja\n");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"column\":\"unit_code\"");
        assertThat(courses(made.schemeId())).isZero();
        // its own unit, same scheme: accepted
        assertThat(registrations(token, made.code() + ",1,U1,cli4,2024-01-10,START,SCREEN,ja\n").getStatus())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_course WHERE scheme_id = :s AND unit_id = :u")
                .param("s", made.schemeId()).param("u", made.units().getFirst()).query(Long.class).single()).isZero();
    }

    @Test
    void aRevokedClientAndAnOldSecretAreRefusedAtOnce() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        var issued = clients.create("Tilbagekaldt", made.units().getFirst(), Set.of(ApiScope.REGISTRATIONS_WRITE),
                Actor.SYSTEM);
        String line = made.code() + ",1,U0,cli5,2024-01-10,START,SCREEN,ja\n";
        String before = sign(signingKeys, issued.client().clientId(), made.units().getFirst(),
                Instant.now().minusSeconds(10), Instant.now().plusSeconds(300));
        var rotated = clients.rotate(issued.client().id(), Actor.SYSTEM);
        assertThat(registrations(before, line).getStatus()).as("a token from before the new secret").isEqualTo(401);
        assertThat(tokenRequest(issued.client().clientId(), issued.secret(), "registrations.write").getStatus())
                .isEqualTo(401);
        String after = token(issued.client().clientId(), rotated.secret(), "registrations.write");

        clients.revoke(issued.client().id(), Actor.SYSTEM);
        assertThat(registrations(after, line).getStatus()).isEqualTo(401);
        assertThat(tokenRequest(issued.client().clientId(), rotated.secret(), "registrations.write").getStatus())
                .isEqualTo(401);
        assertThat(courses(made.schemeId())).isZero();
    }

    @Test
    void theTokenEndpointIsRateLimitedPerAddress() throws Exception {
        String address = "10.77.0." + ADDRESS.incrementAndGet();
        for (int i = 0; i < tokenCapacity; i++) {
            assertThat(tokenRequest("tvaers-gaetter", "gæt" + i, "registrations.write", address).getStatus())
                    .isEqualTo(401);
        }
        var limited = tokenRequest("tvaers-gaetter", "gæt", "registrations.write", address);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isNotBlank();
        // another address is not held back
        assertThat(tokenRequest("tvaers-gaetter", "gæt", "registrations.write", "10.78.0." + ADDRESS.incrementAndGet())
                .getStatus()).isEqualTo(401);
    }

    @Test
    void eachClientIsRateLimitedOnItsOwn() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        var issued = clients.create("Travl", made.units().getFirst(), Set.of(ApiScope.REGISTRATIONS_WRITE),
                Actor.SYSTEM);
        String token = token(issued.client().clientId(), issued.secret(), null);
        for (int i = 0; i < clientCapacity; i++) {
            assertThat(mvc.perform(get("/api/v1").header("Authorization", "Bearer " + token)).andReturn()
                    .getResponse().getStatus()).isEqualTo(200);
        }
        assertThat(mvc.perform(get("/api/v1").header("Authorization", "Bearer " + token)).andReturn().getResponse()
                .getStatus()).isEqualTo(429);
        // anonymous reads from the same address go on
        assertThat(mvc.perform(get("/api/v1")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE kind = 'API_CALL' AND actor = :a AND details LIKE '%status=429'")
                .param("a", "API: " + issued.client().clientId()).query(Long.class).single()).isEqualTo(1);
    }

    private long courses(long schemeId) {
        return jdbc.sql("SELECT count(*) FROM registration_course WHERE scheme_id = :s").param("s", schemeId)
                .query(Long.class).single();
    }

    private MockHttpServletResponse registrations(String token, String lines) throws Exception {
        return mvc.perform(post("/api/v1/registrations").header("Authorization", "Bearer " + token)
                .contentType("text/csv").content(RegistrationImport.HEADER + "\n" + lines)).andReturn().getResponse();
    }

    private String token(String clientId, String secret, String scope) throws Exception {
        var response = tokenRequest(clientId, secret, scope);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        var body = JSON.readTree(response.getContentAsString());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        return body.path("access_token").asText();
    }

    private MockHttpServletResponse tokenRequest(String clientId, String secret, String scope) throws Exception {
        return tokenRequest(clientId, secret, scope, "127.0.0.1");
    }

    private MockHttpServletResponse tokenRequest(String clientId, String secret, String scope, String address)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/oauth2/token").with(httpBasic(clientId, secret))
                .param("grant_type", "client_credentials").with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        if (scope != null) {
            request.param("scope", scope);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String sign(JWKSource<SecurityContext> keys, String clientId, long organisation, Instant issuedAt,
            Instant expiresAt) {
        var claims = JwtClaimsSet.builder().issuer(issuer).subject(clientId).issuedAt(issuedAt).expiresAt(expiresAt)
                .claim("scope", java.util.List.of("registrations.write"))
                .claim(ApiCaller.ORGANISATION_CLAIM, organisation).build();
        return new NimbusJwtEncoder(keys).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
