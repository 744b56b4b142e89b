package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The administrator's main journey: an organisation, a user in it, and both in the audit log. */
class AdministrationJourneyTests extends BrowserTest {

    @Test
    void createsAnOrganisationAndAStaffUserAndFindsBothInTheAuditLog() {
        int n = unique();
        String organisation = "Vejle Sundhedscenter " + n;
        String email = "sara.sorensen" + n + "@vejle.test";
        String other = anOrganisation().name();

        loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        followMenuLink("Organisationer");
        clickAndWaitForPage(find("main").findElement(By.linkText("Opret organisation")));
        assertThat(currentPath()).isEqualTo("/admin/organisationer/ny");

        // errors first: no name, a CVR number that is too short
        new Select(find("#sector")).selectByVisibleText("Kommune");
        type("#cvr", "1234");
        submitMainForm();
        String errors = errorSummaryWithFocus();
        assertThat(errors).contains("Udfyld feltet.", "Vælg en værdi.", "Et CVR-nummer består af 8 cifre.");
        assertThat(find("#name").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new Select(find("#sector")).getFirstSelectedOption().getText()).as("kept").isEqualTo("Kommune");
        assertThat(find("#cvr").getDomProperty("value")).as("kept").isEqualTo("1234");
        find("[data-error-summary]").findElement(By.partialLinkText("Udfyld feltet.")).click();
        assertThat(driver.switchTo().activeElement()).as("the summary links to the field").isEqualTo(find("#name"));

        type("#name", organisation);
        new Select(find("#region")).selectByVisibleText("Region Syddanmark");
        type("#cvr", "29189919");
        submitMainForm();
        assertThat(currentPath()).isEqualTo("/admin/organisationer");
        assertThat(find("main [role=status]").getText()).isEqualTo("Organisationen " + organisation + " er oprettet.");
        // the first page lists 20 by name, and other journeys' organisations on the shared database may fill it:
        // the searches below find both organisations instead

        // search as you type: htmx replaces the results without loading the page
        ((JavascriptExecutor) driver).executeScript("window.tvaersSamePage = true;");
        type("#q", "sundhedscenter " + n);
        waitUntil(d -> organisationsListed().equals(List.of(organisation)));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.tvaersSamePage === true;"))
                .as("updated in place by htmx").isEqualTo(true);
        assertThat(currentPath()).as("the address follows the search").contains("q=sundhedscenter");

        // the search button, with JavaScript (htmx); the text is set without input events, so only the button sends
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find("#q"), other);
        find("main form.tvaers-filters button[type=submit]").click();
        waitUntil(d -> organisationsListed().contains(other) && !organisationsListed().contains(organisation));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.tvaersSamePage === true;"))
                .as("updated in place by htmx").isEqualTo(true);
        assertThat(decode(currentPath())).as("the address follows the search").contains("q=" + other + "&");

        // without JavaScript the same button sends the form, and the whole page comes back with the results
        withoutJavaScript(() -> {
            open("/admin/organisationer");
            type("#q", organisation.toUpperCase());
            clickAndWaitForPage(find("main form.tvaers-filters button[type=submit]"));
            assertThat(decode(currentPath())).startsWith("/admin/organisationer?q=" + organisation.toUpperCase() + "&");
            assertThat(organisationsListed()).containsExactly(organisation);
            assertThat(find("#q").getDomProperty("value")).isEqualTo(organisation.toUpperCase());
        });
        open("/admin/organisationer?q=ingen-organisation-hedder-sådan");
        assertThat(organisationsListed()).isEmpty();
        assertThat(find("#results").getText()).contains("Ingen resultater passer til din søgning.");

        // a staff user in the new organisation
        open("/admin/brugere/ny");
        type("#email", email);
        type("#displayName", "Sara Sørensen");
        new Select(find("#organisationId")).selectByVisibleText(organisation);
        checkRole("Medarbejder");
        submitMainForm();
        assertThat(currentPath()).isEqualTo("/admin/brugere");
        assertThat(find("main [role=status]").getText())
                .isEqualTo("Brugeren " + email + " er oprettet og har fået en invitation på e-mail.");

        // the same e-mail address again is refused, and what was typed stays
        open("/admin/brugere/ny");
        type("#email", email.toUpperCase());
        type("#displayName", "Sara Sørensen Igen");
        new Select(find("#organisationId")).selectByVisibleText(organisation);
        checkRole("Medarbejder");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Der findes allerede en bruger med den e-mailadresse.");
        assertThat(find("#email-error").getText()).contains("Der findes allerede en bruger med den e-mailadresse.");
        assertThat(find("#displayName").getDomProperty("value")).isEqualTo("Sara Sørensen Igen");
        assertThat(new Select(find("#organisationId")).getFirstSelectedOption().getText()).isEqualTo(organisation);

        open("/admin/brugere?q=" + encode(email));
        List<WebElement> rows = findAll("#results tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getText()).contains("Sara Sørensen", email, organisation, "Medarbejder", "Aktiv");

        // the audit log has both
        followMenuLink("Revisionslog");
        assertThat(heading()).isEqualTo("Revisionslog");
        assertThat(auditRows()).anySatisfy(row -> assertThat(row)
                .containsSubsequence("Organisation oprettet", ADMIN_EMAIL, organisation));
        assertThat(auditRows()).anySatisfy(row -> assertThat(row)
                .containsSubsequence("Bruger oprettet", ADMIN_EMAIL, email, "STAFF"));

        open("/admin/revisionslog?q=" + encode(organisation) + "&type=ORGANISATION_CREATED");
        assertThat(auditRows()).singleElement().satisfies(row -> assertThat(row).contains(organisation));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private List<String> organisationsListed() {
        return findAll("#results tbody tr td:first-child").stream().map(WebElement::getText).toList();
    }

    private List<String> auditRows() {
        return findAll("#results tbody tr").stream().map(WebElement::getText).toList();
    }
}
