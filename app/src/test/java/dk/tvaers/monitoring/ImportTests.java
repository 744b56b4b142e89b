package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** All or nothing: a file with a bad row is refused with its line number and nothing of the import is loaded. */
@IntegrationTest
class ImportTests {


    @Autowired
    Imports imports;

    @Autowired
    AnalyticStore store;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    dk.tvaers.initiatives.Initiatives initiatives;

    @TempDir
    Path dir;

    /** The fixture, its inclusion events naming an initiative of this test. */
    private Path fixture;

    @org.junit.jupiter.api.BeforeEach
    void copyTheFixture(@TempDir Path fixtureDir) throws Exception {
        fixture = ImportFixture.copy(fixtureDir, ImportFixture.initiative(initiatives, "Import"));
    }

    @Test
    void refusesAFileWithBadRowsNamingEachLineAndImportsNothing() throws Exception {
        ImportJob good = importOf(fixture);
        assertThat(good.status()).isEqualTo(JobStatus.SUCCEEDED);
        long personsBefore = count("person");

        copyFixture();
        var contacts = dir.resolve("hospital_contacts.csv");
        var lines = Files.readAllLines(contacts);
        lines.set(3, lines.get(3).replace("2024-07-01T08:00", "2024-13-01T08:00")); // line 4: no 13th month
        lines.set(6, lines.get(6).replace(",DJ441,", ",J44,")); // line 7: not an SKS code
        Files.write(contacts, lines);
        Files.writeString(dir.resolve("persons.csv"), "X,1950-01-01,F,751,BASIC,LOW,true\n",
                java.nio.file.StandardOpenOption.APPEND); // line 8: a new person, valid

        ImportJob refused = importOf(dir);
        assertThat(refused.status()).isEqualTo(JobStatus.REFUSED);
        assertThat(refused.errorCount()).isEqualTo(2);
        assertThat(imports.errors(refused.id())).containsExactly(
                new ImportFormat.RowError("hospital_contacts.csv", 4, "monitoring.import.error.timestamp", "start_ts"),
                new ImportFormat.RowError("hospital_contacts.csv", 7, "monitoring.import.error.diagnosis",
                        "action_diagnosis"));
        assertThat(count("person")).as("the valid persons.csv was not imported either").isEqualTo(personsBefore);
        assertThat(imports.currentDataVersion()).contains(good.dataVersion());
    }

    @Test
    void refusesRowsOfUnknownPersonsAndMissingRequiredFiles() throws Exception {
        copyFixture();
        Files.writeString(dir.resolve("gp_contacts.csv"), "NOBODY,2024-01-01,100\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.delete(dir.resolve("inclusions.csv"));
        ImportJob refused = importOf(dir);
        assertThat(refused.status()).isEqualTo(JobStatus.REFUSED);
        assertThat(imports.errors(refused.id())).containsExactly(
                new ImportFormat.RowError("inclusions.csv", 0, "monitoring.import.error.missingFile", null),
                new ImportFormat.RowError("gp_contacts.csv", 4, "monitoring.import.error.unknownPerson", "person_id"));
    }

    @Test
    void aSwapThatFailsHalfwayLeavesThePreviousDataIntact() throws Exception {
        assertThat(importOf(fixture).status()).isEqualTo(JobStatus.SUCCEEDED);
        long persons = count("person");
        long contacts = count("hospital_contact");
        try (var duck = store.connect(); var statement = duck.createStatement()) {
            var all = ImportFormat.FILES;
            ImportLoading.stage(statement, fixture, List.of(ImportFormat.PERSONS), i -> {});
            // the crash: a staging table vanishes after the first tables were swapped in the transaction
            statement.execute("DROP TABLE stage_death");
            assertThatThrownBy(() -> ImportLoading.swap(duck, 999)).isInstanceOf(SQLException.class);
            assertThat(all).isNotEmpty();
        }
        assertThat(count("person")).isEqualTo(persons);
        assertThat(count("hospital_contact")).isEqualTo(contacts);
        try (var duck = store.connect(); var statement = duck.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version FROM data_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isNotEqualTo(999);
        }
    }

    @Test
    void refusesBytesThatAreNotUtf8AndThe30thOfFebruaryNamingFileLineAndColumn() throws Exception {
        copyFixture();
        var persons = dir.resolve("persons.csv");
        byte[] content = Files.readAllBytes(persons);
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        // line 2: the education of person A written in Latin-1 ("GRUNDSKOLE" with an Ø byte)
        int at = text.indexOf("BASIC");
        byte[] latin1 = new byte[content.length];
        System.arraycopy(content, 0, latin1, 0, content.length);
        latin1[at + 1] = (byte) 0xD8;
        Files.write(persons, latin1);
        var contacts = dir.resolve("hospital_contacts.csv");
        var lines = Files.readAllLines(contacts);
        lines.set(2, lines.get(2).replace("2023-06-01T08:00", "2023-02-30T08:00")); // line 3: no 30 February
        Files.write(contacts, lines);

        ImportJob refused = importOf(dir);
        assertThat(refused.status()).as("refused with the lines named, not failed").isEqualTo(JobStatus.REFUSED);
        assertThat(imports.errors(refused.id())).contains(
                new ImportFormat.RowError("persons.csv", 2, "monitoring.import.error.encoding", "education"),
                new ImportFormat.RowError("hospital_contacts.csv", 3, "monitoring.import.error.timestamp", "start_ts"));
    }

    @Test
    void aFailedImportLeavesNoPersonLevelFilesOrStagingTables() throws Exception {
        // an import whose job fails after its upload was saved and its staging tables made (here: persons.csv is
        // unreadable, a directory; and a staging table is there as a crash in the middle of loading leaves it)
        long id = jdbc.sql("INSERT INTO monitoring_import (files, by_name) VALUES ('persons.csv', 'Test') RETURNING id")
                .query(Long.class).single();
        Path upload = store.directory().resolve("uploads").resolve(String.valueOf(id));
        Files.createDirectories(upload.resolve("persons.csv"));
        Files.copy(fixture.resolve("hospital_contacts.csv"), upload.resolve("hospital_contacts.csv"));
        try (var duck = store.connect(); var statement = duck.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE stage_person AS SELECT 'A' AS person_id");
        }
        imports.run(id);
        assertThat(imports.find(id).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(upload).doesNotExist();
        assertThat(stagingTables()).isZero();
    }

    @Test
    void whatAnInterruptedImportLeftIsRemovedAtStart() throws Exception {
        Path upload = store.directory().resolve("uploads").resolve("987654321");
        Files.createDirectories(upload);
        Files.copy(fixture.resolve("persons.csv"), upload.resolve("persons.csv"));
        try (var duck = store.connect(); var statement = duck.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE stage_hospital_contact AS SELECT 'A' AS person_id");
        }
        imports.markInterrupted(); // what the application does when it is ready, before any job runs
        assertThat(upload).doesNotExist();
        assertThat(stagingTables()).isZero();
    }

    private long stagingTables() throws SQLException {
        try (var duck = store.connect(); var statement = duck.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'stage\\_%' ESCAPE '\\'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void copyFixture() throws Exception {
        try (var files = Files.list(fixture)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private ImportJob importOf(Path source) throws Exception {
        long id = imports.startFromDirectory(source, Actor.SYSTEM);
        return Awaiting.until(() -> imports.find(id).orElseThrow(), j -> j.status().finished());
    }

    private long count(String table) throws SQLException {
        try (var duck = store.connect(); var statement = duck.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
