package dk.tvaers.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiatives;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registrations as Parquet (written here by DuckDB, with typed columns: a whole number for the version, a date for the
 * course's start): the same lines as a CSV file give the same rows, and a bad row is refused with the same line,
 * column and message as in CSV, all or nothing.
 */
@IntegrationTest
class RegistrationParquetTests {

    @Autowired
    Schemes schemes;

    @Autowired
    RegistrationImport imports;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aParquetFileIsLoadedAsItsCsvWouldBe() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Path file = parquet(made.code(), List.of(
                "'U0', 'pq1', DATE '2024-02-01', 'START', 'SCREEN', 'ja'",
                "'U0', 'pq1', DATE '2024-02-01', 'START', 'WATT', '100.5'",
                "'U0', 'pq2', DATE '2024-02-03', 'END', 'SESSIONS', '17'"));
        RegistrationImport.Summary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = imports.importFile(in, made.schemeId(), null, Source.FILE, Actor.SYSTEM);
        }
        assertThat(summary).isEqualTo(new RegistrationImport.Summary(3, 2, 2));
        assertThat(jdbc.sql("""
                SELECT string_agg(c.person_ref || ' ' || c.start_date || ' ' || v.time_point || ' ' || v.indicator
                       || '=' || v.value_text, '; ' ORDER BY c.person_ref, v.indicator)
                FROM registration_course c JOIN registration_value v ON v.course_id = c.id
                WHERE c.scheme_id = :s""").param("s", made.schemeId()).query(String.class).single())
                .isEqualTo("pq1 2024-02-01 START SCREEN=ja; pq1 2024-02-01 START WATT=100.5; "
                        + "pq2 2024-02-03 END SESSIONS=17");
    }

    @Test
    void aBadParquetRowIsRefusedWithTheLineAndMessageOfItsCsvLineAndNothingIsLoaded() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Path file = parquet(made.code(), List.of(
                "'U0', 'pb1', DATE '2024-02-01', 'START', 'SCREEN', 'ja'",
                "'U0', 'pb1', DATE '2024-02-01', 'START', 'WATT', '512'",
                "'U9', 'pb2', DATE '2024-02-01', 'START', 'SCREEN', 'ja'"));
        String csv = RegistrationImport.HEADER + "\n" + made.code() + ",1,U0,pb1,2024-02-01,START,SCREEN,ja\n"
                + made.code() + ",1,U0,pb1,2024-02-01,START,WATT,512\n"
                + made.code() + ",1,U9,pb2,2024-02-01,START,SCREEN,ja\n";
        List<Problem> fromCsv = refused(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), made);
        List<Problem> fromParquet;
        try (InputStream in = Files.newInputStream(file)) {
            fromParquet = refused(in, made);
        }
        assertThat(fromParquet).isEqualTo(fromCsv).extracting(Problem::line, Problem::field, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "value", "registration.error.range"),
                        org.assertj.core.groups.Tuple.tuple(4L, "unit_code", "registration.error.unit"));
        assertThat(jdbc.sql("SELECT count(*) FROM registration_course WHERE scheme_id = :s")
                .param("s", made.schemeId()).query(Long.class).single()).isZero();
    }

    @Test
    void aParquetFileWithOtherColumnsIsRefusedWithTheExpectedHeader() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Path file = dir.resolve("other.parquet");
        try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var statement = duck.createStatement()) {
            statement.execute("COPY (SELECT 'x' AS person) TO '" + file + "' (FORMAT parquet)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(refused(in, made)).extracting(Problem::line, Problem::messageKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "registration.error.header"));
        }
    }

    private List<Problem> refused(InputStream in, RegistrationFixtures.Made made) {
        var problems = new java.util.ArrayList<Problem>();
        assertThatThrownBy(() -> imports.importFile(in, made.schemeId(), null, Source.FILE, Actor.SYSTEM))
                .isInstanceOfSatisfying(RegistrationsRejectedException.class, e -> problems.addAll(e.problems()));
        return problems;
    }

    /** Rows (unit, person, start, time point, indicator, value) with the scheme's code and version 1. */
    private Path parquet(String code, List<String> rows) throws Exception {
        Path file = dir.resolve("registrations-" + System.nanoTime() + ".parquet");
        String values = String.join(", ", rows.stream().map(r -> "('" + code + "', 1, " + r + ")").toList());
        try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var statement = duck.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES " + values + ") AS t(scheme_code, scheme_version, unit_code, "
                    + "person_id, course_start, time_point, indicator, value)) TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }
}
