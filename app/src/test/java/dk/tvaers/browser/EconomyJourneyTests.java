package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.economy.BusinessCases;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.monitoring.Imports;
import dk.tvaers.monitoring.JobStatus;
import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import dk.tvaers.initiatives.NewInitiative;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A consultant builds a business case with lines in three sectors (a mistake first, refused in Danish with what was
 * typed kept), sees break-even and the shadow accounts, records an actual cost (a mistake first) and sees it next to
 * the plan, corrects it (a mistake first) and deletes a double entry (a confirmation step); the Task Force approves
 * the version; an analyst's Triple Aim run fills the realised gains per sector (region, municipality, general
 * practice); the PDF and Excel downloads open. axe-core on every page; screenshots at 1366 and
 * 390 px under target/screenshots/.
 */
class EconomyJourneyTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @Autowired
    Imports imports;

    @TempDir
    Path data;

    @Test
    void buildsApprovesMeasuresAndDownloadsABusinessCase() throws Exception {
        String title = "Virtuel klinik " + unique();
        long initiative = initiatives.start(new NewInitiative(title, "", InitiativeKind.PROJECT, InnovationType.EVERYDAY,
                null, EnumSet.of(Sector.REGION, Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE), null), Actor.SYSTEM);
        YearMonth start = BusinessCases.startOf(initiatives.find(initiative).orElseThrow());
        TestUser consultant = aUserWithRoles(Role.INNOVATION_CONSULTANT);
        TestUser taskForce = aUserWithRoles(Role.TASK_FORCE);
        TestUser analyst = aUserWithRoles(Role.ANALYST);

        // the consultant finds the economy from the initiative and starts a business case
        loginAs(consultant.email(), consultant.password());
        open("/initiativer/" + initiative);
        clickAndWaitForPage(find("#economy-link"));
        assertThat(currentPath()).isEqualTo("/initiativer/" + initiative + "/oekonomi");
        assertThat(find("#no-business-case").isDisplayed()).isTrue();
        assertThat(find("#visibility").getText()).contains("Kun initiativets deltagere");
        record("the economy page without a business case");
        clickAndWaitForPage(find("#new-version"));
        assertThat(heading()).isEqualTo("Ny version af business casen: " + title);
        assertThat(find("#discountRate").getDomProperty("value")).isEqualTo("3,5");
        record("the business-case form");

        setValue("#horizonYears", "3");
        setValue("#plannedCitizens", "10");
        line(0, "INVESTMENT", "REGION", "CASH", "Platform og udstyr", start, "MONTHLY", "120.000", "1");
        line(1, "OPERATING", "MUNICIPALITY", "CASH", "Klinikkens sygeplejersker", start, "PER_CITIZEN", "1.000", "-2");
        clickAndWaitForPage(find("#add-line"));
        assertThat(findAll("fieldset.tvaers-line")).hasSize(3);
        line(2, "GAIN", "REGION", "CAPACITY", "Færre indlæggelser", start.plusMonths(3), "PER_CITIZEN", "2.000", "");
        clickAndWaitForPage(find("#add-line"));
        line(3, "GAIN", "GENERAL_PRACTICE", "CASH", "Færre akutte konsultationer", start, "MONTHLY", "500", "12");
        // a sector that does not exist, sent as if typed by hand
        ((JavascriptExecutor) driver).executeScript("var s = document.getElementById(arguments[0]);"
                + "var o = document.createElement('option'); o.value = 'HOSPICE'; o.text = 'HOSPICE';"
                + "s.add(o); s.value = 'HOSPICE';", "lines[3].sector");
        clickAndWaitForPage(find("#save-version"));
        assertThat(errorSummaryWithFocus()).contains("Varigheden kan ikke være negativ", "Ukendt sektor");
        assertThat(driver.findElement(By.id("lines[1].duration")).getDomProperty("value")).isEqualTo("-2");
        assertThat(driver.findElement(By.id("lines[1].duration")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("lines[3].sector")).getDomProperty("value")).isEqualTo("HOSPICE");
        assertThat(driver.findElement(By.id("lines[2].title")).getDomProperty("value")).isEqualTo("Færre indlæggelser");
        record("the business-case form with errors");
        screenshots("economy-form-errors");

        driver.findElement(By.id("lines[1].duration")).clear();
        new Select(driver.findElement(By.id("lines[3].sector"))).selectByValue("GENERAL_PRACTICE");
        clickAndWaitForPage(find("#save-version"));

        // break-even and the shadow accounts: the hand-worked example of KeyFiguresTests
        assertThat(currentPath()).isEqualTo("/initiativer/" + initiative + "/oekonomi?version=1");
        assertThat(find("main [role=status]").getText()).contains("Version 1 af business casen er gemt");
        assertThat(find("#break-even").getText()).startsWith("Måned 18 (" + start.plusMonths(17) + ")");
        assertThat(find("#npv").getText()).isEqualTo("173.963,31 kr.");
        assertThat(find("#discount-rate").getText()).contains("3,5 %", "(statens rente)", "Finansministeriet");
        assertThat(find("#steady-state").getText()).isEqualTo("120.000,00 kr.");
        assertThat(find("#citizens-to-break-even").getText()).isEqualTo("4");
        assertThat(findAll("#shadow-accounts tbody tr").stream().map(r -> r.getDomAttribute("data-sector")).toList())
                .containsExactly("REGION", "MUNICIPALITY", "GENERAL_PRACTICE");
        assertThat(find("#shadow-accounts tr[data-sector=MUNICIPALITY]").getText())
                .contains("360.000,00 kr.", "-360.000,00 kr.");
        assertThat(findAll("#cumulative-chart polyline")).hasSize(4); // three sectors and the total
        assertThat(find("#break-even-mark").getText()).contains("måned 18");
        assertThat(findAll("#waterfall-chart rect")).hasSize(4);
        assertThat(find("#version-status").getText()).isEqualTo("Ikke godkendt");
        assertThat(findAll("#approve")).as("only the Task Force approves").isEmpty();
        assertThat(find("#realised-gains tr[data-row=region] .tvaers-measured").getText())
                .contains("ingen færdig Triple Aim-kørsel");
        record("the business case with its figures");
        screenshots("economy-business-case");

        // the consultant records what the municipality actually paid: a mistake first, refused in Danish
        assertThat(find("#no-actual-costs").isDisplayed()).isTrue();
        clickAndWaitForPage(find("#record-actual-cost"));
        assertThat(heading()).isEqualTo("Registrér en faktisk omkostning: " + title);
        assertThat(find("#month").getDomProperty("value")).isEqualTo(start.toString());
        record("the actual-cost form");
        new Select(driver.findElement(By.id("sector"))).selectByValue("MUNICIPALITY");
        setValue("#amount", "0");
        clickAndWaitForPage(find("#save-actual-cost"));
        assertThat(errorSummaryWithFocus()).contains("Beløbet skal være større end 0 kr.",
                "Skriv, hvad beløbet dækker.");
        assertThat(driver.findElement(By.id("sector")).getDomProperty("value")).isEqualTo("MUNICIPALITY");
        assertThat(driver.findElement(By.id("amount")).getDomAttribute("aria-invalid")).isEqualTo("true");
        record("the actual-cost form with errors");
        screenshots("economy-actual-cost-errors");
        setValue("#amount", "8.500");
        setValue("#description", "Sygeplejersker i første måned");
        clickAndWaitForPage(find("#save-actual-cost"));
        assertThat(find("main [role=status]").getText()).contains("Den faktiske omkostning for " + start
                + " er registreret");
        assertThat(find("#actual-vs-plan tr[data-sector=MUNICIPALITY]").getText())
                .contains("10.000,00 kr.", "8.500,00 kr.", "-1.500,00 kr.");
        assertThat(find("#actual-costs tbody tr").getText()).contains("Sygeplejersker i første måned",
                consultant.name());
        assertThat(findAll("#cumulative-chart polyline")).as("the realised line joins the plan").hasSize(5);
        record("the business case with an actual cost");
        screenshots("economy-actual-costs");

        // the amount was wrong: the consultant corrects it (a mistake first, refused in Danish, what was typed kept)
        String correctPath = find("[id^=correct-actual-cost-]").getDomAttribute("href");
        lookAt(correctPath, "economy-actual-cost-correct");
        open(correctPath);
        assertThat(heading()).isEqualTo("Ret en faktisk omkostning: " + title);
        assertThat(find("#amount").getDomProperty("value")).isEqualTo("8.500");
        record("the actual-cost correction form");
        setValue("#amount", "9.000,123");
        clickAndWaitForPage(find("#save-actual-cost"));
        assertThat(errorSummaryWithFocus()).contains("Beløb");
        assertThat(driver.findElement(By.id("amount")).getDomProperty("value")).isEqualTo("9.000,123");
        assertThat(driver.findElement(By.id("description")).getDomProperty("value"))
                .isEqualTo("Sygeplejersker i første måned");
        record("the actual-cost correction form with errors");
        setValue("#amount", "9.000");
        clickAndWaitForPage(find("#save-actual-cost"));
        assertThat(find("main [role=status]").getText()).contains("Den faktiske omkostning for " + start
                + " er rettet");
        assertThat(find("#actual-vs-plan tr[data-sector=MUNICIPALITY]").getText())
                .contains("10.000,00 kr.", "9.000,00 kr.", "-1.000,00 kr.");
        assertThat(find("#actual-costs tbody tr").getText()).contains("9.000,00 kr.", "Rettet");

        // a second entry was a double entry: deleting it asks for a confirmation first
        clickAndWaitForPage(find("#record-actual-cost"));
        new Select(driver.findElement(By.id("sector"))).selectByValue("REGION");
        setValue("#amount", "1.234");
        setValue("#description", "Tastet to gange");
        clickAndWaitForPage(find("#save-actual-cost"));
        assertThat(findAll("#actual-costs tbody tr")).hasSize(2);
        String deletePath = findAll("[id^=delete-actual-cost-]").stream().map(a -> a.getDomAttribute("href"))
                .filter(href -> !correctPath.equals(href.replace("/slet", ""))).findFirst().orElseThrow();
        lookAt(deletePath, "economy-actual-cost-delete");
        open(deletePath);
        assertThat(find("#cost-to-delete").getText()).contains("1.234,00 kr.", "Tastet to gange");
        record("the actual-cost deletion's confirmation");
        // the browser asks for the tick itself (required); the server's own refusal is ActualCostsTests'
        assertThat(find("#confirmed").getDomAttribute("required")).isNotNull();
        confirmAction("main form");
        clickAndWaitForPage(find("#delete-actual-cost"));
        assertThat(find("main [role=status]").getText()).contains("er slettet");
        assertThat(findAll("#actual-costs tbody tr")).hasSize(1);
        assertThat(find("#actual-costs").getText()).doesNotContain("Tastet to gange");
        screenshots("economy-actual-costs-corrected");
        logout();

        // the Task Force approves the version
        loginAs(taskForce.email(), taskForce.password());
        open("/initiativer/" + initiative + "/oekonomi");
        clickAndWaitForPage(find("#approve"));
        assertThat(find("main [role=status]").getText()).contains("Version 1 af business casen er godkendt");
        assertThat(find("#version-status").getText()).startsWith("Godkendt af " + taskForce.name());
        record("the approved business case");
        logout();

        // the analyst's Triple Aim run: its measured gains come next to the plan
        SyntheticData.write(new SyntheticData.Options(600, 11, 6, 0.5, initiative, false), data);
        long importId = imports.startFromDirectory(data, Actor.SYSTEM);
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d ->
                imports.find(importId).orElseThrow().status() == JobStatus.SUCCEEDED);
        loginAs(analyst.email(), analyst.password());
        open("/analyse?initiativeId=" + initiative);
        clickAndWaitForPage(find("#run-submit"));
        new WebDriverWait(driver, Duration.ofSeconds(180)).ignoring(StaleElementReferenceException.class)
                .until(d -> "SUCCEEDED".equals(find("#job-status").getDomAttribute("data-status")));
        String runPath = currentPath();
        open("/initiativer/" + initiative + "/oekonomi");
        // measured per sector: the region (DRG value), the municipality (municipal services), general practice (fees)
        for (String row : new String[] {"region", "municipality", "practice"}) {
            assertThat(find("#realised-gains tr[data-row=" + row + "] .tvaers-measured").getText()).as(row)
                    .startsWith("Målt: ");
        }
        assertThat(find("#realised-gains tr[data-row=practice]").getText()).startsWith("Almen praksis")
                .contains("Planlagt");
        assertThat(findAll("#realised-gains tr[data-row=other]")).as("no longer measured together").isEmpty();
        assertThat(findAll("#realised-together-only")).isEmpty();
        assertThat(find("#realised-source").getText()).contains("Kilde: Triple Aim-kørsel "
                + runPath.substring(runPath.lastIndexOf('/') + 1), "dataversion", "definitionsversion");
        assertThat(findAll("#cumulative-chart polyline")).as("the realised line joins the plan").hasSize(5);
        record("the business case with measured gains");
        screenshots("economy-realised");
        lookAt("/initiativer/" + initiative + "/oekonomi", "economy-realised-per-sector");

        // the downloads open
        var pdf = download(find("#download-pdf").getDomAttribute("href"));
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(title, "Skyggeregnskab", "Måned 18",
                    "Triple Aim-kørsel", "Faktiske omkostninger", "9.000,00 kr.", "Almen praksis")
                    .doesNotContain("målt samlet");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("a tagged PDF").isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("da");
        }
        var excel = download(find("#download-excel").getDomAttribute("href"));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(excel.body()))) {
            var keyFigures = workbook.getSheet("Nøgletal");
            var npvRow = java.util.stream.StreamSupport.stream(keyFigures.spliterator(), false)
                    .filter(r -> "Nutidsværdi".equals(r.getCell(0).getStringCellValue())).findFirst().orElseThrow();
            assertThat(npvRow.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(npvRow.getCell(1).getNumericCellValue()).isEqualTo(173_963.31);
            assertThat(workbook.getSheet("Linjer").getRow(1).getCell(6).getNumericCellValue()).isEqualTo(120_000.0);
            assertThat(workbook.getSheet("Måneder").getLastRowNum()).isEqualTo(36);
            assertThat(workbook.getSheet("Skyggeregnskab").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Region (sygehus)");
            var realised = workbook.getSheet("Realiseret");
            assertThat(java.util.stream.StreamSupport.stream(realised.spliterator(), false)
                    .map(r -> r.getCell(0).getStringCellValue()).toList())
                    .contains("Målt gevinst om året, kommune", "Målt gevinst om året, almen praksis");
            var actual = workbook.getSheet("Faktiske omkostninger");
            assertThat(actual.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(9_000.0);
            assertThat(actual.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Sygeplejersker i første måned");
        }
        assertNoProblems();
    }

    private void line(int i, String category, String sector, String effect, String title, YearMonth start,
            String basis, String amount, String duration) {
        new Select(driver.findElement(By.id("lines[" + i + "].category"))).selectByValue(category);
        new Select(driver.findElement(By.id("lines[" + i + "].sector"))).selectByValue(sector);
        new Select(driver.findElement(By.id("lines[" + i + "].effect"))).selectByValue(effect);
        driver.findElement(By.id("lines[" + i + "].title")).sendKeys(title);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("lines[" + i + "].start")), start.toString());
        new Select(driver.findElement(By.id("lines[" + i + "].basis"))).selectByValue(basis);
        driver.findElement(By.id("lines[" + i + "].amount")).sendKeys(amount);
        var field = driver.findElement(By.id("lines[" + i + "].duration"));
        field.clear();
        field.sendKeys(duration);
    }

    private void setValue(String css, String value) {
        type(css, value);
    }

    /** The whole page at 1366 and at 390 px wide, for a person to look at. */
    private void screenshots(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        // lookAt emulates a device width; the window's own size counts again only without that override
        ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride",
                java.util.Map.of());
        Dimension before = driver.manage().window().getSize();
        for (int width : new int[] {1366, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            long height = (Long) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollHeight;");
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 9000)));
            Files.write(dir.resolve(name + "-" + width + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
        driver.manage().window().setSize(before);
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
