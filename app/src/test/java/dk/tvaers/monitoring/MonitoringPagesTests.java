package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The analyst's job pages: a progress bar that works with and without JavaScript, and import form errors. */
@IntegrationTest
class MonitoringPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Initiatives initiatives;

    private long runningRun() {
        long initiative = initiatives.start(new NewInitiative("Løbende " + System.nanoTime(), "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        return jdbc.sql("""
                INSERT INTO monitoring_run (initiative_id, window_days, by_name, status, progress, step_key)
                VALUES (:initiative, 365, 'Test', 'RUNNING', 40, 'monitoring.run.step.stays') RETURNING id""")
                .param("initiative", initiative).query(Long.class).single();
    }

    @Test
    void aRunningRunShowsItsProgressBarARefreshLinkAndPollsWithHtmx() {
        long id = runningRun();
        var page = mvc.get().uri("/analyse/koersler/" + id).with(user("analytiker").roles("ANALYST"));
        assertThat(page).hasStatusOk().bodyText()
                .contains("<progress id=\"run-progress\" max=\"100\" value=\"40\">")
                .contains("40 % færdig", "Danner sygehusophold", "href=\"/analyse/koersler/" + id + "\"")
                .contains("hx-trigger=\"every 1s\"");
        var fragment = mvc.get().uri("/analyse/koersler/" + id).header("HX-Request", "true")
                .with(user("analytiker").roles("ANALYST"));
        assertThat(fragment).hasStatusOk().bodyText().startsWith("<div id=\"job-status\"").doesNotContain("<html");
    }

    @Test
    void anImportWithoutFilesAsksForThem() {
        var page = mvc.post().uri("/analyse/import").with(user("analytiker").roles("ANALYST")).with(csrf())
                .multipart();
        assertThat(page).hasStatusOk().bodyText().contains("data-error-summary", "Vælg mindst én fil.");
    }

    @Test
    void acceptsParquetFilesOfTheFormatAndRefusesOtherNames() {
        var refused = mvc.post().uri("/analyse/import").with(user("analytiker").roles("ANALYST")).with(csrf())
                .multipart().file(new MockMultipartFile("files", "persons.xlsx", null, new byte[] {1}));
        assertThat(refused).hasStatusOk().bodyText().contains("Filen persons.xlsx hører ikke til importformatet.");
        assertThat(ImportFormat.spec("persons.parquet")).isSameAs(ImportFormat.PERSONS);
        assertThat(ImportFormat.spec("hospital_contacts.parquet")).isSameAs(ImportFormat.HOSPITAL_CONTACTS);
        assertThat(ImportFormat.spec("persons.xlsx")).isNull();
    }

    @Test
    void theDashboardSaysSoWhenNothingWasComputed() {
        long initiative = initiatives.start(new NewInitiative("Uberegnet " + System.nanoTime(), "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        var page = mvc.get().uri("/initiativer/" + initiative + "/triple-aim").with(user("borger").roles("STAFF"));
        assertThat(page).hasStatusOk().bodyText().contains("Der er endnu ingen beregning for dette initiativ.");
    }

    /**
     * A run stored before secondary suppression existed (only the primary "< 5"): the page and the Excel workbook read
     * it through the rule, so the vocational 4 cannot be computed from n = 20, basic 8 and higher 8.
     */
    @Test
    void aStoredRunIsShownWithSecondarySuppressionOnThePageAndInExcel() throws Exception {
        long initiative = initiatives.start(new NewInitiative("Diskretion " + System.nanoTime(), "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        long run = jdbc.sql("""
                INSERT INTO monitoring_run (initiative_id, window_days, by_name, status, progress, data_version,
                    definition_version, tariff_years, finished_at)
                VALUES (:initiative, 365, 'Test', 'SUCCEEDED', 100, 1, 'def-2/ind-2/fi-0p/mm-1', '2025', now())
                RETURNING id""").param("initiative", initiative).query(Long.class).single();
        for (String period : new String[] {"BEFORE", "AFTER"}) {
            insert(run, period, "ALL", "ALL", 20L);
            insert(run, period, "EDUCATION", "BASIC", 8L);
            insert(run, period, "EDUCATION", "HIGHER", 8L);
            insert(run, period, "EDUCATION", "VOCATIONAL", null);
        }
        var page = mvc.get().uri("/initiativer/" + initiative + "/triple-aim").with(user("analytiker").roles("ANALYST"))
                .exchange();
        assertThat(page).hasStatusOk();
        var html = org.jsoup.Jsoup.parse(page.getResponse().getContentAsString());
        var contacts = html.selectFirst("#indicator-acute-contacts");
        assertThat(row(contacts, "BASIC").get(3).text()).isEqualTo("skjult");
        assertThat(row(contacts, "VOCATIONAL").get(3).text()).isEqualTo("< 5");
        assertThat(row(contacts, "HIGHER").get(3).text()).isEqualTo("8");
        assertThat(html.selectFirst("#suppression-note").text()).contains("Skjult");
        // an indicator without persons says so instead of "< 5"
        assertThat(html.selectFirst("#indicator-preventable-admissions tbody tr td:nth-of-type(2)").text())
                .isEqualTo("0 (ingen på 65 år eller derover)");

        var excel = mvc.get().uri("/initiativer/" + initiative + "/triple-aim.xlsx")
                .with(user("analytiker").roles("ANALYST")).exchange();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(excel.getResponse().getContentAsByteArray()))) {
            var cells = new java.util.HashMap<String, String>();
            for (var row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 0 && row.getCell(4).getStringCellValue().equals("Før")) {
                    var n = row.getCell(7);
                    cells.put(row.getCell(6).getStringCellValue(), n.getCellType()
                            == org.apache.poi.ss.usermodel.CellType.STRING ? n.getStringCellValue()
                                    : String.valueOf((long) n.getNumericCellValue()));
                }
            }
            assertThat(cells).containsEntry("Grundskole", "skjult").containsEntry("Erhvervsfaglig", "< 5")
                    .containsEntry("Videregående", "8").containsEntry("Alle", "20");
        }
    }

    private static org.jsoup.select.Elements row(org.jsoup.nodes.Element indicator, String value) {
        return indicator.selectFirst("tr[data-stratum=EDUCATION][data-value=" + value + "][data-group=TARGET]")
                .select("td");
    }

    private void insert(long run, String period, String stratum, String value, Long n) {
        jdbc.sql("""
                INSERT INTO monitoring_result (run_id, indicator, cohort_group, period, stratum, stratum_value,
                    suppressed, n, total, denominator, median, with_event)
                VALUES (:run, 'ACUTE_CONTACTS', 'TARGET', :period, :stratum, :value, :suppressed, :n, :total, NULL,
                    :median, :with)""")
                .param("run", run).param("period", period).param("stratum", stratum).param("value", value)
                .param("suppressed", n == null).param("n", n).param("total", n == null ? null : n * 2)
                .param("median", n == null ? null : 2).param("with", n == null ? null : n / 2).update();
    }
}
