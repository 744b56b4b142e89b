package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB reads, checks and stages the files itself (ADR 0042): a clean import is staged exactly as the row-checked
 * loader staged it (CSV and typed Parquet alike); anything the row checker would refuse makes it answer "not clean"
 * and leaves no staging table, so that the row checker names the rows.
 */
class ImportChecksTests {

    @TempDir
    Path dir;

    private Connection duck;
    private Statement statement;

    @BeforeEach
    void open() throws Exception {
        Files.createDirectories(dir);
        try (var files = Files.list(ImportFixture.FIXTURE)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        duck = DriverManager.getConnection("jdbc:duckdb:");
        statement = duck.createStatement();
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws SQLException {
        statement.close();
        duck.close();
    }

    @Test
    void aCleanImportIsStagedAsTheRowCheckedLoaderStagedIt() throws Exception {
        String expected = stagedByTheLoader();
        assertThat(ImportChecks.stage(duck, dir, initiative -> initiative == 9, i -> {})).isTrue();
        assertThat(content()).isEqualTo(expected);
    }

    @Test
    void typedParquetFilesAreStagedAsTheirCsv() throws Exception {
        String expected = stagedByTheLoader();
        for (var spec : List.of(ImportFormat.PERSONS, ImportFormat.HOSPITAL_CONTACTS, ImportFormat.MUNICIPAL_SERVICES,
                ImportFormat.INCLUSIONS)) {
            statement.execute("COPY (SELECT * FROM stage_" + spec.table() + ") TO "
                    + ImportChecks.literal(dir.resolve(spec.parquetName())) + " (FORMAT parquet)");
            Files.delete(dir.resolve(spec.fileName()));
        }
        ImportLoading.dropStaging(statement);
        assertThat(ImportChecks.stage(duck, dir, initiative -> initiative == 9, i -> {})).isTrue();
        assertThat(content()).isEqualTo(expected);
    }

    @Test
    void everythingTheRowCheckerRefusesIsNotClean() throws Exception {
        List<String[]> edits = List.of(
                new String[] {"hospital_contacts.csv", ",ATA3,", ",AKUT,"},
                new String[] {"hospital_contacts.csv", "2024-07-01T08:00", "2024-02-30T08:00"},
                new String[] {"hospital_contacts.csv", "contact_id,", "kontakt_id,"},
                new String[] {"persons.csv", "\n", "\r\n"},
                new String[] {"persons.csv", "BASIC", "BA\rSIC"},
                new String[] {"persons.csv", ",751,", ",751,,"});
        for (String[] edit : edits) {
            assertNotClean(edit[0], text -> text.replaceFirst(java.util.regex.Pattern.quote(edit[1]),
                    java.util.regex.Matcher.quoteReplacement(edit[2])));
        }
        assertNotClean("persons.csv", text -> text + text.lines().skip(1).findFirst().orElseThrow() + "\n");
        assertNotClean("gp_contacts.csv", text -> text + "NOBODY,2024-01-01,100\n");
        assertNotClean("gp_contacts.csv", text -> "");
        assertNotClean("deaths.csv", text -> text + text.lines().skip(1).findFirst().orElseThrow() + "\n");
        // a contact ending before it starts, and a duplicate contact id
        assertNotClean("hospital_contacts.csv", text -> text.replaceFirst("(\\n[^,]*,[^,]*,)([^,]*),([^,]+),",
                "$12024-07-02T08:00,2024-07-01T08:00,"));
        assertNotClean("hospital_contacts.csv", text -> text + text.lines().skip(1).findFirst().orElseThrow() + "\n",
                false);
        // bytes that are not UTF-8
        Path persons = dir.resolve("persons.csv");
        byte[] bytes = Files.readAllBytes(persons);
        byte[] latin1 = bytes.clone();
        latin1[new String(bytes, java.nio.charset.StandardCharsets.UTF_8).indexOf("BASIC") + 1] = (byte) 0xD8;
        Files.write(persons, latin1);
        assertThat(ImportChecks.stage(duck, dir, i -> true, i -> {})).isFalse();
        Files.write(persons, bytes);
        // an unknown initiative
        assertThat(ImportChecks.stage(duck, dir, initiative -> false, i -> {})).isFalse();
        assertThat(stagingTables()).isZero();
        assertThat(ImportChecks.stage(duck, dir, initiative -> true, i -> {})).isTrue();
    }

    @Test
    void anIncrementalImportNeedsDataToAddTo() throws Exception {
        assertThat(ImportChecks.stage(duck, dir, true, initiative -> true, i -> {})).isTrue();
        assertThat(ImportChecks.appendProblems(duck, dir)).containsExactly(
                new ImportFormat.RowError("", 0, "monitoring.import.error.append.noData", null));
    }

    private void assertNotClean(String file, UnaryOperator<String> edit) throws Exception {
        assertNotClean(file, edit, true);
    }

    /** {@code rowChecked}: false for duplicate contact ids, which the loader finds after the row checker. */
    private void assertNotClean(String file, UnaryOperator<String> edit, boolean rowChecked) throws Exception {
        Path path = dir.resolve(file);
        String before = Files.readString(path);
        String after = edit.apply(before);
        assertThat(after).as("the edit changes %s", file).isNotEqualTo(before);
        Files.writeString(path, after);
        try {
            assertThat(ImportChecks.stage(duck, dir, initiative -> true, i -> {})).as(file + ": " + after)
                    .isFalse();
            assertThat(stagingTables()).isZero();
            var checker = new RowChecker(new java.util.HashSet<>(), initiative -> true);
            long errors = 0;
            for (var spec : ImportFormat.FILES) {
                if (Files.exists(dir.resolve(spec.fileName()))) {
                    errors += checker.check(spec, dir.resolve(spec.fileName()), 10, l -> {}).errorCount();
                }
            }
            if (rowChecked) {
                assertThat(errors).as("the row checker refuses it too: " + file).isPositive();
            }
        } finally {
            Files.writeString(path, before);
        }
    }

    /** The fixture staged by the loader the row checker precedes (read_csv with the format's types). */
    private String stagedByTheLoader() throws Exception {
        var present = ImportFormat.FILES.stream().filter(f -> Files.exists(dir.resolve(f.fileName()))).toList();
        ImportLoading.stage(statement, dir, present, i -> {});
        return content();
    }

    private String content() throws SQLException {
        var text = new StringBuilder();
        for (var spec : ImportFormat.FILES) {
            try (ResultSet rs = statement.executeQuery("SELECT * FROM stage_" + spec.table() + " ORDER BY ALL")) {
                int n = rs.getMetaData().getColumnCount();
                text.append(spec.table()).append(':');
                for (int i = 1; i <= n; i++) {
                    text.append(rs.getMetaData().getColumnTypeName(i)).append(' ');
                }
                text.append('\n');
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        text.append(rs.getString(i)).append('|');
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    private long stagingTables() throws SQLException {
        return ImportLoading.count(statement,
                "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'stage\\_%' ESCAPE '\\'");
    }
}
