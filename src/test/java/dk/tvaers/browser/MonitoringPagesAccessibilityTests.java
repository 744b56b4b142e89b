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
import dk.tvaers.monitoring.Runs;
import dk.tvaers.monitoring.SyntheticData;
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
        for (String path : new String[] {"/analyse", "/analyse/import/" + good, "/analyse/import/" + refused,
            "/analyse/koersler/" + runId, "/initiativer/" + initiative + "/triple-aim"}) {
            open(path);
            assertThat(findAll("h1")).as(path).hasSize(1);
            assertNoSeriousAccessibilityViolations();
        }
        // the run form with its errors
        open("/analyse");
        find("#windowDays").clear();
        clickAndWaitForPage(find("#run-submit"));
        assertThat(find("[data-error-summary]").findElements(By.tagName("li"))).isNotEmpty();
        assertNoSeriousAccessibilityViolations();
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
