package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.monitoring.Population;
import dk.tvaers.monitoring.Populations;
import dk.tvaers.monitoring.Runs;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * OMOP CDM v5.4 as input (ADR 0046): the analyst chooses "Tabeller fra OMOP CDM v5.4", uploads the hand-made OMOP
 * set, reads what could not be mapped, and the Triple Aim page of a run on those data says what OMOP data cannot
 * show. Both pages looked at in 1366 and 390 px and scanned by axe-core.
 */
class OmopImportJourneyTests extends BrowserTest {

    private static final Path OMOP = Path.of("src/test/resources/monitoring/omop");

    @Autowired
    Initiatives initiatives;

    @Autowired
    Populations populations;

    @Autowired
    Runs runs;

    @Test
    void theAnalystImportsOmopTablesReadsWhatCouldNotBeMappedAndTheResultsSayWhatIsMissing() throws Exception {
        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());
        open("/analyse");
        find("#kind-omop").click();
        String files;
        try (var list = Files.list(OMOP)) {
            files = list.map(p -> p.toAbsolutePath().toString()).sorted().collect(Collectors.joining("\n"));
        }
        find("#files").sendKeys(files);
        clickAndWaitForPage(find("#import-submit"));
        assertThat(currentPath()).startsWith("/analyse/import/");
        waitUntil(d -> !find("#job-status").getDomAttribute("data-status").matches("QUEUED|RUNNING"));
        assertThat(find("#job-status").getDomAttribute("data-status")).isEqualTo("SUCCEEDED");
        assertThat(find("#import-kind").getText()).isEqualTo("Tabeller fra OMOP CDM v5.4 (erstatter alle data)");
        assertThat(find("#job-status [role=status]").getText()).contains("4 personer og 7 sygehuskontakter");
        assertThat(driver.findElements(By.cssSelector("#import-notes-table tbody tr"))).hasSize(15);
        lookAt(currentPath(), "omop-import");
        scan(currentPath(), find("h1").getText());

        long initiative = initiatives.start(new NewInitiative("OMOP-resultater " + unique(), "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null),
                Actor.SYSTEM);
        populations.save(initiative, new Population.Rule(List.of("DJ44"), List.of(), null, null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Population.Comparison.EVERYONE_ELSE, null, null),
                Actor.SYSTEM);
        long run = runs.start(initiative, 365, Actor.SYSTEM);
        waitUntil(d -> runs.find(run).orElseThrow().status().finished());
        String page = "/initiativer/" + initiative + "/triple-aim";
        open(page);
        assertThat(find("#data-unavailable").getText()).contains("Data fra OMOP CDM");
        assertThat(driver.findElements(By.id("indicator-drg-value"))).isEmpty();
        lookAt(page, "omop-triple-aim");
        scan(page, find("h1").getText());
    }
}
