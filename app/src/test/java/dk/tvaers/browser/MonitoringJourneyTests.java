package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.monitoring.Imports;
import dk.tvaers.monitoring.JobStatus;
import dk.tvaers.indicators.SyntheticData;
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
import java.time.Duration;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analyst's main journey: a file with a bad row is refused with its line number, generated files are imported,
 * the analyst defines the initiative's population by rule (a mistake first, refused in Danish), the indicators run
 * with a progress bar, and the initiative's Triple Aim dashboard shows the three aims (experienced quality with the
 * PRO measures) with before/after, target/comparison and strata, and downloads as Excel and PDF.
 */
class MonitoringJourneyTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @Autowired
    Imports imports;

    @TempDir
    Path good;

    @TempDir
    Path bad;

    @TempDir
    Path larger;

    @Test
    void importsDefinesThePopulationRunsAndShowsTheTripleAimDashboard() throws Exception {
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
        followMenuLink("Monitorering");
        assertThat(currentPath()).isEqualTo("/analyse");

        // the bad file first: refused, with its line number, and nothing imported
        upload(bad);
        waitUntil(d -> !find("#job-status").getDomAttribute("data-status").matches("QUEUED|RUNNING"));
        assertThat(find("#job-status").getDomAttribute("data-status")).isEqualTo("REFUSED");
        List<String> errorRow = find("#import-errors tbody tr").findElements(By.tagName("td")).stream()
                .map(e -> e.getText()).toList();
        assertThat(errorRow).containsExactly("hospital_contacts.csv", "10", "priority",
                "Skal være ATA1 (akut) eller ATA3 (planlagt)");
        assertThat(find("main").getText()).contains("Intet er indlæst");

        // the good files
        open("/analyse");
        upload(good);
        waitUntil(d -> "SUCCEEDED".equals(find("#job-status").getDomAttribute("data-status")));
        assertThat(find("#job-status [role=status]").getText()).contains("600 personer");

        // the population by rule: citizens with COPD (DJ44*) or heart failure (DI50*) in 2024, aged 40-90, each
        // matched with one comparison person of the same birth-year band, sex and education
        open("/analyse");
        clickAndWaitForPage(find("#define-population"));
        assertThat(currentPath()).isEqualTo("/analyse/population");
        new Select(find("#initiativeId")).selectByVisibleText(title);
        new Select(find("#source")).selectByValue("RULE");
        type("#diagnoses", "J44, DI50");
        type("#ageMin", "40");
        type("#ageMax", "90");
        setDate("#dateFrom", "2024-01-01");
        setDate("#dateTo", "2024-12-31");
        new Select(find("#comparison")).selectByValue("MATCHED");
        type("#matchesPerTarget", "1");
        new Select(find("#stratum")).selectByValue("EDUCATION");
        clickAndWaitForPage(find("#population-submit"));
        assertThat(errorSummaryWithFocus()).contains("Koden J44 er ikke en SKS-diagnosekode");
        assertThat(find("#diagnoses").getDomAttribute("aria-invalid")).isEqualTo("true");
        type("#diagnoses", "DJ44, DI50");
        clickAndWaitForPage(find("#population-submit"));
        assertThat(currentPath()).isEqualTo("/analyse?initiativeId=" + initiative);
        assertThat(find("main [role=status]").getText()).contains("version 1");
        assertThat(new Select(find("#initiativeId")).getFirstSelectedOption().getText()).isEqualTo(title);

        // the run, with its progress bar: another import is under way (jobs run one at a time; 10,000 persons take
        // seconds to check and load), so the run waits its turn and its page shows the bar until it is done
        SyntheticData.write(new SyntheticData.Options(10_000, 11, 6, 0.5, initiative, false), larger);
        long busy = imports.startFromDirectory(larger, Actor.SYSTEM);
        assertThat(find("#windowDays").getDomProperty("value")).isEqualTo("365");
        clickAndWaitForPage(find("#run-submit"));
        assertThat(currentPath()).startsWith("/analyse/koersler/");
        assertThat(find("#job-status").getDomAttribute("data-status")).matches("QUEUED|RUNNING");
        assertThat(find("#run-progress").isDisplayed()).isTrue();
        assertThat(find("#job-status").getText()).contains("% færdig");
        new WebDriverWait(driver, Duration.ofSeconds(180)).ignoring(StaleElementReferenceException.class)
                .until(d -> "SUCCEEDED".equals(find("#job-status").getDomAttribute("data-status")));
        assertThat(imports.find(busy).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(find("#population-summary").getText()).contains("Aktionsdiagnose begynder med DJ44, DI50",
                "Eksakt matchning: 1 pr. person i målgruppen");
        clickAndWaitForPage(find("#to-dashboard"));

        // the dashboard: three aims, before/after for target and comparison, strata, the population
        assertThat(currentPath()).isEqualTo("/initiativer/" + initiative + "/triple-aim");
        assertThat(findAll("main .tvaers-aim > summary").stream().map(e -> e.getText()).toList())
                .containsExactly("Befolkningens sundhed", "Kvalitet og oplevelse", "Omkostninger pr. borger");
        // the figures behind the headlines are folded per aim (issue 12): open them
        for (var aim : findAll("details.tvaers-aim")) {
            aim.findElement(By.tagName("summary")).click();
        }
        assertThat(find("#population-summary").getText()).contains("DJ44, DI50", "40–90 år");
        var contacts = find("#indicator-acute-contacts");
        assertThat(contacts.findElements(By.cssSelector("svg rect"))).hasSize(4);
        assertThat(contacts.findElements(By.cssSelector("tbody tr[data-period]")).stream()
                .map(r -> r.getDomAttribute("data-group") + "/" + r.getDomAttribute("data-period")).toList())
                .containsExactly("TARGET/BEFORE", "TARGET/AFTER", "COMPARISON/BEFORE", "COMPARISON/AFTER");
        assertThat(contacts.findElements(By.cssSelector("tbody tr[data-period] .tvaers-mean")).stream()
                .map(e -> e.getText()).toList()).as("groups this large are shown").doesNotContain("< 5");
        contacts.findElement(By.tagName("summary")).click();
        assertThat(contacts.findElement(By.cssSelector("tr[data-stratum=EDUCATION][data-group=TARGET]"))
                .isDisplayed()).isTrue();
        assertThat(contacts.findElements(By.cssSelector("tr[data-stratum=MULTIMORBIDITY]"))).isNotEmpty();
        // experienced quality: the PRO measures from the imported registrations
        assertThat(find("#aim-EXPERIENCE").getText()).contains("EQ-5D");
        assertThat(findAll("#pro-present")).hasSize(1);
        assertThat(find("#indicator-pro-eq5d-index").findElements(By.cssSelector("svg rect"))).hasSize(4);
        assertThat(find("#person-table-note").getText()).contains("er gemt");

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
            assertThat(new PDFTextStripper().getText(document)).contains("Akutte sygehuskontakter", title,
                    "DJ44, DI50");
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the charts, drawn by Batik")
                    .isNotEmpty();
        }
    }

    /** Sets a date field whatever the browser's locale (typing depends on the date format it shows). */
    private void setDate(String css, String date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), date);
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
