package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Staff submit a wicked problem (errors first); two Task Force members score it (errors first), see the ranking
 * with every comment and publish it as a challenge; the submitter sees only its status. Every page passes axe-core.
 */
class WickedProblemJourneyTests extends BrowserTest {

    @Test
    void aWickedProblemIsSubmittedScoredRankedAndPublishedAsAChallenge() {
        TestUser staff = aUserWithRoles(Role.STAFF);
        TestUser first = aUserWithRoles(Role.TASK_FORCE);
        TestUser second = aUserWithRoles(Role.TASK_FORCE);
        String title = "Ensomme ældre efter udskrivning " + unique();

        // staff submit a wicked problem
        loginAs(staff.email(), staff.password());
        assertThat(navigationLinks()).contains("/vilde-problemer");
        open("/vilde-problemer");
        assertThat(heading()).isEqualTo("Mine vilde problemer");
        assertNoSeriousAccessibilityViolations();
        clickAndWaitForPage(find("a[href='/vilde-problemer/ny']"));
        assertNoSeriousAccessibilityViolations();
        type("#title", title);
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Udfyld feltet.").contains("Vælg mindst én.")
                .contains("Vælg en værdi.");
        assertThat(find("#title").getDomProperty("value")).isEqualTo(title);
        assertNoSeriousAccessibilityViolations();
        type("#description", "Ældre udskrives til et tomt hjem; ingen sektor ejer ensomheden, og genindlæggelserne stiger.");
        type("#affected", "Ældre medicinske patienter, hjemmeplejen og de praktiserende læger");
        tick("sectors", "Region/hospital");
        tick("sectors", "Kommune");
        new Select(find("#region")).selectByVisibleText("Region Midtjylland");
        submitMainForm();
        assertThat(heading()).isEqualTo(title);
        assertThat(find("main").getText()).contains("Dit vilde problem er modtaget").contains("Modtaget");
        assertThat(findAll("#score-form")).isEmpty();
        assertThat(findAll(".alert-error")).isEmpty();
        assertNoSeriousAccessibilityViolations();
        String problemPath = currentPath();
        logout();

        // the first Task Force member finds it, scores it (a missing score is refused first)
        loginAs(first.email(), first.password());
        open("/vilde-problemer?q=" + title.replace(' ', '+'));
        assertThat(heading()).isEqualTo("Vilde problemer");
        assertNoSeriousAccessibilityViolations();
        clickAndWaitForPage(driver.findElement(By.linkText(title)));
        assertThat(find("main").getText()).contains("Ingen har scoret problemet endnu.");
        assertThat(findAll(".alert-error")).isEmpty();
        assertNoSeriousAccessibilityViolations();
        new Select(find("#size")).selectByValue("4");
        type("#comment", "Rammer mange og går på tværs af alle tre sektorer");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Vælg en score fra 1 til 5.");
        assertThat(find("#comment").getDomProperty("value")).isEqualTo("Rammer mange og går på tværs af alle tre sektorer");
        assertNoSeriousAccessibilityViolations();
        new Select(find("#reach")).selectByValue("5");
        new Select(find("#urgency")).selectByValue("3");
        submitMainForm();
        assertThat(find("main").getText()).contains("Din score er gemt.").contains(first.name())
                .contains("Rammer mange og går på tværs af alle tre sektorer");
        assertThat(find("#result").getText()).contains("12,0");
        assertThat(new Select(find("#size")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("4");
        logout();

        // the second member scores it lower; both comments and the averages are shown
        loginAs(second.email(), second.password());
        open(problemPath);
        new Select(find("#size")).selectByValue("2");
        new Select(find("#reach")).selectByValue("3");
        new Select(find("#urgency")).selectByValue("3");
        type("#comment", "Vigtigt, men ikke det mest presserende");
        submitMainForm();
        assertThat(find("#scores").getText()).contains(first.name()).contains(second.name())
                .contains("Vigtigt, men ikke det mest presserende");
        assertThat(find("#result").getText()).contains("3,0").contains("4,0").contains("10,0");
        assertNoSeriousAccessibilityViolations();
        open("/vilde-problemer/prioritering");
        WebElement row = find("#ranking").findElements(By.tagName("tr")).stream()
                .filter(tr -> tr.getText().contains(title)).findFirst().orElseThrow();
        assertThat(row.getText()).contains("10,0").contains("Under prioritering");
        assertNoSeriousAccessibilityViolations();

        // and publishes it as a challenge (a missing deadline is refused first)
        open(problemPath);
        type("#title", "Hvad nu hvis ingen ældre kom hjem til et tomt hjem?");
        clickAndWaitForPage(find("#publish-form button[type=submit]"));
        assertThat(errorSummaryWithFocus()).contains("Skriv en dato.");
        assertNoSeriousAccessibilityViolations();
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find("#deadline"),
                LocalDate.now().plusDays(45).toString());
        clickAndWaitForPage(find("#publish-form button[type=submit]"));
        assertThat(heading()).isEqualTo("Hvad nu hvis ingen ældre kom hjem til et tomt hjem?");
        assertThat(find("main").getText()).contains("offentliggjort som udfordring").contains("Vildt problem")
                .contains("Åbent opslag");
        assertThat(find("#wicked-problem-link").getDomAttribute("href")).isEqualTo(problemPath);
        assertNoSeriousAccessibilityViolations();
        String challengePath = currentPath();
        logout();

        // the public challenge page does not lead to the submitted problem
        open(challengePath);
        assertThat(heading()).isEqualTo("Hvad nu hvis ingen ældre kom hjem til et tomt hjem?");
        assertThat(findAll("#wicked-problem-link")).isEmpty();

        // the submitter sees the status, not the scores
        loginAs(staff.email(), staff.password());
        open(problemPath);
        assertThat(find("#status").getText()).isEqualTo("Offentliggjort som udfordring");
        assertThat(find("main").getText()).doesNotContain(first.name())
                .doesNotContain("Rammer mange og går på tværs af alle tre sektorer");
        assertThat(findAll("a[href^='/udfordringer/']")).isNotEmpty();
        assertNoSeriousAccessibilityViolations();
        open("/vilde-problemer/prioritering");
        assertThat(heading()).isEqualTo("Du har ikke adgang til siden");
    }

    /** Ticks a checkbox of a group by its label (DKFDS draws the box on the label). */
    private void tick(String group, String label) {
        WebElement box = find("#" + group).findElements(By.tagName("label")).stream()
                .filter(candidate -> candidate.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no checkbox labelled " + label));
        box.click();
        assertThat(find("#" + box.getDomAttribute("for")).isSelected()).as("%s is ticked", label).isTrue();
    }
}
