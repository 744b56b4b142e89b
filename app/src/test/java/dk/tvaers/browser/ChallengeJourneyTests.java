package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** The Task Force publishes an innovation question (errors first); anyone finds it among the open calls. */
class ChallengeJourneyTests extends BrowserTest {

    @Test
    void theTaskForcePublishesAnInnovationQuestionThatAnyoneCanFind() {
        TestUser taskForce = aUserWithRoles(Role.TASK_FORCE);
        String title = "Tryghed for borgere med kronisk sygdom " + unique();
        loginAs(taskForce.email(), taskForce.password());

        open("/udfordringer");
        clickAndWaitForPage(find("a[href='/udfordringer/ny']"));
        assertNoSeriousAccessibilityViolations();
        type("#title", title);
        type("#description", "Mange indlæggelser kunne undgås, hvis borgeren følte sig tryg hjemme.");
        new Select(find("#region")).selectByVisibleText("Region Midtjylland");
        setDate("#deadline", LocalDate.now().plusDays(30));
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Et innovationsspørgsmål skal have en vision.");
        assertThat(find("#title").getDomProperty("value")).isEqualTo(title);
        assertNoSeriousAccessibilityViolations();

        type("#vision", "Borgeren med kronisk sygdom er tryg i eget hjem");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Et innovationsspørgsmål skal have et spørgsmål.");
        type("#question", "Hvad nu hvis borgeren med kronisk sygdom er tryg?");
        setDate("#deadline", LocalDate.now().plusDays(30));
        submitMainForm();
        assertThat(heading()).isEqualTo(title);
        assertThat(find("main").getText()).contains("Udfordringen er offentliggjort.").contains("Åbent opslag")
                .contains("Hvad nu hvis borgeren med kronisk sygdom er tryg?");
        logout();

        open("/udfordringer?status=aabne");
        assertThat(find("#results").getText()).contains(title);
        assertNoSeriousAccessibilityViolations();
        open("/udfordringer?status=lukkede");
        assertThat(find("#results").getText()).doesNotContain(title);
        open("/udfordringer?status=aabne");
        clickAndWaitForPage(driver.findElement(org.openqa.selenium.By.linkText(title)));
        assertThat(heading()).isEqualTo(title);
        assertThat(findAll("form[action$='/genaabn']")).isEmpty();
        assertNoSeriousAccessibilityViolations();
    }

    /** Sets a date field whatever the browser's locale (typing depends on the date format it shows). */
    private void setDate(String css, LocalDate date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), date.toString());
    }
}
