package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiatives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * OMOP CDM v5.4 as input (ADR 0046, docs/omop-import.md) on a hand-made OMOP set
 * (src/test/resources/monitoring/omop; measurement.csv is tab-separated, as Athena-style exports are):
 * <ul>
 * <li>persons 1–4 are mapped; "X Y" (not an id) and 5 (no year of birth) are not; 2's birth date is completed to
 * 1 July, 3's gender concept 8551 becomes an unknown sex, 4's location has no municipality code; only person 1 has a
 * social position, from observation rows with the TVAERS_* source values;</li>
 * <li>visits: 101 emergency room (acute; action diagnosis the primary J44.1, the others secondary; ICD-9 428.0 and a
 * SNOMED-like code are not ICD-10), 102 inpatient admitted from the emergency room (acute), 103 inpatient with dates
 * only (the SKS value DI500 kept as it is), 104 outpatient (seconds cut), 105 home visit (ALCA10), 106 telehealth
 * (ALCA20), 111 hospice; 107 an office visit (not a hospital contact), 108 without a diagnosis, 109 of an unknown
 * person and 110 ending before it starts are counted, not mapped;</li>
 * <li>EQ5D_INDEX and PATIENT_EXPERIENCE rows become registrations; other observations and measurements are
 * counted.</li>
 * </ul>
 */
@IntegrationTest
class OmopImportTests {

    private static final Path OMOP = Path.of("src/test/resources/monitoring/omop");

    @Autowired
    Imports imports;

    @Autowired
    Runs runs;

    @Autowired
    Populations populations;

    @Autowired
    AnalyticStore store;

    @Autowired
    Initiatives initiatives;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @TempDir
    Path broken;

    @Test
    void aHandMadeOmopSetIsMappedIntoTheEventModelAndWhatCannotMapIsCounted() throws Exception {
        ImportJob job = importOmop(OMOP);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.omop()).isTrue();
        assertThat(job.persons()).isEqualTo(4);
        assertThat(job.contacts()).isEqualTo(7);

        assertThat(rows("""
                SELECT person_id || '|' || birth_date || '|' || coalesce(sex, '') || '|'
                    || coalesce(municipality_code, '') || '|' || coalesce(education, '') || '|' || coalesce(income_group, '') || '|'
                    || coalesce(CAST(living_alone AS VARCHAR), '')
                FROM person ORDER BY person_id""")).containsExactly(
                "1|1950-03-14|F|751|HIGHER|LOW|true",
                "2|1948-07-01|M|730|||",
                "3|1960-06-01||751|||",
                "4|1940-01-01|M||||");
        assertThat(rows("""
                SELECT contact_id || '|' || person_id || '|' || strftime(start_ts, '%Y-%m-%dT%H:%M') || '|'
                    || coalesce(strftime(end_ts, '%Y-%m-%dT%H:%M'), '') || '|' || priority || '|' || contact_type || '|'
                    || action_diagnosis || '|' || coalesce(secondary_diagnoses, '') || '|'
                    || coalesce(CAST(drg_value_ore AS VARCHAR), '') || '|' || hospice
                FROM hospital_contact ORDER BY contact_id""")).containsExactly(
                "101|1|2024-01-10T08:00|2024-01-10T14:00|ATA1|ALCA00|DJ441|DE119 DI10||false",
                "102|1|2024-01-10T14:30|2024-01-15T10:00|ATA1|ALCA00|DJ189|||false",
                "103|2|2024-02-01T00:00|2024-02-03T00:00|ATA3|ALCA00|DI500|||false",
                "104|2|2024-03-05T09:15|2024-03-05T09:45|ATA3|ALCA00|DC341|||false",
                "105|3|2024-04-01T00:00|2024-04-01T00:00|ATA3|ALCA10|DE119|||false",
                "106|3|2024-04-02T00:00|2024-04-02T00:00|ATA3|ALCA20|DI10|||false",
                "111|4|2024-07-01T00:00|2024-07-20T00:00|ATA3|ALCA00|DC509|||true");
        assertThat(rows("SELECT person_id || '|' || death_date FROM death")).containsExactly("4|2024-07-20");
        assertThat(rows("SELECT person_id || '|' || registration_date || '|' || measure || '|' || score "
                + "FROM registration ORDER BY person_id")).containsExactly("1|2024-01-20|EQ5D_INDEX|0.62",
                        "2|2024-02-10|PATIENT_EXPERIENCE|4.00");
        assertThat(rows("SELECT count(*) FROM inclusion")).containsExactly("0");
        assertThat(rows("SELECT count(*) FROM gp_contact")).containsExactly("0");
        // nothing person-level of the OMOP files stays behind but the live tables
        assertThat(rows("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'omop%' "
                + "OR table_name LIKE 'stage%'")).containsExactly("0");

