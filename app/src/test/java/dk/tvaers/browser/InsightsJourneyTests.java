package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.shared.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 in the browser: a municipality's staff record that they run a catalogue case (a missing date first,
 * refused with what was typed kept), the case page lists it and maps it; the capacity page with a filter; the open
 * data page. axe-core on every page; each looked at at 1366 and 390 px (screenshots under target/screenshots/).
 */
class InsightsJourneyTests extends BrowserTest {

    @Autowired
    CaseCatalog catalog;

    @Test
    void recordsAnAdoptionAndReadsTheCapacityAndTheOpenData() {
        String title = "Udbredt case " + unique();
        long caseId = CatalogPagesAccessibilityTests.aPublishedCase(catalog, title);
        TestUser staff = aUserWithRoles(Role.STAFF);

        loginAs(staff.email(), staff.password());
        open("/katalog/" + caseId);
        assertThat(find("#udbredelse").getText()).isEqualTo("Her kører casen");
        clickAndWaitForPage(find("[data-record-adoption]"));
        assertThat(heading()).isEqualTo("Jeres brug af casen " + title);
        record("the adoption form");
        lookAt(currentPath(), "adoption-form");

        new Select(find("#status")).selectByValue("RUNNING");
        type("#changes", "Vi kører det fra vores sundhedshus");
        type("#contact", "Sundhedshusets leder");
        clickAndWaitForPage(find("[data-save-adoption]"));
        assertThat(errorSummaryWithFocus()).contains("Startdato");
        assertThat(find("#changes").getDomProperty("value")).isEqualTo("Vi kører det fra vores sundhedshus");
        record("the adoption form with errors");

        script("document.getElementById('startedOn').value = '2026-03-01'");
        clickAndWaitForPage(find("[data-save-adoption]"));
        assertThat(find("main [role=status]").getText()).contains("Jeres brug af casen er registreret");
        assertThat(find("[data-adoptions]").getText()).contains("Vi kører det fra vores sundhedshus", "Kører",
                "Region Syddanmark");
        assertThat(driver.findElements(By.cssSelector("[data-adoption-map] path"))).hasSize(5);
        record("the case page with its adoption");
        lookAt("/katalog/" + caseId, "case-adoptions");

        logout();
        open("/innovationskapacitet?sektor=MUNICIPALITY");
        assertThat(heading()).isEqualTo("Innovationskapacitet");
        assertThat(new Select(find("#sektor")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("MUNICIPALITY");
        assertThat(Long.parseLong(find("[data-figure=adoptions]").getText())).isGreaterThanOrEqualTo(1);
        assertThat(find("[data-funnel]").isDisplayed()).isTrue();
        assertThat(script("return getComputedStyle(arguments[0]).textAlign", find("[data-figure=ideas]")))
                .as("the figures are aligned right by DKFDS's own class").isEqualTo("right");
        record("the capacity page");
        lookAt("/innovationskapacitet", "capacity");

        open("/aabne-data");
        assertThat(heading()).isEqualTo("Åbne data");
        assertThat(find("[data-dataset=udbredelser]").getText()).contains("CC BY 4.0", "Udbredelser som CSV");
        record("the open data page");
        lookAt("/aabne-data", "open-data");
        assertNoProblems();
    }

    @Autowired
    dk.tvaers.ideas.Ideas ideas;

    /**
     * The capacity by the ideas' source: a citizen's idea (typed in by staff), the source chosen in the filter, the
     * note that only the idea figures are divided by it, the ideas-by-source table drilling down to the idea list
     * with the source chosen there; an analyst sees the PDF for the annual report.
     */
    @Test
    void filtersTheCapacityBySourceAndDrillsDownToTheIdeaList() {
        ideas.submit(new dk.tvaers.ideas.NewIdea("Kildeidé " + unique(), "Problem", "Forslag", "Patienter",
                java.util.EnumSet.of(dk.tvaers.shared.Sector.MUNICIPALITY), dk.tvaers.shared.InnovationType.EVERYDAY,
                dk.tvaers.shared.Region.NORDJYLLAND, false, java.util.List.of()),
                dk.tvaers.ideas.Submitter.assisted("Borger", null, 1, "Medarbejder"));
        open("/innovationskapacitet");
        new Select(find("#kilde")).selectByValue("CITIZEN");
        clickAndWaitForPage(find("[data-capacity-filters] button[type=submit]"));
        assertThat(currentPath()).contains("kilde=CITIZEN");
        assertThat(find("[data-source-note]").getText()).contains("Kilden afgrænser kun idéernes tal");
        assertThat(find("[data-ideas-by-source]").getText()).contains("Borger");
        assertThat(driver.findElements(By.cssSelector("[data-capacity-pdf]"))).as("the PDF is for who reports").isEmpty();
        record("the capacity page by source");
        lookAt("/innovationskapacitet?kilde=CITIZEN", "capacity-source");

        open("/innovationskapacitet?kilde=CITIZEN");
        clickAndWaitForPage(find("[data-ideas-by-source] [data-source=CITIZEN] a"));
        assertThat(heading()).isEqualTo("Idéer");
        assertThat(new Select(find("#kilde")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("CITIZEN");
        record("the idea list from the source");

        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());
        open("/innovationskapacitet?kilde=CITIZEN");
        assertThat(find("[data-capacity-pdf]").getDomAttribute("href")).isEqualTo("/innovationskapacitet.pdf?kilde=CITIZEN");
        record("the capacity page of an analyst");
        lookAt("/innovationskapacitet?kilde=CITIZEN", "capacity-analyst");
        assertNoProblems();
    }
}
