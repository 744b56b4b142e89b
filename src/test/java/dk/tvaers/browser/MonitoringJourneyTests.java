package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.monitoring.SyntheticData;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analyst's main journey: a file with a bad row is refused with its line number, generated files are imported,
 * the indicators run for an initiative (its population: the imported inclusion events) with a progress bar, and
 * the initiative's Triple Aim dashboard shows the three aims with before/after, target/comparison and strata, and
 * downloads as Excel and PDF.
 */
class MonitoringJourneyTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @TempDir
    Path good;

    @TempDir
    Path bad;

    @Test
    void importsRunsAndShowsTheTripleAimDashboard() throws Exception {
        String title = "ViosKlinikken " + unique();
        long initiative = initiatives.start(new NewInitiative(title, "", InitiativeKind.PROJECT, InnovationType.EVERYDAY,
                null, EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), null), Actor.SYSTEM);
        SyntheticData.write(new SyntheticData.Options(600, 11, 6, 0.5, initiative, false), good);
        for (String file : List.of("persons.csv", "hospital_contacts.csv", "inclusions.csv")) {
            Files.copy(good.resolve(file), bad.resolve(file));
        }
        var lines = Files.readAllLines(bad.resolve("hospital_contacts.csv"));
        lines.set(9, lines.get(9).replaceFirst(",ATA[13],", ",AKUT,")); // line 10: not a priority
        Files.write(bad.resolve("hospital_contacts.csv"), lines);

        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());
        clickAndWaitForPage(find("header nav").findElement(By.linkText("Monitorering")));
        assertThat(currentPath()).isEqualTo("/analyse");

        // the bad file first: refused, with its line number, and nothing imported
        upload(bad);
        waitUntil(d -> !find("#job-status").getDomAttribute("data-status").matches("QUEUED|RUNNING"));
        assertThat(find("#job-status").getDomAttribute("data-status")).isEqualTo("REFUSED");
        List<String> errorRow = find("#import-errors tbody tr").findElements(By.tagName("td")).stream()
                .map(e -> e.getText()).toList();
        assertThat(errorRow).containsExactly("hospital_contacts.csv", "10", "priority", "Ikke en af de tilladte værdier");
        assertThat(find("main").getText()).contains("Intet er indlæst");

        // the good files
        open("/analyse");
        upload(good);
        waitUntil(d -> "SUCCEEDED".equals(find("#job-status").getDomAttribute("data-status")));
        assertThat(find("#job-status [role=status]").getText()).contains("600 personer");

        // the run: the initiative's population by its imported inclusion events
        open("/analyse");
        new Select(find("#initiativeId")).selectByVisibleText(title);
        assertThat(find("#windowDays").getDomProperty("value")).isEqualTo("365");
        clickAndWaitForPage(find("#run-submit"));
        assertThat(currentPath()).startsWith("/analyse/koersler/");
        // the run page shows its progress bar until the run is done (a short run may be done at once; the bar of
        // a running job is checked in MonitoringPagesTests), then the link to the dashboard
        waitUntil(d -> "SUCCEEDED".equals(find("#job-status").getDomAttribute("data-status")));
        clickAndWaitForPage(find("#to-dashboard"));

        // the dashboard: three aims, before/after for target and comparison, strata, the provisional list
        assertThat(currentPath()).isEqualTo("/initiativer/" + initiative + "/triple-aim");
        assertThat(findAll("main .tvaers-aim h2").stream().map(e -> e.getText()).toList())
                .containsExactly("Befolkningens sundhed", "Kvalitet og oplevelse", "Omkostninger pr. borger");
        var contacts = find("#indicator-acute-contacts");
        assertThat(contacts.findElements(By.cssSelector("svg rect"))).hasSize(4);
        assertThat(contacts.findElements(By.cssSelector("tbody tr[data-period]")).stream()
                .map(r -> r.getDomAttribute("data-group") + "/" + r.getDomAttribute("data-period")).toList())
                .containsExactly("TARGET/BEFORE", "TARGET/AFTER", "COMPARISON/BEFORE", "COMPARISON/AFTER");
        contacts.findElement(By.tagName("summary")).click();
        var highRisk = contacts.findElement(By.cssSelector(
                "tr[data-stratum=SUBGROUP][data-value=HIGH_RISK][data-group=TARGET]"));
        assertThat(highRisk.findElement(By.cssSelector(".tvaers-median-before")).getText()).isEqualTo("4");
        assertThat(highRisk.findElement(By.cssSelector(".tvaers-median-after")).getText()).isEqualTo("1,5");
        assertThat(contacts.findElements(By.cssSelector("tr[data-stratum=EDUCATION]"))).isNotEmpty();
        assertThat(find("#provisional-list").getText()).contains("Foreløbig kodeliste");

        // the downloads open
        var excel = download(find("#download-excel").getDomAttribute("href"));
        assertThat(excel.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(excel.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Indikator");
            assertThat(sheet.getLastRowNum()).isGreaterThan(100);
        }
        var pdf = download(find("#download-pdf").getDomAttribute("href"));
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isPositive();
            assertThat(new PDFTextStripper().getText(document)).contains("Akutte sygehuskontakter", title);
        }
    }

    private void upload(Path dir) throws Exception {
        String files;
        try (var list = Files.list(dir)) {
            files = list.map(p -> p.toAbsolutePath().toString()).sorted().collect(Collectors.joining("\n"));
        }
        find("#files").sendKeys(files);
        clickAndWaitForPage(find("#import-submit"));
        assertThat(currentPath()).startsWith("/analyse/import/");
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(Cookie::toString)
                .map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Cookie", cookies).GET().build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
