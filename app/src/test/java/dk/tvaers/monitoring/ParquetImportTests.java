package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Parquet files with the format's columns import like CSV: checked row by row, all or nothing. */
@IntegrationTest
class ParquetImportTests {


    /** What the store holds: every contact and person, as one text (compares a CSV and a Parquet import). */
    private static final String CONTENT = """
            SELECT (SELECT string_agg(contact_id || '|' || person_id || '|' || start_ts || '|' || coalesce(CAST(end_ts AS VARCHAR), '')
                        || '|' || priority || '|' || drg_value_ore || '|' || hospice, ';' ORDER BY contact_id) FROM hospital_contact)
                || (SELECT string_agg(person_id || '|' || birth_date || '|' || living_alone, ';' ORDER BY person_id) FROM person)
                || (SELECT string_agg(person_id || '|' || service_date || '|' || quantity, ';' ORDER BY person_id) FROM municipal_service)""";

    @Autowired
    Imports imports;

    @Autowired
    AnalyticStore store;

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
    void importsTypedParquetFilesExactlyAsTheirCsv() throws Exception {
        assertThat(importOf(fixture).status()).isEqualTo(JobStatus.SUCCEEDED);
        String fromCsv = single(CONTENT);

        copyFixture();
        // typed columns (DATE, TIMESTAMP, BIGINT, BOOLEAN, DECIMAL), as a register would write them
        for (var spec : new ImportFormat.FileSpec[] {ImportFormat.PERSONS, ImportFormat.HOSPITAL_CONTACTS,
            ImportFormat.MUNICIPAL_SERVICES}) {
            toParquet(spec, true);
        }
        ImportJob job = importOf(dir);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(single(CONTENT)).isEqualTo(fromCsv);
    }

    @Test
    void refusesAParquetFileWithABadRowNamingItsRowNumberAndImportsNothing() throws Exception {
        ImportJob good = importOf(fixture);
        String before = single(CONTENT);

        copyFixture();
        var lines = Files.readAllLines(dir.resolve("hospital_contacts.csv"));
        lines.set(3, lines.get(3).replaceFirst(",ATA[13],", ",AKUT,")); // the third data row
        Files.write(dir.resolve("hospital_contacts.csv"), lines);
        toParquet(ImportFormat.HOSPITAL_CONTACTS, false); // all text columns
        ImportJob refused = importOf(dir);
        assertThat(refused.status()).isEqualTo(JobStatus.REFUSED);
        assertThat(imports.errors(refused.id())).containsExactly(new ImportFormat.RowError(
                "hospital_contacts.parquet", 3, "monitoring.import.error.oneOf.priority", "priority",
                List.of("AKUT"), 0));
        assertThat(single(CONTENT)).isEqualTo(before);
        assertThat(imports.currentDataVersion()).contains(good.dataVersion());
    }

    /**
     * A comma or line break in a Parquet text value (which CSV could not hold) is refused and its row named: DuckDB's
     * check relies on no column's check accepting one (ImportCheckParityTests), the row checker on the value being
     * made invalid on the way to CSV.
     */
    @Test
    void refusesAParquetTextValueHoldingACommaOrALineBreakNamingItsRow() throws Exception {
        ImportJob good = importOf(fixture);
        String before = single(CONTENT);

        copyFixture();
        toParquet(ImportFormat.HOSPITAL_CONTACTS, true);
        Path parquet = dir.resolve(ImportFormat.HOSPITAL_CONTACTS.parquetName());
        Path edited = dir.resolve("edited.tmp");
        try (var duck = store.connect(); var statement = duck.createStatement()) {
            // the third data row's action diagnosis gets a comma, the fifth row's contact id a line break
            statement.execute("COPY (SELECT * EXCLUDE (file_row_number) REPLACE ("
                    + "CASE WHEN file_row_number = 2 THEN action_diagnosis || ',1' ELSE action_diagnosis END "
                    + "AS action_diagnosis, CASE WHEN file_row_number = 4 THEN contact_id || chr(10) || 'X' "
                    + "ELSE contact_id END AS contact_id) FROM read_parquet('" + parquet.toAbsolutePath()
                    + "', file_row_number = true) ORDER BY file_row_number) TO '" + edited.toAbsolutePath()
                    + "' (FORMAT parquet)");
        }
        Files.move(edited, parquet, StandardCopyOption.REPLACE_EXISTING);
        ImportJob refused = importOf(dir);
        assertThat(refused.status()).isEqualTo(JobStatus.REFUSED);
        assertThat(imports.errors(refused.id())).extracting(ImportFormat.RowError::file, ImportFormat.RowError::line,
                ImportFormat.RowError::column).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hospital_contacts.parquet", 3L, "action_diagnosis"),
                        org.assertj.core.groups.Tuple.tuple("hospital_contacts.parquet", 5L, "contact_id"));
        assertThat(single(CONTENT)).isEqualTo(before);
        assertThat(imports.currentDataVersion()).contains(good.dataVersion());
    }

    @Test
    void refusesParquetWithOtherColumnsAndAFileGivenTwice() throws Exception {
        copyFixture();
        try (var duck = store.connect(); var statement = duck.createStatement()) {
            statement.execute("COPY (SELECT person_id, death_date AS died FROM read_csv('"
                    + dir.resolve("deaths.csv").toAbsolutePath() + "')) TO '" + dir.resolve("deaths.parquet")
                    .toAbsolutePath() + "' (FORMAT parquet)");
        }
        Files.delete(dir.resolve("deaths.csv"));
        Files.copy(dir.resolve("persons.csv"), dir.resolve("persons.parquet"));
        ImportJob refused = importOf(dir);
        assertThat(refused.status()).isEqualTo(JobStatus.REFUSED);
        assertThat(imports.errors(refused.id())).containsExactlyInAnyOrder(
                new ImportFormat.RowError("persons.parquet", 0, "monitoring.import.error.twice", null),
                new ImportFormat.RowError("deaths.parquet", 0, "monitoring.import.error.header.unknown", "died",
                        List.of("died", "person_id,death_date"), 0));
    }

    /** Replaces the CSV file in {@link #dir} by a Parquet file of the same rows, typed or all text. */
    private void toParquet(ImportFormat.FileSpec spec, boolean typed) throws SQLException, java.io.IOException {
        Path csv = dir.resolve(spec.fileName());
        String columns = spec.columns0().stream()
                .map(c -> "'" + c.name() + "': '" + (typed ? c.type() : "VARCHAR") + "'")
                .collect(Collectors.joining(", "));
        try (var duck = store.connect(); var statement = duck.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true, "
                    + "delim = ',', quote = '', escape = '', auto_detect = false, timestampformat = '%Y-%m-%dT%H:%M', "
                    + "columns = {" + columns + "})) TO '" + dir.resolve(spec.parquetName()).toAbsolutePath()
                    + "' (FORMAT parquet)");
        }
        Files.delete(csv);
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

    private String single(String sql) throws SQLException {
        try (var duck = store.connect(); var statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
