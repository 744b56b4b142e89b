package dk.tvaers.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.ApiClients;
import dk.tvaers.accounts.ApiScope;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.registrations.RegistrationFixtures;
import dk.tvaers.registrations.RegistrationImport;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Contract tests (ADR 0039): the API is called and every answer is checked against the schema its own OpenAPI
 * description (generated at {@code /api/openapi}) gives for that path and status, with {@link SchemaCheck}; the security
 * scheme and the scopes of the write and read endpoints are described as the chains enforce them (a path that needs a
 * scope is called with a token of it); the texts come in Danish and English.
 */
@IntegrationTest
class ApiContractTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    Ideas ideas;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiClients clients;

    @Autowired
    Schemes schemes;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Test
    void everyReadPathOfTheDescriptionAnswersAsItsSchemaSays() throws Exception {
        long idea = ideas.submit(new NewIdea("Kontrakt-idé " + System.nanoTime(), "Problem", "Forslag", "Patienter",
                EnumSet.of(Sector.REGION), InnovationType.EVERYDAY, Region.MIDTJYLLAND, false, List.of()),
                Submitter.anonymous("Borger Bent", "bent@kontrakt.test"));
        jdbc.sql("UPDATE idea SET status = 'SUBMITTED' WHERE id = :id").param("id", idea).update();
        // a client's own organisation with an initiative, for the paths that need a token (read scopes)
        long organisation = organisations.create(new OrganisationDetails("Kontrakt-kommune " + System.nanoTime(),
                Sector.MUNICIPALITY, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long initiative = initiatives.start(new NewInitiative("Kontrakt-initiativ", "Resumé", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, organisation, EnumSet.of(Sector.MUNICIPALITY), null), Actor.SYSTEM);
        initiatives.movePhase(initiative, Phase.USEFUL, null, Actor.SYSTEM);
        JsonNode description = description("");
        var check = new SchemaCheck(description);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        int secured = 0;
        int rows = 0;
        for (Iterator<String> names = description.path("paths").fieldNames(); names.hasNext(); ) {
            String path = names.next();
            JsonNode operation = description.path("paths").path(path).path("get");
            if (operation.isMissingNode() || path.contains("{") || !path.startsWith("/api/v1")) {
                continue;
            }
            boolean paged = operation.path("parameters").findValuesAsText("name").contains("antal");
            String url = path + (paged ? "?efter=" + (path.endsWith("/ideer") ? idea - 1 : 0) + "&antal=3" : "");
            var request = get(url);
            if (operation.path("security").size() > 0) {
                List<String> needed = new ArrayList<>();
                operation.path("security").get(0).path("oauth2").forEach(scope -> needed.add(scope.asText()));
                request.header("Authorization", "Bearer " + token(organisation, needed));
                secured++;
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            JsonNode schema = operation.path("responses").path(String.valueOf(response.getStatus())).path("content")
                    .path("application/json").path("schema");
            if (schema.isMissingNode()) {
                problems.add("GET " + url + " → " + response.getStatus() + ", which the description does not list");
                continue;
            }
            JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            check.validate(schema, body, "GET " + url, problems);
            rows += body.path("items").size();
            checked++;
        }
        assertThat(problems).as("answers that break the description").isEmpty();
        assertThat(checked).as("read paths called").isGreaterThanOrEqualTo(10);
        assertThat(secured).as("read paths called with a token of their scope").isGreaterThanOrEqualTo(1);
        assertThat(rows).as("rows checked").isGreaterThan(0);

        // the check can fail: the same idea page with a field its schema does not name (a submitter's e-mail) is refused
        JsonNode page = JSON.readTree(mvc.perform(get("/api/v1/ideer?efter=" + (idea - 1) + "&antal=1")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        ((ObjectNode) page.path("items").get(0)).put("email", "bent@kontrakt.test");
        List<String> refused = new ArrayList<>();
        check.validate(description.at("/paths/~1api~1v1~1ideer/get/responses/200/content/application~1json/schema"),
                page, "tampered", refused);
        assertThat(refused).singleElement().asString().contains("email");

        // and the organisation's own initiatives with the name of who moved a phase (a person) is refused too
        JsonNode own = JSON.readTree(mvc.perform(get("/api/v1/egne/initiativer").header("Authorization", "Bearer "
                + token(organisation, List.of("initiatives.read")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        ((ObjectNode) own.path("items").get(0).path("phases").get(1)).put("by_name", "Konsulent Karin");
        List<String> person = new ArrayList<>();
        check.validate(description.at("/paths/~1api~1v1~1egne~1initiativer/get/responses/200/content/application~1json/schema"),
                own, "tampered", person);
        assertThat(person).singleElement().asString().contains("by_name");
    }

    @Test
    void theReadEndpointIsDescribedWithItsScope() throws Exception {
        JsonNode operation = description("").at("/paths/~1api~1v1~1egne~1initiativer/get");
        assertThat(operation.path("security").get(0).path("oauth2").get(0).asText()).isEqualTo("initiatives.read");
        assertThat(operation.path("responses").has("200")).isTrue();
        assertThat(operation.path("responses").has("401")).isTrue();
        assertThat(operation.path("responses").has("403")).isTrue();
        assertThat(operation.path("parameters").findValuesAsText("name")).contains("efter", "antal");
        assertThat(mvc.perform(get("/api/v1/egne/initiativer")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    private String token(long organisation, List<String> scopes) throws Exception {
        var issued = clients.create("Kontrakt-læser", organisation,
                scopes.stream().map(scope -> ApiScope.ofValue(scope).orElseThrow())
                        .collect(java.util.stream.Collectors.toSet()), Actor.SYSTEM);
        var response = mvc.perform(post("/oauth2/token").with(httpBasic(issued.client().clientId(), issued.secret()))
                .param("grant_type", "client_credentials").param("scope", String.join(" ", scopes))
                .with(r -> {
                    r.setRemoteAddr("10.93.0." + (1 + Math.floorMod(issued.client().clientId().hashCode(), 200)));
                    return r;
                })).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString()).path("access_token").asText();
    }

    @Test
    void theWriteEndpointIsDescribedWithItsScopeAndAnswersAsDescribed() throws Exception {
        JsonNode description = description("");
        JsonNode scheme = description.at("/components/securitySchemes/oauth2");
        assertThat(scheme.path("type").asText()).isEqualTo("oauth2");
        assertThat(scheme.at("/flows/clientCredentials/tokenUrl").asText()).isEqualTo("/oauth2/token");
        assertThat(scheme.at("/flows/clientCredentials/scopes").fieldNames()).toIterable()
                .containsExactly("registrations.write", "initiatives.read");
        JsonNode operation = description.at("/paths/~1api~1v1~1registrations/post");
        assertThat(operation.path("security").get(0).path("oauth2").get(0).asText()).isEqualTo("registrations.write");

        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        var issued = clients.create("Kontrakt", made.units().getFirst(), Set.of(ApiScope.REGISTRATIONS_WRITE),
                Actor.SYSTEM);
        String token = JSON.readTree(mvc.perform(post("/oauth2/token").with(httpBasic(issued.client().clientId(),
                        issued.secret())).param("grant_type", "client_credentials").param("scope", "registrations.write"))
                .andReturn().getResponse().getContentAsString()).path("access_token").asText();
        String body = RegistrationImport.HEADER + "\n" + made.code() + ",1,U0,k1,2024-01-10,START,SCREEN,ja\n";
        int accepted = mvc.perform(post("/api/v1/registrations").header("Authorization", "Bearer " + token)
                .contentType("text/csv").content(body)).andReturn().getResponse().getStatus();
        int anonymous = mvc.perform(post("/api/v1/registrations").contentType("text/csv").content(body)).andReturn()
                .getResponse().getStatus();
        assertThat(List.of(accepted, anonymous)).containsExactly(200, 401);
        assertThat(operation.path("responses").has("200")).isTrue();
        assertThat(operation.path("responses").has("401")).isTrue();
        assertThat(operation.path("responses").has("403")).isTrue();
    }

    @Test
    void theDescriptionIsInDanishAndInEnglishAndHasItsUi() throws Exception {
        JsonNode danish = description("");
        JsonNode english = description("?lang=en");
        JsonNode danishAgain = description("?lang=da");
        assertThat(danish.at("/info/description").asText()).contains("Åbne data");
        assertThat(english.at("/info/description").asText()).contains("Open data");
        assertThat(danishAgain.at("/info/description").asText()).as("not cached in the other language")
                .contains("Åbne data");
        assertThat(danish.at("/paths/~1api~1v1~1ideer/get/parameters/0/description").asText()).contains("forrige side");
        assertThat(english.at("/paths/~1api~1v1~1ideer/get/parameters/0/description").asText())
                .contains("previous page");
        assertThat(danish.at("/components/securitySchemes/oauth2/description").asText()).contains("Administratoren");
        assertThat(english.at("/components/securitySchemes/oauth2/description").asText()).contains("administrator");
        assertThat(danish.toString()).doesNotContain("api.doc.");
        assertThat(english.toString()).doesNotContain("api.doc.");

        var ui = mvc.perform(get("/api/dokumentation")).andReturn().getResponse();
        assertThat(ui.getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get(ui.getRedirectedUrl())).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private JsonNode description(String query) throws Exception {
        var response = mvc.perform(get("/api/openapi" + query)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
