package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.funding.Funding;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4's journey: the Task Force publishes an innovation question with a call and a pool; a consortium of a
 * hospital and a municipality applies (refused first while it is one sector); two reviewers score it while a third,
 * from the municipality, is blocked for conflict of interest; the Task Force grants a reduced amount; the first
 * tranche is released on an approved progress report and paid by finance. The pool's figures are checked at every
 * step and every new page is scanned with axe-core.
 */
class ApplicationJourneyTests extends BrowserTest {

    @Autowired
    Funding funding;

    @Test
    void aHospitalAndAMunicipalityAreGrantedAReducedAmountPaidInTranches() {
        TestUser taskForce = aUserWithRoles(Role.TASK_FORCE);
        TestUser finance = aUserWithRoles(Role.FINANCE);
        Organisation hospital = organisation("Regionshospitalet Randers", Sector.REGION);
        Organisation municipality = organisation("Norddjurs Kommune", Sector.MUNICIPALITY);
        Organisation practice = organisation("Lægehuset Grenaa", Sector.GENERAL_PRACTICE);
        TestUser writer = userIn(hospital, Role.STAFF);
        TestUser reviewerOne = userIn(practice, Role.STAFF);
        TestUser reviewerTwo = aUserWithRoles(Role.INNOVATION_CONSULTANT);
        TestUser conflicted = userIn(municipality, Role.STAFF);
        String poolName = "Task Force-puljen " + unique();
        funding.createPool(poolName, Region.MIDTJYLLAND, Money.ofKroner(2_000_000), 2026, 2027);
        String question = "Tryghed i eget hjem " + unique();
        String title = "Telemedicin til borgere med KOL " + unique();

        // the Task Force publishes an innovation question with a call on the pool
        loginAs(taskForce.email(), taskForce.password());
        open("/udfordringer/ny");
        type("#title", question);
        type("#question", "Hvad nu hvis borgeren med KOL er tryg i eget hjem?");
        type("#vision", "Borgeren med kronisk sygdom er tryg i eget hjem");
        type("#description", "Mange indlæggelser kunne undgås, hvis borgeren følte sig tryg hjemme.");
        new Select(find("#region")).selectByVisibleText("Region Midtjylland");
        new Select(find("#poolId")).selectByVisibleText(poolName);
        setDate("#deadline", LocalDate.now().plusDays(30));
        submitMainForm();
        assertThat(heading()).isEqualTo(question);
        String challengePath = currentPath();
        logout();

        // a consortium led by the hospital applies; alone it is one sector and is refused
        loginAs(writer.email(), writer.password());
        open("/konsortier");
        assertThat(heading()).isEqualTo("Konsortier");
        assertNoSeriousAccessibilityViolations();
        clickAndWaitForPage(find("a[href='/konsortier/ny']"));
        assertNoSeriousAccessibilityViolations();
        type("#name", "Tryg med KOL i Djursland");
        assertThat(new Select(find("#leadOrganisationId")).getFirstSelectedOption().getText())
                .isEqualTo(hospital.name());
        submitMainForm();
        assertThat(heading()).isEqualTo("Tryg med KOL i Djursland");
        assertThat(find("main").getText()).contains("Konsortiet er oprettet.");
        assertNoSeriousAccessibilityViolations();
        String consortiumPath = currentPath();

        new Select(find("#challengeId")).selectByVisibleText(question);
        submitMainForm();
        assertThat(heading()).isEqualTo("Ansøgning til " + question);
        assertNoSeriousAccessibilityViolations();
        type("#title", title);
        type("#summary", "Et telemedicinsk servicecenter følger borgere med KOL hjemme.");
        type("#effectEconomy", "Færre akutte indlæggelser frigør sengedage.");
        clickAndWaitForPage(find("button[value=gem]"));
        assertThat(find("main").getText()).contains("Kladden er gemt.");
        type("#effectHealth", "Forværring opdages tidligt.");
        type("#effectCitizens", "Borgeren bliver i eget hjem og føler sig tryg.");
        new Select(find("#innovationType")).selectByVisibleText("Hverdagsinnovation");
        budgetLine(0, "2026", hospital.name(), "600.000");
        budgetLine(1, "2027", hospital.name(), "400.000");
        type("#trialActions", "Hvad nu hvis sygeplejersken ringer hver morgen?\nHvad nu hvis borgeren selv måler iltmætning?");
        confirmAction("main form");
        submitMainForm();
        assertThat(errorSummaryWithFocus())
                .contains("konsortiet dækker kun Region/hospital")
                .contains("Der mangler en organisation fra Kommune eller Almen praksis")
                .contains("Kladden er gemt, men ansøgningen er ikke indsendt.");
        assertThat(find("#title").getDomProperty("value")).isEqualTo(title);
        assertNoSeriousAccessibilityViolations();

        // the municipality joins; the application is submitted and frozen
        open(consortiumPath);
        new Select(find("#organisationId")).selectByVisibleText(municipality.name());
        clickAndWaitForPage(find("form[action$='/medlemmer'] button"));
        assertThat(find("main").getText()).contains("Organisationen er tilføjet konsortiet.");
        clickAndWaitForPage(driver.findElement(By.linkText(title)));
        assertThat(find("[data-status]").getText()).isEqualTo("Kladde");
        assertNoSeriousAccessibilityViolations();
        clickAndWaitForPage(find("main a.button-primary"));
        budgetLine(2, "2026", municipality.name(), "500.000");
        confirmAction("main form");
        submitMainForm();
        assertThat(heading()).isEqualTo(title);
        assertThat(find("main").getText()).contains("Ansøgningen er indsendt.");
        assertThat(find("[data-status]").getText()).isEqualTo("Indsendt");
        assertThat(find("[data-budget-total]").getText()).isEqualTo("1.500.000,00 kr.");
        assertThat(findAll("[data-versions] tbody tr")).hasSize(1);
        assertNoSeriousAccessibilityViolations();
        String applicationPath = currentPath();
        clickAndWaitForPage(driver.findElement(By.linkText("Version 1")));
        assertThat(heading()).isEqualTo(title);
        assertThat(find("main").getText()).contains("Indsendt og låst");
        assertNoSeriousAccessibilityViolations();
        logout();

        // the Task Force assigns three reviewers to the call; the pool is untouched
        loginAs(taskForce.email(), taskForce.password());
        open("/ansoegninger");
        assertThat(heading()).isEqualTo("Ansøgninger");
        assertNoSeriousAccessibilityViolations();
        clickAndWaitForPage(find("a[href='/ansoegninger/opslag/" + challengePath.replaceAll("\\D", "") + "']"));
        assertThat(heading()).isEqualTo(question);
        assertThat(find("[data-applications]").getText()).contains(title).contains("1.500.000,00 kr.")
                .contains("0 bedømt");
        assertFigures("0,00 kr.", "0,00 kr.", "2.000.000,00 kr.");
        assertNoSeriousAccessibilityViolations();
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Skriv en e-mailadresse.");
        assertNoSeriousAccessibilityViolations();
        for (TestUser reviewer : List.of(reviewerOne, reviewerTwo)) {
            type("#login", reviewer.email());
            submitMainForm();
            assertThat(find("main").getText()).contains(reviewer.name() + " er tilføjet som bedømmer.");
        }
        // the reviewer from the municipality is warned about and refused at assignment: a conflict of interest
        type("#login", conflicted.email());
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains(conflicted.name() + " kan ikke være bedømmer af dette opslag")
                .contains(municipality.name()).contains("inhabilitet");
        assertNoSeriousAccessibilityViolations();
        logout();

        // so they have nothing waiting for their review
        loginAs(conflicted.email(), conflicted.password());
        open("/bedoemmelser");
        assertThat(heading()).isEqualTo("Mine bedømmelser");
        assertThat(find("main").getText()).doesNotContain(title).doesNotContain("Venter på din bedømmelse");
        assertNoSeriousAccessibilityViolations();
        logout();

        // two reviewers score and recommend
        review(reviewerOne, title, "4 – god", "Bevilg et reduceret beløb", true);
        review(reviewerTwo, title, "3 – middel", "Bevilg et reduceret beløb", false);

        // the Task Force grants a reduced amount in two tranches (a missing reason is refused first)
        loginAs(taskForce.email(), taskForce.password());
        open(applicationPath);
        assertThat(find("[data-reviews]").getText()).contains(reviewerOne.name()).contains(reviewerTwo.name())
                .doesNotContain(conflicted.name());
        assertNoSeriousAccessibilityViolations();
        clickAndWaitForPage(find("a[href$='/afgoerelse']"));
        assertThat(heading()).isEqualTo("Afgørelse om " + title);
        assertFigures("0,00 kr.", "0,00 kr.", "2.000.000,00 kr.");
        assertNoSeriousAccessibilityViolations();
        new Select(find("#outcome")).selectByVisibleText("Bevilget et reduceret beløb");
        type("#amount", "1.000.000");
        type("#tranches0\\.amount", "500.000");
        setDate("#tranches0\\.reportDue", LocalDate.now().plusMonths(6));
        type("#tranches1\\.amount", "500.000");
        setDate("#tranches1\\.reportDue", LocalDate.now().plusMonths(12));
        confirmAction("main form");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Skriv begrundelsen for afgørelsen.");
        // the call is still open: deciding now needs a reason of its own, named and linked in the summary
        assertThat(errorSummaryLinesNamingTheirFields()).anyMatch(line -> line.contains("før fristen"));
        assertNoSeriousAccessibilityViolations();
        type("#reason", "Innovationshøjden skal løftes, før resten bevilges.");
        type("#earlyReason", "Projektet skal i gang før sommerferien.");
        confirmAction("main form");
        submitMainForm();
        assertThat(heading()).isEqualTo(title);
        assertThat(find("main").getText()).contains("Ansøgningen er bevilget et reduceret beløb.");
        assertThat(find("[data-outcome]").getText()).isEqualTo("Bevilget et reduceret beløb");
        assertThat(find("[data-granted]").getText()).isEqualTo("1.000.000,00 kr.");
        assertThat(find("[data-early-reason]").getText()).isEqualTo("Projektet skal i gang før sommerferien.");
        assertThat(findAll("[data-letter]")).hasSize(1);
        assertThat(findAll("[data-initiative]")).hasSize(1);
        assertNoSeriousAccessibilityViolations();
        clickAndWaitForPage(find("[data-grant]"));
        assertFigures("1.000.000,00 kr.", "0,00 kr.", "1.000.000,00 kr.");
        String grantPath = currentPath();
        logout();

        // the decision letter reaches the consortium's contact
        MimeMessage letter = waitUntil(d -> mailsTo(writer.email()).stream()
                .filter(m -> subject(m).startsWith("Afgørelse: " + title)).findFirst().orElse(null));
        assertThat(subject(letter)).endsWith("Bevilget et reduceret beløb");

        // the first tranche: progress report, approval by the Task Force, payment by finance
        loginAs(writer.email(), writer.password());
        open(grantPath);
        type("textarea[name=body]", "Servicecentret er åbnet; 40 borgere med KOL følges hjemme.");
        submitMainForm();
        assertThat(find("main").getText()).contains("Rapporten er sendt til Task Forcen.");
        logout();

        loginAs(taskForce.email(), taskForce.password());
        open(grantPath);
        confirmAction("form[action$='/godkend']");
        submitMainForm();
        assertThat(find("main").getText()).contains("Rapporten er godkendt, og raten er frigivet til udbetaling.");
        assertFigures("1.000.000,00 kr.", "0,00 kr.", "1.000.000,00 kr.");
        logout();

        loginAs(finance.email(), finance.password());
        open(grantPath);
        confirmAction("form[action$='/betalt']");
        clickAndWaitForPage(find("form[action$='/betalt'] button"));
        assertThat(find("main").getText()).contains("Raten er markeret som udbetalt.");
        assertThat(findAll("[data-tranche-status=PAID]")).hasSize(1);
        assertFigures("1.000.000,00 kr.", "500.000,00 kr.", "1.000.000,00 kr.");
    }

