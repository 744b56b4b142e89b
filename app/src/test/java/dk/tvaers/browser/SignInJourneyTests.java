package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Logging in and out, what a user without the administrator role may not see, and choosing the language. */
class SignInJourneyTests extends BrowserTest {

    @Test
    void logsInAfterAWrongPasswordAndLogsOut() {
        open("/login");
        type("#username", ADMIN_EMAIL);
        type("#password", "forkert-adgangskode-1");
        submitMainForm();

        String summary = errorSummaryWithFocus();
        assertThat(summary).contains("Der er problemer med det, du har indtastet")
                .contains("E-mail eller adgangskode er forkert.");
        assertThat(find("#username").getDomProperty("value")).isEqualTo(ADMIN_EMAIL);
        assertThat(find("#username").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#password").getDomProperty("value")).isEmpty();
        assertThat(loggedInName()).isEmpty();

        type("#password", ADMIN_PASSWORD);
        submitMainForm();
        assertThat(findAll("[data-error-summary]")).isEmpty();
        assertThat(loggedInName()).isEqualTo(ADMIN_NAME);
        assertThat(currentPath()).isEqualTo("/");

        logout();
        assertThat(currentPath()).startsWith("/?logget-ud");
        assertThat(heading()).isEqualTo("Sundhedsinnovation på tværs af sektorer");
        assertThat(find("main [role=status]").getText()).isEqualTo("Du er logget af.");
        assertThat(loggedInName()).isEmpty();
        assertThat(find("header").findElement(By.linkText("Log ind")).isDisplayed()).isTrue();

        open("/profil");
        assertThat(currentPath()).as("logged out for real: a page that needs a login sends to the login page")
                .isEqualTo("/login");
    }

    @Test
    void refusesTheAdministrationToAUserWithoutTheAdministratorRole() {
        TestUser staff = aUserWithRoles(Role.STAFF, Role.INNOVATION_CONSULTANT);
        loginAs(staff.email(), staff.password());
        assertThat(loggedInName()).isEqualTo(staff.name());
        assertThat(navigationLinks()).contains("/", "/profil")
                .noneMatch(href -> href.startsWith("/admin"));

        open("/admin/brugere");
        assertThat(heading()).isEqualTo("Du har ikke adgang til siden");
        assertThat(driver.getTitle()).isEqualTo("Ingen adgang – Tværs");
        assertThat(htmlLang()).isEqualTo("da");
        assertThat(findAll("table")).as("no list of users").isEmpty();
        assertThat(loggedInName()).as("still logged in").isEqualTo(staff.name());
        assertThat(navigationLinks()).noneMatch(href -> href.startsWith("/admin"));

        clickAndWaitForPage(find("footer").findElement(By.linkText("English")));
        assertThat(currentPath()).as("the language switch stays on the page").isEqualTo("/admin/brugere");
        assertThat(heading()).isEqualTo("You do not have access to this page");
    }

    @Test
    void switchesToEnglishAndBackFromTheFooter() {
        open("/privatliv");
        assertThat(htmlLang()).isEqualTo("da");
        assertThat(heading()).isEqualTo("Privatlivspolitik");

        clickAndWaitForPage(find("footer").findElement(By.linkText("English")));
        assertThat(currentPath()).as("stays on the page").isEqualTo("/privatliv");
        assertThat(htmlLang()).isEqualTo("en");
        assertThat(heading()).isEqualTo("Privacy policy");
        assertThat(find("header").findElement(By.linkText("Log in")).isDisplayed()).isTrue();

        open("/");
        assertThat(heading()).as("the choice is remembered").isEqualTo("Health innovation across sectors");

        clickAndWaitForPage(find("footer").findElement(By.linkText("Dansk")));
        assertThat(currentPath()).isEqualTo("/");
        assertThat(htmlLang()).isEqualTo("da");
        assertThat(heading()).isEqualTo("Sundhedsinnovation på tværs af sektorer");
    }

    @Test
    void keepsTheLanguageChosenUnderMyProfile() {
        TestUser user = aUserWithRoles();
        loginAs(user.email(), user.password());
        open("/profil");
        assertThat(languageChosen()).isEqualTo("da");

        chooseLanguage("English");
        submitMainForm();
        assertThat(htmlLang()).isEqualTo("en");
        assertThat(heading()).isEqualTo("My profile");
        assertThat(find("main [role=status]").getText()).isEqualTo("Your profile has been saved.");
        assertThat(languageChosen()).as("the form shows the language just saved").isEqualTo("en");

        // the next time, saving the name must not switch the language back
        open("/profil");
        assertThat(languageChosen()).isEqualTo("en");
        type("#displayName", user.name() + " Hansen");
        submitMainForm();
        assertThat(htmlLang()).isEqualTo("en");
        assertThat(find("#displayName").getDomProperty("value")).isEqualTo(user.name() + " Hansen");

        chooseLanguage("Dansk");
        submitMainForm();
        assertThat(htmlLang()).isEqualTo("da");
        assertThat(languageChosen()).isEqualTo("da");
    }

    private String languageChosen() {
        return findAll("input[name=language]").stream().filter(WebElement::isSelected)
                .map(radio -> radio.getDomAttribute("value")).findFirst().orElse("");
    }

    private void chooseLanguage(String label) {
        find("main fieldset").findElement(By.xpath(".//label[normalize-space()='" + label + "']")).click();
    }
}
