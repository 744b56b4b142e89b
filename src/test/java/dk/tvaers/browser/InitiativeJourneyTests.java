package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A consultant starts an initiative (errors first), moves it from Nyt to Nyttigt with a reason, and a colleague in
 * staff reads the page and its history but cannot move the phase. Every page on the way passes axe-core.
 */
class InitiativeJourneyTests extends BrowserTest {

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
