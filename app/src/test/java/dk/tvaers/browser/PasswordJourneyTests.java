package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** A user's passwords: the first one from the invitation, changing it, and a forgotten one. */
class PasswordJourneyTests extends BrowserTest {

    @Test
    void choosesAPasswordFromTheInvitationAndChangesItUnderMyProfile() {
        int n = unique();
        String email = "ny.medarbejder" + n + "@kommune.test";
        String name = "Nanna Nielsen " + n;
        String organisation = anOrganisation().name();

        loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin/brugere/ny");
        type("#email", email);
        type("#displayName", name);
        new Select(find("#organisationId")).selectByVisibleText(organisation);
        checkRole("Medarbejder");
        submitMainForm();
        assertThat(find("main [role=status]").getText())
                .isEqualTo("Brugeren " + email + " er oprettet og har fået en invitation på e-mail.");
        logout();

        String link = awaitPasswordLink(email, 1);
        MimeMessage invitation = mailsTo(email).getFirst();
        assertThat(subject(invitation)).isEqualTo("Du er oprettet som bruger af Tværs");
        assertThat(body(invitation)).startsWith("Hej " + name);

        open(link);
        assertThat(heading()).isEqualTo("Vælg ny adgangskode");
        String first = "Første-Gode-Sætning-" + n;
        type("#password", first);
        type("#repeat", first);
        submitMainForm();
        assertThat(currentPath()).isEqualTo("/login?nulstillet");
        assertThat(find("main [role=status]").getText()).isEqualTo("Din nye adgangskode er gemt. Du kan logge ind nu.");

        loginAs(email, first);
        assertThat(loggedInName()).isEqualTo(name);
        screenshot("password-journey-signed-in");
        followMenuLink("Min profil");
        assertThat(heading()).isEqualTo("Min profil");
        clickAndWaitForPage(find("main").findElement(By.linkText("Skift adgangskode")));
        assertThat(currentPath()).isEqualTo("/profil/adgangskode");

        type("#current", first);
        type("#password", "for-kort");
        type("#repeat", "for-kort");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Adgangskoden skal have mindst 12 tegn.");
        assertThat(find("#password").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#password-error").getText()).contains("Adgangskoden skal have mindst 12 tegn.");

        String second = "Anden-Lange-Sætning-" + n;
        type("#current", first);
        type("#password", second);
        type("#repeat", second);
        submitMainForm();
        assertThat(currentPath()).isEqualTo("/profil");
        assertThat(find("main [role=status]").getText()).isEqualTo("Din adgangskode er skiftet.");
        logout();

        open("/login");
        type("#username", email);
        type("#password", first);
        submitMainForm();
        assertThat(errorSummaryWithFocus()).as("the old password no longer works")
                .contains("E-mail eller adgangskode er forkert.");

        loginAs(email, second);
        assertThat(loggedInName()).isEqualTo(name);
    }

    @Test
    void resetsAForgottenPasswordWithALinkThatWorksOnce() {
        TestUser user = aUserWithRoles();
        open("/login");
        clickAndWaitForPage(find("main").findElement(By.linkText("Har du glemt din adgangskode?")));
        assertThat(currentPath()).isEqualTo("/glemt-adgangskode");

        type("#email", "ikke en adresse");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Skriv en gyldig e-mailadresse");
        assertThat(find("#email").getDomProperty("value")).isEqualTo("ikke en adresse");

        type("#email", user.email());
        submitMainForm();
        assertThat(find("main [role=status]").getText()).startsWith("Hvis adressen hører til en bruger");

        String link = awaitPasswordLink(user.email(), 1);
        assertThat(subject(mailsTo(user.email()).getFirst())).isEqualTo("Vælg en ny adgangskode til Tværs");
        open(link);
        assertThat(heading()).isEqualTo("Vælg ny adgangskode");
        String chosen = "Glemt-Men-Fundet-Igen-" + unique();
        type("#password", chosen);
        type("#repeat", chosen + "x");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("De to adgangskoder er ikke ens.");

        type("#password", chosen);
        type("#repeat", chosen);
        submitMainForm();
        assertThat(currentPath()).isEqualTo("/login?nulstillet");

        open("/login");
        type("#username", user.email());
        type("#password", user.password());
        submitMainForm();
        assertThat(errorSummaryWithFocus()).as("the old password no longer works")
                .contains("E-mail eller adgangskode er forkert.");
        loginAs(user.email(), chosen);
        assertThat(loggedInName()).isEqualTo(user.name());
        logout();

        open(link);
        assertThat(find("main [role=alert]").getText()).isEqualTo("Linket er udløbet eller allerede brugt.");
        assertThat(findAll("#password")).as("no form to choose a password with").isEmpty();
        assertThat(mailsTo(user.email())).hasSize(1);
    }
}
