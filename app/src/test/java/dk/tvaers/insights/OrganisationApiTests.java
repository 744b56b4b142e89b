package dk.tvaers.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.ApiClients;
import dk.tvaers.accounts.ApiScope;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API's read scope (issue 15, ADR 0045): a client with {@code initiatives.read} reads its own organisation's
 * initiatives — owned, or as a member organisation — with what the open data leaves out, and nothing of another
 * organisation's; without the scope, without a token or as a signed-in person of the web pages it is refused; every
 * call, refused ones too, is one audit row.
 */
@IntegrationTest
class OrganisationApiTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/egne/initiativer";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients clients;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Test
    void aClientReadsItsOwnOrganisationsInitiativesWithTheirNonPublicFieldsAndNoOneElses() throws Exception {
        long mine = organisation("Egen kommune");
        long other = organisation("Anden kommune");
        long owned = initiative("Eget initiativ", "Intern beskrivelse af forløbet", mine);
        initiatives.movePhase(owned, Phase.USEFUL, "Virker i to distrikter", new Actor(null, "Konsulent Karin"));
        long joined = initiative("Fælles initiativ", "Vi er partner", other);
        jdbc.sql("""
                INSERT INTO initiative_member (initiative_id, organisation_id, role, added_by_name)
                VALUES (:initiative, :organisation, 'PARTICIPANT', 'Test')""")
                .param("initiative", joined).param("organisation", mine).update();
        long foreign = initiative("Andres initiativ", "Hemmelig for andre", other);

        var issued = clients.create("Ledelsesinformation", mine, Set.of(ApiScope.INITIATIVES_READ), Actor.SYSTEM);
        String token = token(issued.client().clientId(), issued.secret(), "initiatives.read");
        var response = mvc.perform(get(PATH).param("efter", String.valueOf(owned - 1))
                .header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("no-store").contains("private");
        JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.path("organisation").asLong()).isEqualTo(mine);
        List<Long> ids = new ArrayList<>();
        body.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        assertThat(ids).containsExactly(owned, joined).doesNotContain(foreign);

        JsonNode first = body.path("items").get(0);
        assertThat(first.path("summary").asText()).isEqualTo("Intern beskrivelse af forløbet");
        assertThat(first.path("part").asText()).isEqualTo("OWNER");
        assertThat(first.path("phase").asText()).isEqualTo("USEFUL");
        assertThat(first.path("owner_organisation").asText()).startsWith("Egen kommune");
        assertThat(first.path("phases")).hasSize(2);
        assertThat(first.path("phases").get(1).path("note").asText()).isEqualTo("Virker i to distrikter");
        assertThat(body.path("items").get(1).path("part").asText()).isEqualTo("PARTICIPANT");
        // never a person: not who moved the phase
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Konsulent Karin");

        assertThat(jdbc.sql("""
                SELECT details FROM audit_event WHERE kind = 'API_CALL' AND actor = :actor AND subject = :subject""")
                .param("actor", "API: " + issued.client().clientId()).param("subject", "GET " + PATH)
                .query(String.class).list())
                .containsExactly("client=" + issued.client().clientId() + " organisation=" + mine + " status=200");
    }

    @Test
    void pagesFollowTheirNextLinkThroughTheOrganisationsInitiatives() throws Exception {
        long mine = organisation("Paged region");
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(initiative("Side " + i, "", mine));
        }
        var issued = clients.create("Sider", mine, Set.of(ApiScope.INITIATIVES_READ), Actor.SYSTEM);
        String token = token(issued.client().clientId(), issued.secret(), "initiatives.read");
        String url = PATH + "?antal=2";
        List<Long> seen = new ArrayList<>();
        int pages = 0;
        while (url != null && pages < 5) {
            JsonNode body = JSON.readTree(mvc.perform(get(url).header("Authorization", "Bearer " + token)).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8));
            body.path("items").forEach(item -> seen.add(item.path("id").asLong()));
            url = body.path("next").isNull() ? null : body.path("next").asText();
            pages++;
        }
        assertThat(seen).containsExactlyElementsOf(made);
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void withoutTheScopeWithoutATokenOrAsAWebUserTheReadIsRefusedAndTheClientsCallAudited() throws Exception {
        long mine = organisation("Uden scope");
        initiative("Ikke for skrivere", "Hemmelig", mine);
        var writer = clients.create("Kun skriver", mine, Set.of(ApiScope.REGISTRATIONS_WRITE), Actor.SYSTEM);
        String token = token(writer.client().clientId(), writer.secret(), "registrations.write");
        MockHttpServletResponse refused = mvc.perform(get(PATH).header("Authorization", "Bearer " + token)).andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).doesNotContain("Hemmelig");
        // a token cannot even be asked for a scope the client does not hold
        assertThat(tokenRequest(writer.client().clientId(), writer.secret(), "initiatives.read").getStatus())
                .isEqualTo(400);
        assertThat(mvc.perform(get(PATH)).andReturn().getResponse().getStatus()).isEqualTo(401);
        long user = users.create(new UserAttributes("egne-" + System.nanoTime() + "@test.tvaers.dk", "Medarbejder",
                mine, EnumSet.of(Role.STAFF)), "Rolig-Rød-Cykel-1", false, Actor.SYSTEM);
        var staff = AccountPrincipal.of(users.find(user).orElseThrow());
        int asWebUser = mvc.perform(get(PATH).with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities())))).andReturn()
                .getResponse().getStatus();
        assertThat(asWebUser).isIn(401, 403);
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE kind = 'API_CALL' AND actor = :actor")
                .param("actor", "API: " + writer.client().clientId()).query(String.class).list())
                .containsExactly("client=" + writer.client().clientId() + " organisation=" + mine + " status=403");
    }

    private long organisation(String name) {
        return organisations.create(new OrganisationDetails(name + " " + System.nanoTime(), Sector.MUNICIPALITY,
                Region.SYDDANMARK, null), Actor.SYSTEM).id();
    }

    private long initiative(String title, String summary, long owner) {
        return initiatives.start(new NewInitiative(title, summary, InitiativeKind.PROJECT, InnovationType.EVERYDAY,
                owner, EnumSet.of(Sector.MUNICIPALITY), null), Actor.SYSTEM);
    }

    private String token(String clientId, String secret, String scope) throws Exception {
        var response = tokenRequest(clientId, secret, scope);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString()).path("access_token").asText();
    }

    private MockHttpServletResponse tokenRequest(String clientId, String secret, String scope) throws Exception {
        return mvc.perform(post("/oauth2/token").with(httpBasic(clientId, secret))
                .param("grant_type", "client_credentials").param("scope", scope)
                .with(request -> {
                    request.setRemoteAddr("10.91.0." + (1 + Math.floorMod(clientId.hashCode(), 200)));
                    return request;
                })).andReturn().getResponse();
    }
}
