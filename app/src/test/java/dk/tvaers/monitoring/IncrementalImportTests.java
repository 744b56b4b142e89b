package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiatives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Incremental imports (issue 16): a month of new events is added to the data in the store as a new data version,
 * not a full snapshot; what is there already or lies before the data's end is refused with a clear message and
 * nothing is added; a run records the data version it used.
 */
@IntegrationTest
class IncrementalImportTests {

    private static final String CONTACTS = "contact_id,person_id,start_ts,end_ts,priority,contact_type,"
            + "action_diagnosis,secondary_diagnoses,drg_value_ore,tariff_year,hospice\n";

    @Autowired
    Imports imports;

    @Autowired
    Runs runs;

    @Autowired
    AnalyticStore store;

    @Autowired
    Initiatives initiatives;

    @Autowired
    MessageSource messages;

    @TempDir
    Path full;

    @TempDir
    Path month;

    private long initiative;

    @BeforeEach
    void importTheFixture() throws Exception {
        initiative = ImportFixture.initiative(initiatives, "Tilføjelse");
        ImportFixture.copy(full, initiative);
        assertThat(importOf(full, false).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aMonthOfNewEventsIsAddedAsANewDataVersionAndARunRecordsIt() throws Exception {
        int before = imports.currentDataVersion().orElseThrow();
        long contacts = count("hospital_contact");
        long persons = count("person");
        Files.writeString(month.resolve("persons.csv"), String.join(",", ImportFormat.PERSONS.columns())
                + "\nNEW1,1960-04-01,F,751,BASIC,LOW,false\n");
        Files.writeString(month.resolve("hospital_contacts.csv"), CONTACTS
                + "M1,A,2025-01-10T08:00,2025-01-12T10:00,ATA1,ALCA00,DJ441,,100000,2025,false\n"
                + "M2,NEW1,2025-01-20T08:00,2025-01-20T09:00,ATA3,ALCA00,DE119,,50000,2025,false\n");
        Files.writeString(month.resolve("gp_contacts.csv"), "person_id,contact_date,fee_ore\nNEW1,2025-01-21,15000\n");
        Files.writeString(month.resolve("inclusions.csv"), String.join(",", ImportFormat.INCLUSIONS.columns())
                + "\nNEW1," + initiative + ",2025-01-20,TARGET,\n");

        ImportJob added = importOf(month, true);
        assertThat(added.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(added.append()).isTrue();
        assertThat(added.dataVersion()).isEqualTo(before + 1);
        assertThat(added.persons()).isEqualTo(1);
        assertThat(added.contacts()).isEqualTo(2);
        assertThat(count("hospital_contact")).as("added to, not replaced").isEqualTo(contacts + 2);
        assertThat(count("person")).isEqualTo(persons + 1);
        assertThat(single("SELECT CAST(version AS VARCHAR) || ' ' || CAST(cutoff_ts AS VARCHAR) FROM data_version"))
                .isEqualTo((before + 1) + " 2025-01-20 09:00:00");

        long run = runs.start(initiative, 365, Actor.SYSTEM);
        IndicatorRun done = Awaiting.until(() -> runs.find(run).orElseThrow(), r -> r.status().finished());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.dataVersion()).as("the run records the data version it used").isEqualTo(before + 1);
    }

    @Test
    void rowsThatAreThereAlreadyOrLieBeforeTheDatasEndAreRefusedAndNothingIsAdded() throws Exception {
        int before = imports.currentDataVersion().orElseThrow();
        long contacts = count("hospital_contact");
        Files.writeString(month.resolve("hospital_contacts.csv"), CONTACTS
                // A1 is in the data already; M3 starts before the data's end (2024-12-30T08:00)
                + "A1,A,2025-01-10T08:00,,ATA1,ALCA00,DJ441,,100000,2025,false\n"
                + "M3,A,2024-03-01T08:00,2024-03-01T09:00,ATA1,ALCA00,DJ441,,100000,2025,false\n"
                + "M4,A,2025-02-01T08:00,2025-02-01T09:00,ATA1,ALCA00,DJ441,,100000,2025,false\n");
        Files.writeString(month.resolve("gp_contacts.csv"), "person_id,contact_date,fee_ore\nNOBODY,2025-02-01,1\n");
        ImportJob refused = importOf(month, true);
        assertThat(refused.status()).isEqualTo(JobStatus.REFUSED);
        var errors = imports.errors(refused.id());
        String version = String.valueOf(before);
        assertThat(errors).extracting(ImportFormat.RowError::file, ImportFormat.RowError::reasonKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("hospital_contacts.csv",
                                "monitoring.import.error.append.exists"),
                        org.assertj.core.groups.Tuple.tuple("gp_contacts.csv",
                                "monitoring.import.error.append.unknownPerson"),
                        org.assertj.core.groups.Tuple.tuple("hospital_contacts.csv",
                                "monitoring.import.error.append.notAfterCutoff"));
        var exists = errors.stream().filter(e -> e.reasonKey().endsWith("exists")).findFirst().orElseThrow();
        assertThat(exists.arguments()).isEqualTo(List.of("1", version, "A1"));
        assertThat(text(exists)).isEqualTo("1 rækker findes allerede i dataversion " + version + ", fx A1. En "
                + "tilføjelse kan kun bringe nye rækker; ret det, der er indlæst, med et fuldt udtræk");
        var early = errors.stream().filter(e -> e.reasonKey().endsWith("notAfterCutoff")).findFirst().orElseThrow();
        assertThat(early.arguments().get(0)).isEqualTo("1");
        assertThat(text(early)).contains("ligger ikke efter de nuværende datas afslutning").contains("M3");
        assertThat(count("hospital_contact")).isEqualTo(contacts);
        assertThat(imports.currentDataVersion()).contains(before);
    }

    private String text(ImportFormat.RowError error) {
        return messages.getMessage(error.reasonKey(), error.argumentArray(), Locale.forLanguageTag("da"));
    }

    private ImportJob importOf(Path source, boolean append) throws Exception {
        long id = imports.startFromDirectory(source, Actor.SYSTEM, append);
        return Awaiting.until(() -> imports.find(id).orElseThrow(), j -> j.status().finished());
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(single("SELECT count(*) FROM " + table));
    }

    private String single(String sql) throws SQLException {
        try (var duck = store.connect(); var statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
