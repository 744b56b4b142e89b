package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Tranches;
import dk.tvaers.funding.GrantDecision;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A consultant starts an initiative (errors first), moves it from Nyt to Nyttigt with a reason, and a colleague in
 * staff reads the page and its history but cannot move the phase. A consultant adds a member to a granted project,
 * uploads a document (a wrong one first) and reads the grant's progress report there; the Task Force prioritises a
 * laboratory. Every page on the way passes axe-core.
 */
class InitiativeJourneyTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @Autowired
    Funding funding;

    @Autowired
    Tranches trancheCycle;

    @Test
    void aConsultantAddsAMemberAndADocumentAndReadsTheProgressReportOfTheGrant() throws IOException {
        String title = "Telemedicinsk servicecenter " + unique();
        long project = initiatives.start(new NewInitiative(title, "", InitiativeKind.PROJECT, InnovationType.EVERYDAY,
                null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        long pool = funding.createPool("Journeypulje " + unique(), Region.MIDTJYLLAND, Money.ofKroner(1_000_000),
                2012, 2014);
        long grant = funding.grant(new GrantDecision(pool, title, null, Money.ofKroner(200_000),
                Money.ofKroner(200_000), null, List.of(
                        new GrantDecision.NewTranche(Money.ofKroner(100_000), LocalDate.of(2013, 6, 30)),
                        new GrantDecision.NewTranche(Money.ofKroner(100_000), LocalDate.of(2030, 6, 30)))),
                Actor.SYSTEM);
        funding.linkInitiative(grant, project);
        trancheCycle.submitReport(trancheCycle.tranches(grant).getFirst().id(), "Centret har fulgt 40 borgere",
                new Actor(null, "Pia Projektleder"));
        Organisation municipality = aLateOrganisation();

        TestUser consultant = aUserOfALateOrganisation(Role.INNOVATION_CONSULTANT);
        loginAs(consultant.email(), consultant.password());
        open("/initiativer/" + project);
        assertThat(find("#finansiering ~ div[data-grant]").getText()).contains("Centret har fulgt 40 borgere")
                .contains("Pia Projektleder").contains("30-06-2013");
        assertThat(findAll("a[href='/finansiering/bevillinger/" + grant + "']")).isNotEmpty();
        assertNoSeriousAccessibilityViolations();

        clickAndWaitForPage(find("form[action$='/medlemmer'] button"));
        assertThat(errorSummaryWithFocus()).contains("Vælg enten en organisation eller en person");
        assertNoSeriousAccessibilityViolations();
        new Select(find("#organisationId")).selectByVisibleText(municipality.name());
        new Select(find("#role")).selectByVisibleText("Deltager");
        clickAndWaitForPage(find("form[action$='/medlemmer'] button"));
        assertThat(find("main").getText()).contains("Medlemmet er tilføjet.");
        assertThat(find("table[data-members]").getText()).contains(municipality.name()).contains("Deltager");
        assertThat(find("dl.tvaers-facts").getText()).contains("Kommune").contains("Tværsektorielt");

        find("#file").sendKeys(file("plan.pdf", "<html>ikke en pdf</html>".getBytes(StandardCharsets.UTF_8))
                .toString());
        clickAndWaitForPage(find("form[action$='/dokumenter'] button"));
        assertThat(errorSummaryWithFocus()).contains("Filen er ikke en PDF");
        assertNoSeriousAccessibilityViolations();
        find("#file").sendKeys(file("projektplan.pdf", "%PDF-1.4\nplan\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                .toString());
        clickAndWaitForPage(find("form[action$='/dokumenter'] button"));
        assertThat(find("main").getText()).contains("Dokumentet er lagt op.");
        assertThat(find("ul[data-documents]").getText()).contains("projektplan.pdf").contains(consultant.name());
        assertNoSeriousAccessibilityViolations();
        logout();

        long laboratory = initiatives.start(new NewInitiative("Sårbehandling " + unique(), "",
                InitiativeKind.LABORATORY, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null),
                Actor.SYSTEM);
        TestUser taskForce = aUserOfALateOrganisation(Role.TASK_FORCE);
        loginAs(taskForce.email(), taskForce.password());
        open("/initiativer/laboratorier/" + laboratory + "/prioritet");
        assertNoSeriousAccessibilityViolations();
        type("#rank", "0");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Skriv et tal fra 1 til 999.");
        type("#rank", "1");
        type("#note", "Størst gevinst for borgerne");
        submitMainForm();
        assertThat(find("main").getText()).contains("Prioriteringen er gemt.");
        assertThat(find("tr[data-rank='1']").getText()).contains("Sårbehandling");
        assertNoSeriousAccessibilityViolations();
    }

    /**
     * An organisation whose name sorts after the ones other journeys look for on the first page of the
     * administrator's list (sorted by name), so this journey does not push theirs off it.
     */
    private Organisation aLateOrganisation() {
        return organisations.create(new OrganisationDetails("Zealand Kommune " + unique(), Sector.MUNICIPALITY,
                Region.SJAELLAND, null), Actor.SYSTEM);
    }

    private TestUser aUserOfALateOrganisation(Role role) {
        int n = unique();
        String email = "zbruger" + n + "@kommune.test";
        String name = "Zenia Bruger " + n;
        String password = "Rolig-Rød-Cykel-" + n;
        long id = users.create(new UserAttributes(email, name, aLateOrganisation().id(), EnumSet.of(role)), password,
                false, Actor.SYSTEM);
        return new TestUser(id, email, name, password);
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("tvaers-upload-");
        Path file = dir.resolve(name);
        Files.write(file, content);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }

    @Test
    void aConsultantStartsAnInitiativeAndMovesItsPhaseWhichStaffCanRead() {
        TestUser consultant = aUserWithRoles(Role.INNOVATION_CONSULTANT);
        loginAs(consultant.email(), consultant.password());

        open("/initiativer");
        assertNoSeriousAccessibilityViolations();
        clickAndWaitForPage(find("a[href='/initiativer/ny']"));
        assertThat(heading()).isEqualTo("Start et initiativ");
        assertNoSeriousAccessibilityViolations();

        type("#summary", "Sygeplejersker følger borgere med KOL hjemme via video.");
        submitMainForm();
        String errors = errorSummaryWithFocus();
        assertThat(errors).contains("Udfyld feltet.").contains("Vælg mindst én.");
        assertThat(find("#summary").getDomProperty("value")).isEqualTo("Sygeplejersker følger borgere med KOL hjemme via video.");
        assertNoSeriousAccessibilityViolations();

        String title = "KOL i eget hjem " + unique();
        type("#title", title);
        new Select(find("#kind")).selectByVisibleText("Laboratorium");
        new Select(find("#innovationType")).selectByVisibleText("Hverdagsinnovation");
        tick("Region/hospital");
        tick("Kommune");
        submitMainForm();

        assertThat(heading()).isEqualTo(title);
        assertThat(find("main").getText()).contains("Initiativet er startet i fasen Nyt.").contains("Tværsektorielt")
                .contains("Startet i fasen Nyt");
        assertNoSeriousAccessibilityViolations();
        String initiativePath = currentPath();

        new Select(find("#phase")).selectByVisibleText("Nyt");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Initiativet er allerede i den fase.");

        new Select(find("#phase")).selectByVisibleText("Nyttigt");
        type("#note", "Business case viser gevinst i kommunen efter 25 måneder");
        submitMainForm();
        assertThat(find("main").getText()).contains("Initiativet er flyttet til en ny fase.")
                .contains("Flyttet fra Nyt til Nyttigt")
                .contains("Business case viser gevinst i kommunen efter 25 måneder")
                .contains(consultant.name());

        // a trial action: what if …, what was observed, keep it
        clickAndWaitForPage(find("form[action$='/proevehandlinger'] button"));
        assertThat(errorSummaryWithFocus()).contains("Udfyld feltet.");
        type("#hypothesis", "Hvad nu hvis sygeplejersken ringer dagen efter udskrivelsen?");
        clickAndWaitForPage(find("form[action$='/proevehandlinger'] button"));
        assertThat(find("main").getText()).contains("Prøvehandlingen er startet.")
                .contains("Hvad nu hvis sygeplejersken ringer dagen efter udskrivelsen?").contains("I gang");
        clickAndWaitForPage(find("form[action$='/beslutning'] button"));
        assertThat(errorSummaryWithFocus()).contains("Udfyld feltet.").contains("Vælg en værdi.");
        type("#observation", "Færre genindlæggelser den første uge");
        find("form[action$='/beslutning'] label[for$='-KEEP']").click();
        clickAndWaitForPage(find("form[action$='/beslutning'] button"));
        assertThat(find("main").getText()).contains("Beslutningen er gemt.").contains("Beholdt")
                .contains("Færre genindlæggelser den første uge");
        assertNoSeriousAccessibilityViolations();

        open("/initiativer?fase=USEFUL&q=" + title.replace(" ", "+"));
        assertThat(find("#results").getText()).contains(title);
        open("/initiativer?fase=PUT_TO_USE&q=" + title.replace(" ", "+"));
        assertThat(find("#results").getText()).doesNotContain(title);
        logout();

        TestUser staff = aUserWithRoles(Role.STAFF);
        loginAs(staff.email(), staff.password());
        open(initiativePath);
        assertThat(find("main").getText()).contains(title).contains("Nyttigt").doesNotContain("Flyt fase")
                .contains("Hvad nu hvis sygeplejersken ringer dagen efter udskrivelsen?");
        assertThat(findAll("a[href='/initiativer/ny']")).isEmpty();
    }

    private void tick(String label) {
        WebElement box = find("#sectors").findElements(By.tagName("label")).stream()
                .filter(candidate -> candidate.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no sector labelled " + label));
        box.click();
        assertThat(find("#" + box.getDomAttribute("for")).isSelected()).as("%s is ticked", label).isTrue();
    }
}
