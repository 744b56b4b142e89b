package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Organisation;
import dk.tvaers.shared.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * axe-core on every page of Tværs, as the user who sees it, and on the forms shown with their errors: no serious
 * or critical violation anywhere. Each test scans all its pages before it fails, and names every page with a
 * problem.
 */
class AccessibilityScanTests extends BrowserTest {

    @Test
    void publicPagesHaveNoSeriousAccessibilityProblems() {
        scan("/", "Sundhedsinnovation på tværs af sektorer");
        scan("/login", "Log ind");
        scan("/glemt-adgangskode", "Glemt adgangskode");
        scan("/nulstil-adgangskode?token=ugyldig", "Vælg ny adgangskode");
        scan("/tilgaengelighed", "Tilgængelighedserklæring");
        scan("/privatliv", "Privatlivspolitik");
        scan("/js/findes-ikke.js", "Siden findes ikke");
        scan("/?lang=en", "Health innovation across sectors");
        assertNoProblems();
    }

    @Test
    void administratorPagesHaveNoSeriousAccessibilityProblems() {
        Organisation organisation = anOrganisation();
        TestUser user = aUserWithRoles(Role.STAFF, Role.ANALYST);
        loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        scan("/profil", "Min profil");
        scan("/profil/adgangskode", "Skift adgangskode");
        scan("/admin/organisationer", "Organisationer");
        scan("/admin/organisationer/ny", "Opret organisation");
        scan("/admin/organisationer/" + organisation.id(), "Rediger " + organisation.name());
        scan("/admin/brugere", "Brugere");
        scan("/admin/brugere/ny", "Opret bruger");
        scan("/admin/brugere/" + user.id(), "Rediger " + user.name());
        scan("/admin/revisionslog", "Revisionslog");
        scan("/admin/organisationer/999999999", "Siden findes ikke");
        assertNoProblems();
    }

    @Test
    void theForbiddenPageHasNoSeriousAccessibilityProblems() {
        TestUser citizen = aUserWithRoles(Role.CITIZEN);
        loginAs(citizen.email(), citizen.password());
        scan("/admin/brugere", "Du har ikke adgang til siden");
        assertNoProblems();
    }

    @Test
    void formsShownWithTheirErrorsHaveNoSeriousAccessibilityProblems() {
        open("/login");
        type("#username", "ukendt@kommune.test");
        type("#password", "forkert");
        submitAndScan("login with a wrong password");

        open("/glemt-adgangskode");
        type("#email", "ikke en adresse");
        submitAndScan("forgotten password with a wrong address");

        TestUser user = aUserWithRoles();
        open("/glemt-adgangskode");
        type("#email", user.email());
        submitMainForm();
        String link = awaitPasswordLink(user.email(), 1);
        scan(link, "Vælg ny adgangskode");
        type("#password", "kort");
        type("#repeat", "kort");
        submitAndScan("new password that is too short");

        loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin/organisationer/ny");
        type("#cvr", "12");
        submitAndScan("organisation without name, sector and region");

        open("/admin/brugere/ny");
        type("#email", "ikke-en-adresse");
        new Select(find("#organisationId")).selectByIndex(1);
        submitAndScan("user without roles and with a wrong address");

        open("/profil");
        type("#displayName", "");
        type("#email", "");
        submitAndScan("profile without name and address");

        open("/profil/adgangskode");
        type("#current", "forkert");
        type("#password", "kort");
        submitAndScan("change of password with errors");
        assertNoProblems();
    }

    @Test
    void theScanFailsOnAPageWithASeriousProblem() {
        open("/privatliv");
        assertThat(seriousAccessibilityViolations()).as("the page itself is fine").isEmpty();
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\" id=\"canary\">');");
        assertThat(seriousAccessibilityViolations()).as("a field without a label is critical")
                .contains("[critical] label:").contains("#canary");
    }
}
