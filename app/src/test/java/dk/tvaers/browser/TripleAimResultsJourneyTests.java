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
import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's results journey: the initiative's Triple Aim page opens with the three headlines in plain Danish (the
 * planted fall of acute contacts found, with its interval), the run charts and the SPC chart, and the figures behind
 * folded per aim; it passes the look-at checks and axe at 1366 and 390 px; the CSV and JSON downloads parse, carry
 * the run's versions and the same rows, and match what the page shows.
 */
class TripleAimResultsJourneyTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @Autowired
    Imports imports;

    @Autowired
    Runs runs;

    @TempDir
    Path dir;

    @Test
    void thePageOpensWithTheHeadlinesAndChartsAndTheDownloadsMatchIt() throws Exception {
        long initiative = initiatives.start(new NewInitiative("Effekt " + unique(), "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), null), Actor.SYSTEM);
        SyntheticData.write(new SyntheticData.Options(2000, 7, 8, 0.3, initiative, false), dir);
        long importId = imports.startFromDirectory(dir, Actor.SYSTEM);
        ImportJob imported = poll(() -> imports.find(importId).orElseThrow(), j -> j.status().finished());
        assertThat(imported.status()).isEqualTo(JobStatus.SUCCEEDED);
        long runId = runs.start(initiative, 365, Actor.SYSTEM);
        IndicatorRun run = poll(() -> runs.find(runId).orElseThrow(), r -> r.status().finished());
        assertThat(run.status()).isEqualTo(JobStatus.SUCCEEDED);

        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());
        String path = "/initiativer/" + initiative + "/triple-aim";
        open(path);

        // the three headlines first, one per aim, in plain Danish; the planted fall is found and not overclaimed
        var headlines = findAll("#headlines .tvaers-headline");
        assertThat(headlines.stream().map(h -> h.getDomAttribute("id")).toList())
                .containsExactly("headline-POPULATION_HEALTH", "headline-EXPERIENCE", "headline-COST");
        String cost = find("#headline-COST").getText();
        assertThat(cost).contains("Omkostninger pr. borger", "Bedre end sammenligningsgruppen",
                "Akutte sygehuskontakter faldt med", "pr. borger mere end i sammenligningsgruppen (95 % KI");
        for (var headline : headlines) {
            String text = headline.getText();
            // a verdict of better or worse only with an interval on one side of zero; otherwise "no certain difference"
            if (text.contains("Ingen sikker forskel")) {
                assertThat(text).contains("intervallet rummer");
            } else {
                assertThat(text).containsAnyOf("Bedre end", "Dårligere end", "Kan ikke vises");
            }
        }
        assertThat(find("#effect-method").getText()).contains("bootstrap", "400 gentagelser", "startværdi " + runId);
        // ... then the run charts and the SPC chart, visible; the details below them, folded
        assertThat(find("#run-chart-acute-contacts svg").isDisplayed()).isTrue();
        assertThat(find("#run-chart-acute-contacts").findElements(By.cssSelector("polyline"))).hasSize(2);
        assertThat(find("#spc-chart-acute-contacts svg").isDisplayed()).isTrue();
        assertThat(find("#spc-chart-acute-contacts-summary").getText()).contains("midterlinje");
        assertThat(findAll("details.tvaers-aim")).hasSize(3).noneMatch(d -> d.getDomAttribute("open") != null);
        assertThat(find("#indicator-acute-contacts").isDisplayed()).isFalse();
        assertThat(above(find("#headlines"), find("#run-charts"))).isTrue();
        assertThat(above(find("#run-charts"), find("#details-heading"))).isTrue();
        // opening an aim shows the effect beside its figures
        find("#aim-COST > summary").click();
        assertThat(find("#indicator-acute-contacts-effect").getText()).contains("faldt med");

        // the downloads: CSV and JSON parse, carry the versions and the same rows, and match the page
        String page = find("#indicator-acute-contacts tr[data-group=TARGET][data-period=BEFORE] .tvaers-mean").getText();
        String headlineAmount = find("#indicator-acute-contacts-effect").getText();
        var csv = parseCsv(download(find("#download-csv").getDomAttribute("href")));
        var json = JsonMapper.builder().build().readTree(download(find("#download-json").getDomAttribute("href")));
        List<String> header = csv.getFirst();
        assertThat(header).contains("run_id", "data_version", "definition_version", "bootstrap_seed", "indicator",
                "group", "period", "stratum", "stratum_value", "statistic", "value", "status");
        assertThat(json.get("run").get("run_id").asLong()).isEqualTo(runId);
        assertThat(json.get("run").get("definition_version").asString()).isEqualTo(run.definitionVersion());
        assertThat(json.get("run").get("bootstrap_seed").asLong()).isEqualTo(runId);
        Map<String, String> csvValues = new HashMap<>();
        for (List<String> row : csv.subList(1, csv.size())) {
            assertThat(row).hasSameSizeAs(header);
            assertThat(row.get(header.indexOf("run_id"))).isEqualTo(String.valueOf(runId));
            csvValues.put(key(row.get(header.indexOf("indicator")), row.get(header.indexOf("group")),
                    row.get(header.indexOf("period")), row.get(header.indexOf("stratum")),
                    row.get(header.indexOf("stratum_value")), row.get(header.indexOf("statistic"))),
                    row.get(header.indexOf("value")));
        }
        assertThat(json.get("rows").size()).isEqualTo(csv.size() - 1);
        for (JsonNode row : json.get("rows")) {
            String k = key(row.get("indicator").asString(), row.get("group").asString(), row.get("period").asString(),
                    row.get("stratum").asString(), row.get("stratum_value").asString(), row.get("statistic").asString());
            assertThat(csvValues).containsKey(k);
            String value = row.get("value").isNull() ? "" : row.get("value").decimalValue().toPlainString();
            assertThat(new BigDecimal(value.isEmpty() ? "0" : value)).as(k).isEqualByComparingTo(
                    new BigDecimal(csvValues.get(k).isEmpty() ? "0" : csvValues.get(k)));
        }
        // the page's mean and effect are the downloads' figures, formatted for the reader
        var mean = new BigDecimal(csvValues.get(key("ACUTE_CONTACTS", "TARGET", "BEFORE", "ALL", "ALL", "MEAN")));
        assertThat(page).isEqualTo(danish(mean, 2));
        var did = new BigDecimal(csvValues.get(key("ACUTE_CONTACTS", "TARGET_VS_COMPARISON", "AFTER_MINUS_BEFORE", "ALL",
                "ALL", "DID")));
        assertThat(did).isNegative();
        assertThat(headlineAmount).contains("faldt med " + danish(did.abs(), 2) + " pr. borger");
        var lower = new BigDecimal(csvValues.get(key("ACUTE_CONTACTS", "TARGET_VS_COMPARISON", "AFTER_MINUS_BEFORE",
                "ALL", "ALL", "DID_CI95_LOWER")));
        var upper = new BigDecimal(csvValues.get(key("ACUTE_CONTACTS", "TARGET_VS_COMPARISON", "AFTER_MINUS_BEFORE",
                "ALL", "ALL", "DID_CI95_UPPER")));
        assertThat(headlineAmount).contains("(95 % KI " + danish(upper.abs(), 2) + "–" + danish(lower.abs(), 2) + ")");
        assertThat(csvValues).containsKey(key("ACUTE_CONTACTS", "TARGET", "MONTH_-1", "ALL", "ALL", "EVENTS"));

        // looked at as a person does, at 1366 and 390 px, and scanned by axe: closed and with the details open
        lookAt(path, "triple-aim-results");
        open(path);
        assertNoSeriousAccessibilityViolations();
        for (var aim : findAll("details.tvaers-aim")) {
            aim.findElement(By.tagName("summary")).click();
        }
        for (var data : findAll("details.tvaers-chart-data")) {
            data.findElement(By.tagName("summary")).click();
        }
        assertNoSeriousAccessibilityViolations();
        atWidth(NARROW);
        open(path);
        for (var data : findAll("details.tvaers-chart-data")) {
            data.findElement(By.tagName("summary")).click();
        }
        assertThat(lookedAt("triple-aim-results-charts-open")).isEmpty();
        atWidth(WIDE);
    }

    private boolean above(org.openqa.selenium.WebElement a, org.openqa.selenium.WebElement b) {
        return (Boolean) script("return (arguments[0].compareDocumentPosition(arguments[1]) & 4) !== 0", a, b);
    }

    private static String key(String... parts) {
        return String.join("|", parts);
    }

    private static String danish(BigDecimal value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.of("da", "DK"));
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** RFC 4180: quoted fields may hold commas and doubled quotes. */
    private static List<List<String>> parseCsv(String text) {
        var rows = new ArrayList<List<String>>();
        for (String line : text.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            var fields = new ArrayList<String>();
            var field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            rows.add(fields);
        }
        return rows;
    }

    private String download(String path) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(Cookie::toString)
                .map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Cookie", cookies).GET().build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static <T> T poll(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        T value = read.get();
        for (int i = 0; i < 2400 && !done.test(value); i++) {
            Thread.sleep(50);
            value = read.get();
        }
        return value;
    }
}