        var notes = new LinkedHashMap<String, String>();
        for (ImportNote note : imports.notes(job.id())) {
            notes.put(note.key().substring("monitoring.import.omop.note.".length()),
                    note.count() + (note.examples() == null ? "" : " " + note.examples()));
        }
        assertThat(notes).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("personRefused", "2"),
                Map.entry("birthCompleted", "1"),
                Map.entry("unknownSex", "1 8551 (1)"),
                Map.entry("noMunicipality", "1"),
                Map.entry("noSocialPosition", "3"),
                Map.entry("visitConcept", "1 581477 (1)"),
                Map.entry("visitPerson", "1"),
                Map.entry("visitTime", "1"),
                Map.entry("visitDiagnosis", "1"),
                Map.entry("conditionCode", "2 12345678 (1), 4280 (1)"),
                Map.entry("conditionVisit", "1"),
                Map.entry("deathUnmapped", "1"),
                Map.entry("observationUnmapped", "1 4275495 (1)"),
                Map.entry("measurementUnmapped", "1 SBP (1)"),
                Map.entry("registrationValue", "1")));

        // the import's page names what could not be mapped
        var page = mvc.get().uri("/analyse/import/" + job.id()).with(user("analytiker").roles("ANALYST")).exchange();
        assertThat(page).hasStatusOk();
        var html = org.jsoup.Jsoup.parse(page.getResponse().getContentAsString());
        assertThat(html.selectFirst("#import-omop-lacks").text()).contains("uddannelse", "DRG-værdier");
        assertThat(html.select("#import-notes-table tbody tr")).hasSize(15);
        assertThat(html.selectFirst("tr[data-note=monitoring.import.omop.note.visitConcept]").text())
                .contains("581477 (1)");

        // a run on the mapped data: a population by rule (OMOP holds no inclusions); sex and social position the
        // data do not hold are UNKNOWN strata, never counted as one of the known values
        long initiative = ImportFixture.initiative(initiatives, "OMOP");
        populations.save(initiative, new Population.Rule(List.of("DJ44"), List.of(), null, null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Population.Comparison.EVERYONE_ELSE, null, null),
                Actor.SYSTEM);
        long runId = runs.start(initiative, 365, Actor.SYSTEM);
        IndicatorRun run = Awaiting.until(() -> runs.find(runId).orElseThrow(), r -> r.status().finished());
        assertThat(run.status()).as(run.stepKey()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(run.dataVersion()).isEqualTo(job.dataVersion());
        assertThat(jdbc.sql("SELECT DISTINCT stratum || ':' || stratum_value FROM monitoring_result WHERE run_id = :id "
                + "AND stratum IN ('SEX', 'INCOME', 'LIVING_ALONE')").param("id", runId).query(String.class).list())
                .containsExactlyInAnyOrder("SEX:F", "SEX:M", "SEX:UNKNOWN", "INCOME:LOW", "INCOME:UNKNOWN",
                        "LIVING_ALONE:ALONE", "LIVING_ALONE:UNKNOWN");
        assertThat(runs.fromOmop(runId)).isTrue();
        assertThat(runs.results(runId)).isNotEmpty().noneMatch(r -> Runs.NOT_IN_OMOP.contains(r.indicator()));
        assertThat(runs.effects(runId).effects()).noneMatch(e -> Runs.NOT_IN_OMOP.contains(e.indicator()));
        // person 1's education is known, so the breakdown stays (with an "unknown" row)
        assertThat(runs.unavailable(runId).strata()).isEmpty();
    }

    @Test
    void thePageAndTheExportsLeaveOutWhatOmopDataCannotShowAndSaySo() throws Exception {
        ImportJob job = importOmop(OMOP);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        long initiative = ImportFixture.initiative(initiatives, "OMOP-side");
        long run = jdbc.sql("""
                INSERT INTO monitoring_run (initiative_id, window_days, by_name, status, progress, data_version,
                    definition_version, tariff_years, finished_at)
                VALUES (:initiative, 365, 'Test', 'SUCCEEDED', 100, :version, 'def-3/ind-4/fi-0p/mm-1', '', now())
                RETURNING id""").param("initiative", initiative).param("version", job.dataVersion())
                .query(Long.class).single();
        for (String indicator : List.of("ACUTE_CONTACTS", "DRG_VALUE")) {
            for (String period : List.of("BEFORE", "AFTER")) {
                insert(run, indicator, period, "ALL", "ALL", 20);
                insert(run, indicator, period, "EDUCATION", "UNKNOWN", 20);
                insert(run, indicator, period, "INCOME", "LOW", 8);
                insert(run, indicator, period, "INCOME", "UNKNOWN", 12);
            }
        }
        var page = mvc.get().uri("/initiativer/" + initiative + "/triple-aim").with(user("analytiker").roles("ANALYST"))
                .exchange();
        assertThat(page).hasStatusOk();
        var html = org.jsoup.Jsoup.parse(page.getResponse().getContentAsString());
        var notice = html.selectFirst("#data-unavailable");
        assertThat(notice.text()).contains("OMOP", "DRG-værdi", "Opdelingen efter uddannelse vises ikke");
        assertThat(html.selectFirst("#indicator-drg-value")).isNull();
        var contacts = html.selectFirst("#indicator-acute-contacts");
        assertThat(contacts).isNotNull();
        assertThat(contacts.select("tr[data-stratum=EDUCATION]")).isEmpty();
        assertThat(contacts.selectFirst("tr[data-stratum=INCOME][data-value=UNKNOWN][data-group=TARGET]").text())
                .contains("Ukendt");

        var excel = mvc.get().uri("/initiativer/" + initiative + "/triple-aim.xlsx")
                .with(user("analytiker").roles("ANALYST")).exchange();
        var indicators = new ArrayList<String>();
        var strata = new ArrayList<String>();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(excel.getResponse().getContentAsByteArray()))) {
            for (var row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    indicators.add(row.getCell(13).getStringCellValue());
                    strata.add(row.getCell(16).getStringCellValue());
                }
            }
        }
        assertThat(indicators).isNotEmpty().containsOnly("ACUTE_CONTACTS");
        assertThat(strata).doesNotContain("EDUCATION").contains("INCOME");
    }

    @Test
    void aMissingTableOrColumnRefusesTheImportAndLeavesTheDataAsTheyWere() throws Exception {
        ImportJob first = importOmop(OMOP);
        assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
        Files.writeString(broken.resolve("person.csv"), "person_id,year_of_birth\n1,1950\n");
        Files.copy(OMOP.resolve("visit_occurrence.csv"), broken.resolve("visit_occurrence.csv"));
        ImportJob refused = importOmop(broken);
        assertThat(refused.status()).isEqualTo(JobStatus.REFUSED);
        assertThat(imports.errors(refused.id())).extracting(e -> e.file() + ":" + e.reasonKey() + ":" + e.column())
                .containsExactlyInAnyOrder("person.csv:monitoring.import.error.omop.missingColumn:gender_concept_id",
                        "condition_occurrence.csv:monitoring.import.error.missingFile:null");
        assertThat(imports.currentDataVersion()).contains(first.dataVersion());
        assertThat(rows("SELECT count(*) FROM hospital_contact")).containsExactly("7");
    }

    private ImportJob importOmop(Path source) throws Exception {
        long id = imports.startOmopFromDirectory(source, Actor.SYSTEM);
        return Awaiting.until(() -> imports.find(id).orElseThrow(), j -> j.status().finished());
    }

    private List<String> rows(String sql) throws Exception {
        var rows = new ArrayList<String>();
        try (var duck = store.connect(); var statement = duck.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private void insert(long run, String indicator, String period, String stratum, String value, long n) {
        jdbc.sql("""
                INSERT INTO monitoring_result (run_id, indicator, cohort_group, period, stratum, stratum_value,
                    suppressed, n, total, denominator, median, with_event)
                VALUES (:run, :indicator, 'TARGET', :period, :stratum, :value, false, :n, :total, NULL, 2, :with)""")
                .param("run", run).param("indicator", indicator).param("period", period).param("stratum", stratum)
                .param("value", value).param("n", n).param("total", n * 2).param("with", n / 2).update();
    }
}
