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

    private static final Path FIXTURE = Path.of("src/test/resources/monitoring/fixture");

    @Autowired
    Imports imports;

    @Autowired
    AnalyticStore store;

    @TempDir
    Path dir;

    @Test
    void refusesAFileWithBadRowsNamingEachLineAndImportsNothing() throws Exception {
        ImportJob good = importOf(FIXTURE);
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
        assertThat(importOf(FIXTURE).status()).isEqualTo(JobStatus.SUCCEEDED);
        long persons = count("person");
        long contacts = count("hospital_contact");
        try (var duck = store.connect(); var statement = duck.createStatement()) {
            var all = ImportFormat.FILES;
            Imports.stage(statement, FIXTURE, List.of(ImportFormat.PERSONS), i -> {});
            // the crash: a staging table vanishes after the first tables were swapped in the transaction
            statement.execute("DROP TABLE stage_death");
            assertThatThrownBy(() -> Imports.swap(duck, 999)).isInstanceOf(SQLException.class);
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

    private void copyFixture() throws Exception {
        try (var files = Files.list(FIXTURE)) {
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
