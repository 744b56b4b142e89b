package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalogue's main journey: an evaluator writes a case about an initiative, scores the five parameters and
 * publishes it; an anonymous visitor finds it by searching Danish as people write it, filters by theme, opens it,
 * sees the spider chart and downloads the PDF.
 */
class CatalogJourneyTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @Test
    void anEvaluatorPublishesACaseAndAVisitorFindsItAndDownloadsItsPdf() throws Exception {
        int n = unique();
        String title = "Tryg hjemkomst " + n;
        long initiative = initiatives.start(new NewInitiative(title, "Opfølgning efter udskrivelse",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION, Sector.MUNICIPALITY),
                null), Actor.SYSTEM);
        TestUser evaluator = aUserWithRoles(Role.ANALYST);

        // the evaluator starts a case from the initiative's page
        loginAs(evaluator.email(), evaluator.password());
        open("/initiativer/" + initiative);
        clickAndWaitForPage(find("main").findElement(By.linkText("Skriv en case om initiativet")));
        assertThat(currentPath()).isEqualTo("/katalog/ny?initiativ=" + initiative);
        assertThat(find("#title").getDomProperty("value")).as("from the initiative").isEqualTo(title);
        assertThat(themeBox("Tværsektorielt samarbejde").isSelected()).as("the initiative is cross-sector").isTrue();

        // a section missing: the error summary has focus, and what was typed stays
        type("#targetGroup", "Ældre borgere med diabetes efter en indlæggelse, også kræftpatienter.");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Udfyld feltet.");
        assertThat(find("#purpose").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#targetGroup").getDomProperty("value")).startsWith("Ældre borgere med diabetes");

        type("#purpose", "Færre genindlæggelser og en tryg overgang fra sygehus til eget hjem.");
        type("#results", "Foreløbige tilbagemeldinger er positive; ingen effektmåling endnu.");
        type("#cost", "250.000");
        new Select(find("#region")).selectByVisibleText("Region Midtjylland");
        submitMainForm();
        assertThat(currentPath()).matches("/katalog/\\d+/redaktion");
        assertThat(find("main [role=status]").getText()).isEqualTo("Casen er gemt som version 1.");
        String caseId = currentPath().replaceAll("\\D+", " ").strip();

        // five parameters, one of them low
        clickAndWaitForPage(find("main").findElement(By.linkText("Vurdér casen")));
        score("theory", "3", "Bygger på erfaringer fra lignende forløb.");
        score("effect", "2", "Kun foreløbige tilbagemeldinger.");
        score("description", "3", "Målgruppe og aktiviteter er beskrevet.");
        score("goals", "3", "Klare mål for genindlæggelser.");
        score("transferability", "4", "Kan bruges i alle kommuner.");
        submitMainForm();
        assertThat(find("main [role=status]").getText()).isEqualTo("Vurderingen er gemt.");

        // publish the latest version with the newest assessment (both chosen already)
        confirmAction("form[action$='/udgiv']");
        clickAndWaitForPage(find("form[action$='/udgiv'] button[type=submit]"));
        assertThat(currentPath()).isEqualTo("/katalog/" + caseId);
        assertThat(find("main [role=status]").getText()).isEqualTo("Casen er udgivet i kataloget.");
        logout();

        // an anonymous visitor searches as people write
        open("/katalog");
        for (String search : List.of("indlæggelser", "diabetikere", "kræft")) {
            type("#q", search + " " + n);
            waitUntil(d -> resultTitles().contains(title));
        }
        type("#q", "hjemkomst " + n);
        waitUntil(d -> resultTitles().equals(List.of(title)));
        new Select(find("#tema")).selectByVisibleText("Social ulighed");
        waitUntil(d -> resultTitles().isEmpty());
        new Select(find("#tema")).selectByVisibleText("Tværsektorielt samarbejde");
        waitUntil(d -> resultTitles().equals(List.of(title)));
        assertThat(currentPath()).as("the address follows the filters").contains("tema=CROSS_SECTOR_COLLABORATION");

        clickAndWaitForPage(find("#results").findElement(By.linkText(title)));
        assertThat(heading()).isEqualTo(title);
        WebElement chart = find("svg[role=img]");
        assertThat(chart.getDomAttribute("aria-labelledby")).isEqualTo("chart-title chart-desc");
        assertThat(find("#chart-desc").getDomProperty("textContent")).contains("Virkning: 2", "Overførbarhed: 4");
        assertThat(findAll("svg[role=img] polygon")).hasSize(5);
        assertThat(find(".tvaers-scores table").getText()).contains("Teori og viden", "3 af 4", "Virkning", "2 af 4");
        assertThat(find("[data-low-evidence]").getText()).contains("Lav evidens");
        assertThat(find("main").getText()).contains("Region Midtjylland", "250.000 kr.", "Målgruppe og indsatstype");

        String pdfLink = find("a[data-case-pdf]").getDomAttribute("href");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + pdfLink)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        try (var document = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(title, "Lav evidens", "Teori og viden");
        }
    }

    private WebElement themeBox(String label) {
        WebElement box = find("#themes").findElements(By.tagName("label")).stream()
                .filter(candidate -> candidate.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no theme labelled " + label));
        return find("#" + box.getDomAttribute("for"));
    }

    private void score(String parameter, String score, String note) {
        new Select(find("#" + parameter + "Score")).selectByValue(score);
        type("#" + parameter + "Note", note);
    }

    private List<String> resultTitles() {
        return findAll("#results .tvaers-case-item h2 a").stream().map(WebElement::getText).toList();
    }
}
