package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.monitoring.ImportJob;
import dk.tvaers.monitoring.Imports;
import dk.tvaers.monitoring.IndicatorRun;
import dk.tvaers.monitoring.JobStatus;
import dk.tvaers.monitoring.Population;
import dk.tvaers.monitoring.Populations;
import dk.tvaers.monitoring.Runs;
import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** axe-core on every monitoring page, as the analyst who uses them: overview, import (refused), run, dashboard. */
class MonitoringPagesAccessibilityTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @Autowired
    Imports imports;

    @Autowired
    Runs runs;

    @Autowired
    Populations populations;

    @TempDir
    Path dir;

    @Test
    void monitoringPagesHaveNoSeriousAccessibilityProblems() throws Exception {
        long initiative = initiatives.start(new NewInitiative("Tilgængelig " + unique(), "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), null), Actor.SYSTEM);
        SyntheticData.write(new SyntheticData.Options(300, 5, 6, 0.5, initiative, false), dir);
        long good = imports.startFromDirectory(dir, Actor.SYSTEM);
        ImportJob imported = poll(() -> imports.find(good).orElseThrow());
        assertThat(imported.status()).isEqualTo(JobStatus.SUCCEEDED);
        Files.writeString(dir.resolve("deaths.csv"), "P00000001,ikke-en-dato\n", java.nio.file.StandardOpenOption.APPEND);
        long refused = imports.startFromDirectory(dir, Actor.SYSTEM);
        poll(() -> imports.find(refused).orElseThrow());
        long runId = runs.start(initiative, 365, Actor.SYSTEM);
        IndicatorRun run = pollRun(runId);
        assertThat(run.status()).isEqualTo(JobStatus.SUCCEEDED);

        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());
        open("/initiativer/" + initiative + "/triple-aim");
        // the details under the headlines are folded per aim (issue 12): open them, then the strata inside
        for (var aim : findAll("details.tvaers-aim")) {
            aim.findElement(By.tagName("summary")).click();
        }
        for (var details : findAll("details.tvaers-strata")) {
            details.findElement(By.tagName("summary")).click();
        }
        screenshots("dashboard");
        for (String path : new String[] {"/analyse", "/analyse/import/" + good, "/analyse/import/" + refused,
            "/analyse/koersler/" + runId, "/initiativer/" + initiative + "/triple-aim",
            "/analyse/population?initiativeId=" + initiative}) {
            open(path);
            assertThat(findAll("h1")).as(path).hasSize(1);
            assertNoSeriousAccessibilityViolations();
        }
        // the dashboard again with every stratum table open (closed <details> hide them from the scan)
        open("/initiativer/" + initiative + "/triple-aim");
        for (var aim : findAll("details.tvaers-aim")) {
            aim.findElement(By.tagName("summary")).click();
        }
        var strata = findAll("details.tvaers-strata");
        assertThat(strata).isNotEmpty();
        for (var details : strata) {
            details.findElement(By.tagName("summary")).click();
        }
        assertThat(findAll("details.tvaers-strata[open]")).hasSameSizeAs(strata);
        assertThat(findAll("details.tvaers-strata tr[data-stratum=EDUCATION]").getFirst().isDisplayed()).isTrue();
        assertNoSeriousAccessibilityViolations();
        // the population form with its errors, and with a saved rule shown above it
        open("/analyse/population?initiativeId=" + initiative);
        new org.openqa.selenium.support.ui.Select(find("#source")).selectByValue("RULE");
        type("#diagnoses", "J44");
        clickAndWaitForPage(find("#population-submit"));
        assertThat(find("[data-error-summary]").findElements(By.tagName("li"))).hasSizeGreaterThan(1);
        assertNoSeriousAccessibilityViolations();
        populations.save(initiative, new Population.Rule(java.util.List.of("DJ44"), java.util.List.of("751"), 60, 90,
                java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 12, 31),
                Population.Comparison.MATCHED, 2, Population.MatchStratum.INCOME), Actor.SYSTEM);
        open("/analyse/population?initiativeId=" + initiative);
        assertThat(find("#population-current").getText()).contains("DJ44");
        assertNoSeriousAccessibilityViolations();
        // the run form with its errors
        open("/analyse");
        find("#windowDays").clear();
        clickAndWaitForPage(find("#run-submit"));
        assertThat(find("[data-error-summary]").findElements(By.tagName("li"))).isNotEmpty();
        assertNoSeriousAccessibilityViolations();
    }

    /** The dashboard's top and two indicators at 1366 and 390 px wide, under target/screenshots/, to look at. */
    private void screenshots(String name) throws java.io.IOException {
        Path out = Files.createDirectories(Path.of("target/screenshots"));
        for (int width : new int[] {1366, 390}) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
            Files.write(out.resolve(name + "-" + width + "-top.png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            for (String indicator : new String[] {"indicator-mortality", "indicator-readmissions-30d",
                "indicator-preventable-admissions", "indicator-drg-value-acute"}) {
                var element = find("#" + indicator);
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", element);
                Files.write(out.resolve(name + "-" + width + "-" + indicator + ".png"),
                        element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            }
        }
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    private ImportJob poll(java.util.function.Supplier<ImportJob> read) throws InterruptedException {
        ImportJob job = read.get();
        for (int i = 0; i < 600 && !job.status().finished(); i++) {
            Thread.sleep(50);
            job = read.get();
        }
        return job;
    }

    private IndicatorRun pollRun(long id) throws InterruptedException {
        IndicatorRun run = runs.find(id).orElseThrow();
        for (int i = 0; i < 600 && !run.status().finished(); i++) {
            Thread.sleep(50);
            run = runs.find(id).orElseThrow();
        }
        return run;
    }
}