    private void review(TestUser reviewer, String title, String score, String recommendation, boolean emptyFirst) {
        loginAs(reviewer.email(), reviewer.password());
        open("/bedoemmelser");
        clickAndWaitForPage(driver.findElement(By.linkText(title)));
        assertThat(heading()).isEqualTo(title);
        if (emptyFirst) {
            assertNoSeriousAccessibilityViolations();
            submitMainForm();
            assertThat(errorSummaryWithFocus()).contains("Vælg en score fra 1 til 5.");
            assertNoSeriousAccessibilityViolations();
        }
        for (String criterion : List.of("#economy", "#health", "#citizens", "#innovation")) {
            new Select(find(criterion)).selectByVisibleText(score);
        }
        type("#innovationComment", "Løft innovationshøjden");
        new Select(find("#recommendation")).selectByVisibleText(recommendation);
        submitMainForm();
        assertThat(heading()).isEqualTo("Mine bedømmelser");
        assertThat(find("main").getText()).contains("Din bedømmelse er gemt.");
        logout();
    }

    private void budgetLine(int row, String year, String partner, String amount) {
        type("#budget" + row + "\\.year", year);
        new Select(find("#budget" + row + "\\.organisationId")).selectByVisibleText(partner);
        type("#budget" + row + "\\.amount", amount);
    }

    private Organisation organisation(String name, Sector sector) {
        return organisations.create(new OrganisationDetails(name + " " + unique(), sector, Region.MIDTJYLLAND, null),
                Actor.SYSTEM);
    }

    private TestUser userIn(Organisation organisation, Role role) {
        int n = unique();
        String email = "ansoeger" + n + "@test.tvaers.dk";
        String name = "Anne Ansøger " + n;
        String password = "Rolig-Rød-Cykel-" + n;
        long id = users.create(new UserAttributes(email, name, organisation.id(), EnumSet.of(role)), password, false,
                Actor.SYSTEM);
        return new TestUser(id, email, name, password);
    }

    private void assertFigures(String granted, String paid, String remaining) {
        assertThat(find("[data-figure=granted]").getText()).isEqualTo(granted);
        assertThat(find("[data-figure=paid]").getText()).isEqualTo(paid);
        assertThat(find("[data-figure=remaining]").getText()).isEqualTo(remaining);
    }

    /** Sets a date field whatever the browser's locale (typing depends on the date format it shows). */
    private void setDate(String css, LocalDate date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), date.toString());
    }
}
