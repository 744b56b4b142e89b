package dk.tvaers.registrations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.ApiCaller;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.registrations.Pro;
import dk.tvaers.registrations.RegistrationFixtures;
import dk.tvaers.registrations.RegistrationImport;
import dk.tvaers.registrations.Registrations;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.shared.Role;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages through the real security chain: a professional opens a course and registers start and end, the citizen
 * answers the PRO link and is triaged red, the unit's triage list shows it; the benchmark page; the file import
 * refused with its line; another unit's professional gets 404; the API takes only the scope registrations.write.
 */
@IntegrationTest
class RegistrationPagesTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Schemes schemes;

    @Autowired
    Registrations registrations;

    @Autowired
    Pro pro;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProfessionalRegistersACourseAndTheCitizensRedAnswerReachesTheTriageList() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A", "A");
        var physio = user(made.units().getFirst(), Role.STAFF);
        var stranger = user(made.units().get(1), Role.STAFF);

        String location = mvc.perform(post("/registreringer/nyt-forloeb").with(csrf()).with(authentication(physio))
                        .param("schemeId", String.valueOf(made.schemeId())).param("personRef", "web1")
                        .param("startDate", "2024-03-01"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/registreringer/forloeb/");
        long course = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Document form = page(get(location + "/start").with(authentication(physio)));
        assertThat(form.select("input[name=v_WATT]")).hasSize(1);
        assertThat(form.select("input[type=radio][name=v_SCREEN]")).hasSize(2);

        // out of range: the form again, with what was typed and the error at its field
        Document refused = page(post(location + "/start").with(csrf()).with(authentication(physio))
                .param("v_SCREEN", "ja").param("v_WATT", "450").param("handling", "gem"));
        assertThat(refused.select(".tvaers-error-summary a[href=#WATT]").text()).contains("Fysisk arbejdskapacitet")
                .contains("Skriv et tal fra 0 til 400 W.");
        assertThat(refused.select("input[name=v_WATT]").val()).isEqualTo("450");

        assertThat(status(post(location + "/start").with(csrf()).with(authentication(physio))
                .param("v_SCREEN", "ja").param("v_WATT", "112,5").param("handling", "gem"))).isEqualTo(302);
        assertThat(status(post(location + "/slut").with(csrf()).with(authentication(physio))
                .param("v_WATT", "130").param("v_SESSIONS", "18").param("handling", "gem"))).isEqualTo(302);
        Document coursePage = page(get(location).with(authentication(physio)));
        assertThat(coursePage.select(".badge-success")).hasSize(2);
        assertThat(coursePage.text()).contains("112.5 W");
        assertThat(status(get(location).with(authentication(stranger)))).isEqualTo(404);
        assertThat(status(get(location + "/start").with(authentication(stranger)))).isEqualTo(404);

        // the PRO link: made by the professional, answered without an account
        long q = RegistrationFixtures.questionnaire(pro, made.schemeId());
        var linkFlash = mvc.perform(post(location + "/pro-link").with(csrf()).with(authentication(physio))
                .param("questionnaire", String.valueOf(q))).andReturn().getFlashMap().get("flash");
        String link = ((dk.tvaers.platform.web.Flash) linkFlash).argument();
        String token = link.substring(link.indexOf("noegle=") + "noegle=".length());
        Document questionnaire = page(get("/pro").param("noegle", token));
        assertThat(questionnaire.select("fieldset")).hasSize(6);
        Document missing = page(post("/pro").with(csrf()).param("noegle", token).param("i_MOBILITY", "1"));
        assertThat(missing.select(".tvaers-error-summary li")).hasSize(5);
        Document thanks = page(post("/pro").with(csrf()).param("noegle", token).param("i_MOBILITY", "2")
                .param("i_SELFCARE", "1").param("i_ACTIVITIES", "3").param("i_PAIN", "2").param("i_ANXIETY", "5")
                .param("i_EXPERIENCE", "4"));
        assertThat(thanks.select(".alert-warning")).hasSize(1);
        assertThat(page(get("/pro").param("noegle", token)).select("h1").text()).isEqualTo("Linket virker ikke");

        Document triage = page(get("/registreringer/triage").with(authentication(physio)));
        assertThat(triage.select(".tvaers-triage-case").text()).contains("web1").contains("Rød");
        assertThat(page(get("/registreringer/triage").with(authentication(stranger))).text()).doesNotContain("web1");
        long caseId = jdbc.sql("SELECT id FROM triage_case WHERE course_id = :c").param("c", course)
                .query(Long.class).single();
        assertThat(status(post("/registreringer/triage/" + caseId).with(csrf()).with(authentication(stranger))
                .param("handling", "x"))).isEqualTo(404);
        assertThat(status(post("/registreringer/triage/" + caseId).with(csrf()).with(authentication(physio))
                .param("handling", "Ringet op"))).isEqualTo(302);
        assertThat(page(get("/registreringer/triage").with(authentication(physio))).select(".tvaers-triage-case"))
                .isEmpty();

        // the shared page
        var shareFlash = mvc.perform(post(location + "/del").with(csrf()).with(authentication(physio)))
                .andReturn().getFlashMap().get("flash");
        String shareLink = ((dk.tvaers.platform.web.Flash) shareFlash).argument();
        Document shared = page(get("/mit-forloeb").param("noegle",
                shareLink.substring(shareLink.indexOf("noegle=") + "noegle=".length())));
        assertThat(shared.text()).contains("130 W").contains("Hjerterehabilitering");
    }

    @Test
    void theBenchmarkPageShowsTheUnitAgainstClusterAndRegionAndAnImportWithABadLineIsRefusedWithIt()
            throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A", "A");
        var physio = user(made.units().getFirst(), Role.STAFF);
        var analyst = user(organisations.create(new dk.tvaers.accounts.OrganisationDetails("Region "
                + System.nanoTime(), dk.tvaers.shared.Sector.REGION, dk.tvaers.shared.Region.MIDTJYLLAND, null),
                Actor.SYSTEM).id(), Role.ANALYST);
        var file = new StringBuilder(RegistrationImport.HEADER + "\n");
        for (int i = 0; i < 6; i++) {
            file.append(made.code()).append(",1,U0,bm").append(i).append(",2024-01-10,START,SCREEN,")
                    .append(i < 4 ? "ja" : "nej").append('\n');
        }
        assertThat(mvc.perform(multipart("/registreringer/skemaer/" + made.schemeId() + "/import")
                .file(new MockMultipartFile("fil", "ok.csv", "text/csv", bytes(file.toString())))
                .with(csrf()).with(authentication(physio))).andReturn().getResponse().getStatus()).isEqualTo(302);
        Document benchmark = page(get("/registreringer/skemaer/" + made.schemeId()).with(authentication(physio)));
        assertThat(benchmark.select("table.tvaers-benchmark tbody tr").first().text()).contains("67 %")
                .contains("4 af 6");
        assertThat(benchmark.text()).contains("Komplethed pr. tidspunkt");

        String bad = RegistrationImport.HEADER + "\n" + made.code() + ",1,U0,bad1,2024-01-10,START,SCREEN,ja\n"
                + made.code() + ",1,U0,bad2,2024-13-10,START,SCREEN,ja\n";
        Document refused = page(multipart("/registreringer/skemaer/" + made.schemeId() + "/import")
                .file(new MockMultipartFile("fil", "bad.csv", "text/csv", bytes(bad)))
                .with(csrf()).with(authentication(physio)));
        assertThat(refused.select(".alert-error li").text()).isEqualTo(
                "Linje 3, course_start: Skriv en dato som ÅÅÅÅ-MM-DD.");
        // another unit's line: a professional imports only for their own unit
        String otherUnit = RegistrationImport.HEADER + "\n" + made.code() + ",1,U1,x1,2024-01-10,START,SCREEN,ja\n";
        assertThat(page(multipart("/registreringer/skemaer/" + made.schemeId() + "/import")
                .file(new MockMultipartFile("fil", "other.csv", "text/csv", bytes(otherUnit)))
                .with(csrf()).with(authentication(physio))).select(".alert-error li").text()).contains("Linje 2");

        var export = mvc.perform(get("/registreringer/skemaer/" + made.schemeId() + "/registrations.csv")
                .with(authentication(analyst))).andReturn().getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.getContentAsString()).startsWith("person_id,registration_date,measure,score");
        var outsider = user(organisations.create(new dk.tvaers.accounts.OrganisationDetails("Udenfor "
                + System.nanoTime(), dk.tvaers.shared.Sector.MUNICIPALITY, dk.tvaers.shared.Region.MIDTJYLLAND, null),
                Actor.SYSTEM).id(), Role.STAFF);
        assertThat(status(get("/registreringer/skemaer/" + made.schemeId()).with(authentication(outsider))))
                .isEqualTo(404);
    }

    @Test
    void theApiTakesTheScopeAndRefusesAnonymousAndSignedInUsers() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        String body = RegistrationImport.HEADER + "\n" + made.code() + ",1,U0,api1,2024-01-10,START,SCREEN,ja\n";
        String bad = RegistrationImport.HEADER + "\n" + made.code() + ",1,U0,api2,2024-01-10,START,SCREEN,kanske\n";

        var anonymous = mvc.perform(post("/api/v1/registrations").with(csrf()).contentType("text/csv")
                .content(body)).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isIn(302, 401, 403);
        var staff = mvc.perform(post("/api/v1/registrations").with(csrf()).contentType("text/csv").content(body)
                .with(authentication(user(made.units().getFirst(), Role.STAFF)))).andReturn().getResponse();
        assertThat(staff.getStatus()).isEqualTo(403);
        var otherScope = mvc.perform(post("/api/v1/registrations").with(csrf()).contentType("text/csv").content(body)
                .with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_insights.read")))).andReturn().getResponse();
        assertThat(otherScope.getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_course WHERE scheme_id = :s")
                .param("s", made.schemeId()).query(Long.class).single()).isZero();

        var accepted = mvc.perform(post("/api/v1/registrations").with(csrf()).contentType("text/csv").content(body)
                .with(jwt().jwt(token -> token.claim(ApiCaller.ORGANISATION_CLAIM, made.units().getFirst()))
                        .authorities(new SimpleGrantedAuthority("SCOPE_registrations.write"))))
                .andReturn().getResponse();
        assertThat(accepted.getStatus()).isEqualTo(200);
        assertThat(accepted.getContentAsString()).contains("\"rows\":1");
        var refused = mvc.perform(post("/api/v1/registrations").with(csrf()).contentType("text/csv").content(bad)
                .with(jwt().jwt(token -> token.claim(ApiCaller.ORGANISATION_CLAIM, made.units().getFirst()))
                        .authorities(new SimpleGrantedAuthority("SCOPE_registrations.write"))))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"line\":2")
                .contains("Vælg ja eller nej.");
        assertThat(registrations.courses(made.units().getFirst(), new Registrations.Filter(null, null, null), null,
                RegistrationFixtures.staffOf(made.units().getFirst()), 1, 20).items()).hasSize(1);
    }

    private UsernamePasswordAuthenticationToken user(Long organisation, Role role) {
        int n = SEQUENCE.incrementAndGet();
        long id = users.create(new UserAttributes("reg-" + n + "-" + System.nanoTime() + "@test.tvaers.dk",
                "Fysioterapeut " + n, organisation, EnumSet.of(role)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getErrorMessage()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
