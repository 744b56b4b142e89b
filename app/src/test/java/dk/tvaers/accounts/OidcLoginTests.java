package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Login with OpenID Connect end to end: a real identity provider (mock-oauth2-server) on a free port, the app on
 * another, and the authorization-code flow driven redirect by redirect as a browser would. The provider's token
 * callbacks choose the claims of each login.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its own PostgreSQL; free it for the others
class OidcLoginTests {

    static final String ISSUER_ID = "tvaers-idp";
    static final String CLIENT_ID = "tvaers";

    /** Started before Spring, which reads the provider's discovery document while it starts. */
    static final MockOAuth2Server provider = new MockOAuth2Server();

    static {
        provider.start();
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.registration.oidc.client-id", () -> CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.oidc.client-secret", () -> "hemmelig");
        registry.add("spring.security.oauth2.client.registration.oidc.scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider.oidc.issuer-uri",
                () -> provider.issuerUrl(ISSUER_ID).toString());
        registry.add("tvaers.oidc.role-mapping.innovationskonsulent", () -> "INNOVATION_CONSULTANT");
        registry.add("tvaers.oidc.role-mapping.dataanalytiker", () -> "ANALYST");
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory users;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void firstLoginCreatesTheAccountWithTheMappedRoleAndTheOrganisationOfTheCvrClaim() throws Exception {
        Organisation randers = organisation("Randers Kommune", Sector.MUNICIPALITY, "29189668");

        Journey journey = logIn(claims("oidc-first", "karin.oidc@randers.dk", "Karin Konsulent",
                List.of("innovationskonsulent"), "29189668"));

        assertThat(journey.visited()).anyMatch(uri -> uri.getPath().equals("/" + ISSUER_ID + "/authorize"));
        assertThat(journey.last().uri().getPath()).isEqualTo("/");
        assertThat(journey.last().statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(journey.last().body()).text()).contains("Karin Konsulent");

        UserAccount account = users.findByOidc(issuer(), "oidc-first").orElseThrow();
        assertThat(account.email()).isEqualTo("karin.oidc@randers.dk");
        assertThat(account.roles()).containsExactly(Role.INNOVATION_CONSULTANT);
        assertThat(account.organisationId()).isEqualTo(randers.id());
        assertThat(account.hasPassword()).isFalse();
        // the session (with the principal in it) lives in PostgreSQL, under the account's username
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :name")
                .param("name", account.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void secondLoginAppliesChangedRoleAndOrganisationClaimsAndAuditsThem() throws Exception {
        organisation("Aarhus Kommune", Sector.MUNICIPALITY, "55133018");
        Organisation region = organisation("Region Midtjylland", Sector.REGION, null);
        logIn(claims("oidc-changes", "anders.oidc@aarhus.dk", "Anders Analytiker", List.of("innovationskonsulent"),
                "55133018"));

        Journey second = logIn(claims("oidc-changes", "anders.oidc@aarhus.dk", "Anders Analytiker",
                List.of("dataanalytiker", "STAFF"), "region midtjylland"));

        assertThat(Jsoup.parse(second.last().body()).text()).contains("Anders Analytiker");
        UserAccount account = users.findByOidc(issuer(), "oidc-changes").orElseThrow();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.ANALYST, Role.STAFF);
        assertThat(account.organisationId()).isEqualTo(region.id());
        assertThat(auditOf(AuditKind.ROLES_CHANGED, "anders.oidc@aarhus.dk"))
                .singleElement().extracting(AuditEntry::details)
                .isEqualTo("INNOVATION_CONSULTANT → STAFF, ANALYST");
        assertThat(auditOf(AuditKind.USER_ORGANISATION_CHANGED, "anders.oidc@aarhus.dk")).hasSize(1);
        assertThat(auditOf(AuditKind.LOGIN_SUCCEEDED, "anders.oidc@aarhus.dk"))
                .hasSize(2).allMatch(entry -> "OpenID Connect".equals(entry.details()));
    }

    @Test
    void citizenWithoutRoleClaimGetsTheDefaultRoleAndNoOrganisation() throws Exception {
        organisation("Viborg Kommune", Sector.MUNICIPALITY, null);
        var claims = new HashMap<String, Object>(Map.of("name", "Birthe Borger", "organisation", "Viborg Kommune"));

        Journey journey = logIn(new DefaultOAuth2TokenCallback(ISSUER_ID, "oidc-citizen", "JWT", List.of(CLIENT_ID),
                claims, 3600));

        assertThat(journey.last().uri().getPath()).isEqualTo("/");
        assertThat(Jsoup.parse(journey.last().body()).text()).contains("Birthe Borger");
        UserAccount account = users.findByOidc(issuer(), "oidc-citizen").orElseThrow();
        assertThat(account.roles()).containsExactly(Role.CITIZEN);
        assertThat(account.organisationId()).isNull();
        assertThat(account.email()).isNull();
    }

    @Test
    void deactivatedAccountIsRefused() throws Exception {
        organisation("Skive Kommune", Sector.MUNICIPALITY, "29189994");
        var claims = claims("oidc-deactivated", "dorte.oidc@skive.dk", "Dorte Deaktiveret", List.of("STAFF"),
                "29189994");
        logIn(claims);
        UserAccount account = users.findByOidc(issuer(), "oidc-deactivated").orElseThrow();
        users.setActive(account.id(), false, Actor.SYSTEM);

        Journey refused = logIn(claims("oidc-deactivated", "dorte.oidc@skive.dk", "Dorte Deaktiveret",
                List.of("dataanalytiker"), "29189994"));

        assertThat(refused.last().uri().getPath()).isEqualTo("/login");
        assertThat(refused.last().uri().getQuery()).isEqualTo("oidc-fejl");
        String page = Jsoup.parse(refused.last().body()).text();
        assertThat(page).contains("Log ind via organisationens login lykkedes ikke").doesNotContain("Dorte Deaktiveret");
        // nothing the refused login claimed is applied, and only the first login counts as one
        assertThat(users.find(account.id()).orElseThrow().roles()).containsExactly(Role.STAFF);
        assertThat(auditOf(AuditKind.LOGIN_SUCCEEDED, "dorte.oidc@skive.dk")).hasSize(1);
        assertThat(auditOf(AuditKind.LOGIN_FAILED, "dorte.oidc@skive.dk")).singleElement()
                .extracting(AuditEntry::actorId).isEqualTo(account.id());
        assertThat(audit.search(new AuditLog.Filter(AuditKind.LOGIN_FAILED, null, null, null), 1, 100).items())
                .as("every failed login names why, none is noise of the password login")
                .allMatch(entry -> entry.details().startsWith("OpenID Connect: "));
    }

    @Test
    void staffOfAnUnknownOrganisationIsRefused() throws Exception {
        Journey refused = logIn(claims("oidc-unknown-organisation", "ukendt.oidc@example.dk", "Uffe Ukendt",
                List.of("STAFF"), "Ukendt Kommune"));

        assertThat(refused.last().uri().getPath()).isEqualTo("/login");
        assertThat(refused.last().uri().getQuery()).isEqualTo("oidc-fejl");
        assertThat(users.findByOidc(issuer(), "oidc-unknown-organisation")).isEmpty();
        assertThat(users.findByLogin("ukendt.oidc@example.dk")).isEmpty();
        assertThat(auditOf(AuditKind.LOGIN_FAILED, "ukendt.oidc@example.dk")).singleElement()
                .extracting(AuditEntry::details).asString().contains("STAFF", "Ukendt Kommune");
    }

    // --- the browser ---

    record Journey(List<URI> visited, HttpResponse<String> last) {}

    /** Logs in with a fresh browser (its own cookies), following every redirect by hand. */
    Journey logIn(DefaultOAuth2TokenCallback tokenClaims) throws IOException, InterruptedException {
        provider.enqueueCallback(tokenClaims);
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<URI> visited = new ArrayList<>();
        URI next = URI.create("http://localhost:" + port + "/oauth2/authorization/oidc");
        for (int hop = 0; hop < 10; hop++) {
            visited.add(next);
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                return new Journey(visited, response);
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        throw new AssertionError("too many redirects: " + visited);
    }

    static DefaultOAuth2TokenCallback claims(String subject, String email, String name, List<String> roles,
            String organisation) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", true);
        claims.put("name", name);
        claims.put("roles", roles);
        claims.put("organisation", organisation);
        return new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600);
    }

    String issuer() {
        return provider.issuerUrl(ISSUER_ID).toString();
    }

    Organisation organisation(String name, Sector sector, String cvr) {
        return organisations.findByName(name).orElseGet(
                () -> organisations.create(new OrganisationDetails(name, sector, Region.MIDTJYLLAND, cvr),
                        Actor.SYSTEM));
    }

    List<AuditEntry> auditOf(AuditKind kind, String subject) {
        return audit.search(new AuditLog.Filter(kind, null, null, null), 1, 1000).items().stream()
                .filter(entry -> subject.equals(entry.subject()))
                .toList();
    }
}
