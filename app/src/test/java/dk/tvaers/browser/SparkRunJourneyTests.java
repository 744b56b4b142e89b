package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.monitoring.ImportJob;
import dk.tvaers.monitoring.Imports;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analyst chooses Apache Spark for a run (the suite's Spark target: the job jar as Spark local[2] in a child
 * JVM), follows its progress and sees on the run page which engine and version computed it; the form, the running
 * and the finished run page are looked at at 1366 and 390 px.
 */
class SparkRunJourneyTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @Autowired
    Imports imports;

    @TempDir
    Path data;

    @Test
    void aRunOnSparkShowsItsProgressAndItsEngine() throws Exception {
        String title = "Spark-initiativ " + unique();
        long initiative = initiatives.start(new NewInitiative(title, "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        SyntheticData.write(new SyntheticData.Options(400, 5, 6, 0.5, initiative, false), data);
        long importId = imports.startFromDirectory(data, Actor.SYSTEM);
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> imports.find(importId).map(ImportJob::status).orElseThrow().finished());

        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());
        var problems = new java.util.ArrayList<String>();
        for (int width : new int[] {NARROW, WIDE}) {
            atWidth(width);
            open("/analyse?initiativeId=" + initiative);
            problems.addAll(lookedAt("spark-run-form"));
        }
        assertThat(problems).as("the run form").isEmpty();
        assertThat(find("#run-engine").getText()).contains("Beregningsmotor", "DuckDB på denne server",
                "Apache Spark (local[2])");
        assertThat(find("#engine-DUCKDB").isSelected()).as("DuckDB unless one chooses").isTrue();
        new Select(find("#initiativeId")).selectByVisibleText(title);
        var spark = find("label[for=engine-SPARK]");
        script("arguments[0].scrollIntoView({block: 'center'})", spark);
        spark.click();
        assertThat(find("#engine-SPARK").isSelected()).isTrue();
        clickAndWaitForPage(find("#run-submit"));
        assertThat(currentPath()).startsWith("/analyse/koersler/");
        assertThat(find("#run-engine").getText()).isEqualTo("Beregnet med Apache Spark");
        assertThat(find("#run-progress").isDisplayed()).isTrue();
        screenshot("spark-run-running");

        new WebDriverWait(driver, Duration.ofMinutes(25)).ignoring(StaleElementReferenceException.class)
                .until(d -> find("#job-status").getDomAttribute("data-status").matches("SUCCEEDED|FAILED"));
        assertThat(find("#job-status").getDomAttribute("data-status")).isEqualTo("SUCCEEDED");
        assertThat(find("#run-engine").getText()).startsWith("Beregnet med Apache Spark (Spark 4.");
        assertThat(find("#person-table-note").getText()).contains("Beregnet i Spark");
        problems.clear();
        String runPage = currentPath();
        for (int width : new int[] {NARROW, WIDE}) {
            atWidth(width);
            open(runPage);
            problems.addAll(lookedAt("spark-run-done"));
        }
        assertThat(problems).as("the finished run page").isEmpty();
        // the list of runs names the engine, under its own heading
        open("/analyse");
        var runsTable = findAll("main table").getLast();
        assertThat(runsTable.findElements(By.cssSelector("thead th")).getLast().getText()).isEqualTo("Motor");
        assertThat(runsTable.findElements(By.cssSelector("tbody tr")).getFirst()
                .findElements(By.tagName("td")).getLast().getText()).isEqualTo("Apache Spark");
        assertThat(findAll("main table").getFirst().findElements(By.cssSelector("thead th")).stream()
                .map(e -> e.getText()).toList()).as("the imports' table").doesNotContain("Motor");
        open(runPage);
        clickAndWaitForPage(find("#to-dashboard"));
        assertThat(currentPath()).isEqualTo("/initiativer/" + initiative + "/triple-aim");
        assertThat(find("#person-table-note").getText()).contains("Beregnet i Spark");
        assertThat(find("#run-engine").getText()).startsWith("Beregnet med Apache Spark (Spark 4.");
        screenshot("spark-run-dashboard");
    }
}
