package dk.tvaers.initiatives.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.InitiativeDocuments;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.LaboratoryPriorities;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The member, document and priority forms through the real security chain. */
@IntegrationTest
class InitiativeMembersPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Initiatives initiatives;

    @Autowired
    InitiativeMembers members;

    @Autowired
    InitiativeDocuments documents;

    @Autowired
    LaboratoryPriorities priorities;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Test
    void theOwnersStaffAddsAMemberAndAnotherOrganisationsStaffIsRefused() {
        Organisation owner = anOrganisation(Sector.REGION);
        Organisation other = anOrganisation(Sector.MUNICIPALITY);
        long project = aProject(owner);

        var refused = mvc.post().uri("/initiativer/" + project + "/medlemmer").with(csrf())
                .with(as(other, Role.STAFF)).param("organisationId", String.valueOf(other.id()))
                .param("role", "PARTICIPANT");
        assertThat(refused).hasStatus(403);
        assertThat(members.of(project)).isEmpty();

        var both = mvc.post().uri("/initiativer/" + project + "/medlemmer").with(csrf())
                .with(as(owner, Role.STAFF)).param("organisationId", String.valueOf(other.id()))
                .param("person", "nogen@example.dk").param("role", "PARTICIPANT");
        assertThat(both).hasStatusOk().bodyText().contains("data-error-summary",
                "Vælg enten en organisation eller en person – ikke begge.");

        var added = mvc.post().uri("/initiativer/" + project + "/medlemmer").with(csrf())
                .with(as(owner, Role.STAFF)).param("organisationId", String.valueOf(other.id()))
                .param("role", "PARTICIPANT");
        assertThat(added).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/initiativer/" + project).with(as(owner, Role.STAFF))).hasStatusOk().bodyText()
                .contains(other.name(), "Deltager", "Tilføj medlemmet", "Læg dokumentet op")
                // the phases as a stepper (issue 11, item 17): a new project stands at Nyt
                .contains("<ol class=\"tvaers-stepper\" aria-label=\"Initiativets faser\">")
                .containsPattern("aria-current=\"step\">\\s*<span class=\"sr-only\">Her nu:</span>\\s*<span>Nyt</span>");
        assertThat(mvc.get().uri("/initiativer/" + project).with(as(anOrganisation(Sector.REGION), Role.STAFF)))
                .hasStatusOk().bodyText().contains(other.name()).doesNotContain("Tilføj medlemmet")
                .doesNotContain("Læg dokumentet op");
    }

    @Test
    void aRefusedDocumentSaysWhyInDanishAndAnAcceptedOneDownloadsWithItsType() {
        Organisation owner = anOrganisation(Sector.REGION);
        long project = aProject(owner);

        var wrongType = mvc.post().uri("/initiativer/" + project + "/dokumenter").with(csrf())
                .with(as(owner, Role.STAFF)).multipart()
                .file(new MockMultipartFile("file", "plan.pdf", "application/pdf",
                        "ikke en pdf".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrongType).hasStatusOk().bodyText().contains("data-error-summary",
                "Filen er ikke en PDF, et Word-dokument (docx), en PNG eller en JPEG.");
        assertThat(documents.of(project)).isEmpty();

        byte[] pdf = "%PDF-1.4 statusnotat".getBytes(StandardCharsets.US_ASCII);
        var uploaded = mvc.post().uri("/initiativer/" + project + "/dokumenter").with(csrf())
                .with(as(owner, Role.STAFF)).multipart()
                .file(new MockMultipartFile("file", "statusnotat.pdf", "text/html", pdf));
        assertThat(uploaded).hasStatus3xxRedirection();
        long id = documents.of(project).getFirst().id();
        var download = mvc.get().uri("/initiativer/" + project + "/dokumenter/" + id).with(as(owner, Role.CITIZEN))
                .exchange();
        assertThat(download).hasStatusOk().hasContentType("application/pdf");
        assertThat(download).hasHeader("X-Content-Type-Options", "nosniff");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(mvc.get().uri("/initiativer/" + project + "/dokumenter/" + id)).as("not signed in")
                .hasStatus3xxRedirection();

        var stranger = mvc.post().uri("/initiativer/" + project + "/dokumenter").with(csrf())
                .with(as(anOrganisation(Sector.MUNICIPALITY), Role.STAFF)).multipart()
                .file(new MockMultipartFile("file", "x.pdf", "application/pdf", pdf));
        assertThat(stranger).hasStatus(403);
    }

    @Test
    void onlyTheTaskForceSetsALaboratorysPriority() {
        long laboratory = initiatives.start(new NewInitiative("Sidste levested " + System.nanoTime(), "",
                InitiativeKind.LABORATORY, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null),
                Actor.SYSTEM);

        var consultant = mvc.post().uri("/initiativer/laboratorier/" + laboratory + "/prioritet").with(csrf())
                .with(as(null, Role.INNOVATION_CONSULTANT)).param("rank", "1");
        assertThat(consultant).hasStatus(403);
        assertThat(priorities.rankOf(laboratory)).isEmpty();

        var taskForce = mvc.post().uri("/initiativer/laboratorier/" + laboratory + "/prioritet").with(csrf())
                .with(as(null, Role.TASK_FORCE)).param("rank", "1").param("note", "Efter udviklingsdagen");
        assertThat(taskForce).hasStatus3xxRedirection();
        assertThat(priorities.rankOf(laboratory)).hasValue(1);
        assertThat(mvc.get().uri("/initiativer/laboratorier/" + laboratory + "/prioritet").with(as(null, Role.STAFF)))
                .hasStatusOk().bodyText().contains("Prioriteret som nr. 1", "Efter udviklingsdagen")
                .doesNotContain("Gem prioriteringen");
        assertThat(mvc.get().uri("/initiativer/laboratorier").with(as(null, Role.STAFF))).hasStatusOk().bodyText()
                .contains("data-rank=\"1\"");
    }

    private long aProject(Organisation owner) {
        return initiatives.start(new NewInitiative("Sideprojekt " + System.nanoTime(), "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, owner.id(), EnumSet.of(owner.sector()), null), Actor.SYSTEM);
    }

    private Organisation anOrganisation(Sector sector) {
        return organisations.create(new OrganisationDetails("Sideorganisation " + System.nanoTime(), sector,
                Region.SYDDANMARK, null), Actor.SYSTEM);
    }

    /** Signed in as a new user with the role: a citizen has no organisation, anyone else the given or a new one. */
    private RequestPostProcessor as(Organisation given, Role role) {
        Organisation organisation = role == Role.CITIZEN ? null
                : given != null ? given : anOrganisation(Sector.REGION);
        long id = users.create(new UserAttributes(System.nanoTime() + "@side.dk", "Bruger " + System.nanoTime(),
                organisation == null ? null : organisation.id(), EnumSet.of(role)), "Hemmelig-kode-1234", false,
                Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return authentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
