package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The Task Force creates a pool and grants a reduced amount in two tranches (an overdraw and a missing reason are
 * refused first); staff report progress; the Task Force releases the first tranche; finance marks it paid. The
 * pool's figures are right at every step, and every page passes axe-core.
 */
class FundingJourneyTests extends BrowserTest {

    @Test
    void aGrantIsPaidTrancheByTrancheOnApprovedProgressReports() {
        TestUser taskForce = aUserWithRoles(Role.TASK_FORCE);
        TestUser staff = aUserWithRoles(Role.STAFF);
        TestUser finance = aUserWithRoles(Role.FINANCE);
        String poolName = "Task Force-puljen " + unique();

        loginAs(taskForce.email(), taskForce.password());
        open("/finansiering");
        assertNoSeriousAccessibilityViolations();
        clickAndWaitForPage(find("a[href='/finansiering/puljer/ny']"));
        type("#name", poolName);
        new Select(find("#region")).selectByVisibleText("Region Midtjylland");
        type("#amount", "tyve millioner");
        type("#firstYear", "2012");
        type("#lastYear", "2013");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Skriv beløbet i kroner");
        assertThat(find("#name").getDomProperty("value")).isEqualTo(poolName);
        assertNoSeriousAccessibilityViolations();
        type("#amount", "1.000.000");
        submitMainForm();
        assertThat(heading()).isEqualTo(poolName);
        assertFigures("0,00 kr.", "0,00 kr.", "1.000.000,00 kr.");
        assertNoSeriousAccessibilityViolations();

        clickAndWaitForPage(find("main a.button-primary"));
        type("#title", "Telemedicinsk servicecenter");
        // the recipient is the staff user's organisation: its people report progress (ADR 0017)
        new Select(find("#recipientOrganisationId")).selectByValue(
                String.valueOf(users.find(staff.id()).orElseThrow().organisationId()));
        type("#applied", "1.500.000");
        type("#amount", "1.200.000");
        type("#tranches0\\.amount", "600.000");
        type("#tranches0\\.reportDue", "01-06-2013");
        type("#tranches1\\.amount", "600.000");
        type("#tranches1\\.reportDue", "01-12-2013");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Skriv hvorfor der bevilges mindre end ansøgt.");
        assertNoSeriousAccessibilityViolations();

        type("#reason", "Innovationshøjden skal løftes, før resten bevilges");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Der er kun 1.000.000,00 kr. tilbage i puljen.");
        assertThat(find("#title").getDomProperty("value")).isEqualTo("Telemedicinsk servicecenter");

        type("#applied", "1.000.000");
        type("#amount", "800.000");
        type("#tranches0\\.amount", "400.000");
        type("#tranches1\\.amount", "400.000");
        submitMainForm();
        assertThat(heading()).isEqualTo("Telemedicinsk servicecenter");
        assertThat(find("main").getText()).contains("Bevillingen er bogført.").contains("Reduceret");
        assertFigures("800.000,00 kr.", "0,00 kr.", "200.000,00 kr.");
        assertNoSeriousAccessibilityViolations();
        String grantPath = currentPath();
        logout();

        loginAs(staff.email(), staff.password());
        open(grantPath);
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Udfyld feltet.");
        type("textarea[name=body]", "Servicecentret er åbnet; 40 borgere med KOL følges hjemme.");
        submitMainForm();
        assertThat(find("main").getText()).contains("Rapporten er sendt til Task Forcen.");
        logout();

        loginAs(taskForce.email(), taskForce.password());
        open(grantPath);
        confirmAction("form[action$='/godkend']");
        submitMainForm();
        assertThat(find("main").getText()).contains("Rapporten er godkendt, og raten er frigivet til udbetaling.");
        assertThat(findAll("[data-tranche-status=RELEASED]")).hasSize(1);
        assertThat(findAll("form[action$='/betalt']")).as("the Task Force cannot pay").isEmpty();
        assertFigures("800.000,00 kr.", "0,00 kr.", "200.000,00 kr.");
        logout();

        loginAs(finance.email(), finance.password());
        open(grantPath);
        confirmAction("form[action$='/betalt']");
        clickAndWaitForPage(find("form[action$='/betalt'] button"));
        assertThat(find("main").getText()).contains("Raten er markeret som udbetalt.");
        assertThat(findAll("[data-tranche-status=PAID]")).hasSize(1);
        assertFigures("800.000,00 kr.", "400.000,00 kr.", "200.000,00 kr.");
        assertNoSeriousAccessibilityViolations();

        // a payment entered by mistake is corrected with a reversing entry, never edited
        clickAndWaitForPage(find("a.back-link"));
        assertThat(heading()).isEqualTo(poolName);
        assertNoSeriousAccessibilityViolations();
        var payment = findAll("main table tbody tr").stream().filter(row -> row.getText().contains("Udbetaling"))
                .findFirst().orElseThrow();
        payment.findElement(org.openqa.selenium.By.cssSelector("input[name=note]"))
                .sendKeys("Udbetalt til forkert konto");
        clickAndWaitForPage(payment.findElement(org.openqa.selenium.By.cssSelector("button")));
        assertThat(find("main").getText()).contains("Posteringen er modposteret.")
                .contains("Modpostering af Udbetaling").contains("Udbetalt til forkert konto");
        assertFigures("800.000,00 kr.", "0,00 kr.", "200.000,00 kr.");
    }

    private void assertFigures(String granted, String paid, String remaining) {
        assertThat(find("[data-figure=granted]").getText()).isEqualTo(granted);
        assertThat(find("[data-figure=paid]").getText()).isEqualTo(paid);
        assertThat(find("[data-figure=remaining]").getText()).isEqualTo(remaining);
    }
}
