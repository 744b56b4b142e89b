package dk.tvaers.applications.web;

import static dk.tvaers.applications.ApplicationFixtures.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.applications.ApplicationFixtures;
import dk.tvaers.applications.Applications;
import dk.tvaers.applications.Consortia;
import dk.tvaers.applications.Decisions;
import dk.tvaers.applications.Outcome;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.funding.Funding;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Who sees an application's pages, attachments through the form, and the decision letter's download. */
@IntegrationTest
class ApplicationPagesTests {

    private static final String EARLY = "Projektet skal starte før sommerferien";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Autowired
    Challenges challenges;

    @Autowired
    Funding funding;

    @Autowired
    Consortia consortia;

    @Autowired
    Applications applications;

    @Autowired
    Decisions decisions;

    ApplicationFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ApplicationFixtures(organisations, users, challenges, funding, consortia, applications);
    }

    @Test
    void onlyThePeopleOfTheConsortiumSeeADraftAndAnAssignedConsultantIsOneOfThem() {
        long hospital = fixtures.organisation("Regionshospitalet", Sector.REGION);
        Actor writer = fixtures.user(hospital, Role.STAFF);
        Actor consultant = fixtures.user(fixtures.organisation("Innovation", Sector.REGION), Role.INNOVATION_CONSULTANT);
        Actor outsider = fixtures.user(fixtures.organisation("Anden kommune", Sector.MUNICIPALITY), Role.STAFF);
        Actor taskForce = fixtures.user(fixtures.organisation("Regionen", Sector.REGION), Role.TASK_FORCE);
        long consortium = consortia.create("Tryg hjemme", hospital, writer.id(), writer);
        consortia.addMember(consortium, fixtures.organisation("Kommune", Sector.MUNICIPALITY));
        long application = applications.start(consortium, fixtures.challenge(null), writer);
        String page = "/ansoegninger/" + application;

        assertThat(mvc.get().uri(page).with(as(writer))).hasStatusOk().bodyText().contains("Kladde")
                .as("the versions' totals are aligned right with DKFDS's own class")
                .containsPattern("<table[^>]*data-versions[\\s\\S]*<th scope=\"col\" class=\"align-text-right\">")
                .doesNotContain("text-align-right")
                .as("the shared table fragment draws the page's own rows")
                .containsPattern("<table[^>]*data-versions[\\s\\S]*<tbody>\\s*<tr>\\s*<td><a href=\"/ansoegninger/\\d+/versioner/1\"");
        assertThat(mvc.get().uri(page).with(as(outsider))).hasStatus(404);
        assertThat(mvc.get().uri(page).with(as(taskForce))).hasStatus(404);
        assertThat(mvc.get().uri(page).with(as(consultant))).hasStatus(404);
        assertThat(mvc.get().uri("/konsortier/" + consortium).with(as(outsider))).hasStatus(404);

        consortia.assignConsultant(consortium, fixtures.login(consultant));
        assertThat(mvc.get().uri(page).with(as(consultant))).hasStatusOk();
        assertThat(mvc.get().uri(page + "/rediger").with(as(consultant))).as("a consultant sees, the consortium writes")
                .hasStatus(404);
        assertThat(mvc.get().uri(page).with(as(outsider))).hasStatus(404);
    }

    @Test
    void anAttachmentIsCheckedByItsContentKeptWithTheDraftAndDownloaded() {
        long hospital = fixtures.organisation("Regionshospitalet", Sector.REGION);
        Actor writer = fixtures.user(hospital, Role.STAFF);
        long consortium = consortia.create("Tryg hjemme", hospital, writer.id(), writer);
        long application = applications.start(consortium, fixtures.challenge(null), writer);
        String form = "/ansoegninger/" + application + "/rediger";
        byte[] pdf = "%PDF-1.4\n% budgetbilag\n".getBytes(StandardCharsets.US_ASCII);

        var refused = mvc.post().uri(form).multipart().with(csrf()).with(as(writer))
                .file(new MockMultipartFile("attachments", "budget.pdf", "application/pdf",
                        "MZ this is a program".getBytes(StandardCharsets.US_ASCII)))
                .param("title", "Hjemmemonitorering").param("action", "gem").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("data-error-summary")
                .contains("Filen budget.pdf er ikke en PDF").contains("Hjemmemonitorering");
        assertThat(applications.version(application, 1).attachments()).isEmpty();

        var saved = mvc.post().uri(form).multipart().with(csrf()).with(as(writer))
                .file(new MockMultipartFile("attachments", "budget.pdf", "application/octet-stream", pdf))
                .param("title", "Hjemmemonitorering").param("budget[0].year", "2026")
                .param("budget[0].organisationId", String.valueOf(hospital)).param("budget[0].amount", "250.000")
                .param("action", "gem").exchange();
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl(form);
        var version = applications.version(application, 1);
        assertThat(version.title()).isEqualTo("Hjemmemonitorering");
        assertThat(version.total().ore()).isEqualTo(25_000_000L);
        assertThat(version.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("budget.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
        });

        var download = mvc.get().uri("/ansoegninger/" + application + "/bilag/" + version.attachments().getFirst().id())
                .with(as(writer)).exchange();
        assertThat(download).hasStatusOk().hasContentType("application/pdf")
                .hasHeader("X-Content-Type-Options", "nosniff");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
    }

    @Test
    void theDecisionLetterIsDownloadedFromTheApplicationPage() throws Exception {
        long hospital = fixtures.organisation("Regionshospitalet", Sector.REGION);
        long municipality = fixtures.organisation("Kommune", Sector.MUNICIPALITY);
        Actor writer = fixtures.user(hospital, Role.STAFF);
        long consortium = consortia.create("Tryg hjemme", hospital, writer.id(), writer);
        consortia.addMember(consortium, municipality);
        long application = applications.start(consortium, fixtures.challenge(fixtures.pool(1_000_000)), writer);
        applications.saveDraft(application, content("Hjemmemonitorering", hospital, municipality), List.of(), writer);
        applications.submit(application, writer);
        decisions.decide(application, Outcome.REJECTED, null, "Effekten er ikke sandsynliggjort", List.of(),
                EARLY, ApplicationFixtures.TASK_FORCE);

        assertThat(mvc.get().uri("/ansoegninger/" + application).with(as(writer))).hasStatusOk().bodyText()
                .contains("Afslået").contains("afgoerelsesbrev.pdf");
        var letter = mvc.get().uri("/ansoegninger/" + application + "/afgoerelsesbrev.pdf").with(as(writer)).exchange();
        assertThat(letter).hasStatusOk().hasContentType("application/pdf");
        assertThat(new String(letter.getResponse().getContentAsByteArray(), 0, 4, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF");
    }

    private RequestPostProcessor as(Actor actor) {
        return user(AccountPrincipal.of(users.find(actor.id()).orElseThrow()));
    }

}
