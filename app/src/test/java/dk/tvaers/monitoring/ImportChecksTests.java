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

    /**
     * Typed Parquet columns are checked as values (bench/README.md, "ImportBenchmark"): the usual value needs no text
     * and no pattern. Such a check must never accept a value whose text the column's text check refuses (a value it
     * refuses is checked as its text after all): seeded values of every kind, around every edge, in every Parquet
     * type the value check takes.
     */
    @Test
    void aTypedValueCheckAcceptsOnlyValuesWhoseTextPassesTheColumnsCheck() throws Exception {
        var random = new java.util.SplittableRandom(16);
        var cases = new java.util.ArrayList<String[]>(); // column, Parquet type, value
        String[] timestamps = {"TIMESTAMP", "TIMESTAMP_NS"};
        for (int i = 0; i < 300; i++) {
            int year = random.nextInt(4) == 0 ? random.nextInt(-100, 12000) : random.nextInt(990, 1010) + 1000 * random.nextInt(10);
            String date = "make_date(" + year + ", " + random.nextInt(1, 13) + ", " + random.nextInt(1, 29) + ")";
            cases.add(new String[] {"birth_date", "DATE", date});
            String type = timestamps[random.nextInt(2)];
            // nanoseconds hold only the years 1677–2262
            String day = type.equals("TIMESTAMP_NS") ? "make_date(" + random.nextInt(1700, 2250) + ", 1, 1)" : date;
            String ts = "CAST(" + day + " AS TIMESTAMP) + to_microseconds(" + (random.nextBoolean()
                    ? 60_000_000L * random.nextLong(0, 1440) : random.nextLong(0, 86_400_000_000L)) + ")";
            cases.add(new String[] {"start_ts", type, ts});
            long whole = random.nextInt(3) == 0 ? random.nextLong() : random.nextLong(-2, 1_000_000_000_000_002L);
            cases.add(new String[] {"drg_value_ore", "BIGINT", String.valueOf(whole)});
            cases.add(new String[] {"drg_value_ore", "INTEGER", String.valueOf((int) whole)});
            int scale = random.nextInt(3);
            long unscaled = random.nextLong(-1000, 100_000_000_100L);
            cases.add(new String[] {"quantity", "DECIMAL(18," + scale + ")",
                    java.math.BigDecimal.valueOf(unscaled, scale).toPlainString()});
            cases.add(new String[] {"quantity", "INTEGER", String.valueOf(random.nextInt(-5, 100_000_010))});
            cases.add(new String[] {"hospice", "BOOLEAN", String.valueOf(random.nextBoolean())});
            int year2 = random.nextInt(3) == 0 ? random.nextInt(-10, 30_000) : random.nextInt(1990, 2110);
            cases.add(new String[] {"tariff_year", random.nextBoolean() ? "INTEGER" : "BIGINT", String.valueOf(year2)});
        }
        var columns = new java.util.HashMap<String, ImportFormat.Column>();
        for (var spec : ImportFormat.FILES) {
            spec.columns0().forEach(c -> columns.putIfAbsent(c.name(), c));
        }
        int accepted = 0;
        int checkedAsText = 0;
        for (String[] c : cases) {
            var column = columns.get(c[0]);
            String check = ImportChecks.typedCheck(column, c[1]);
            assertThat(check).as(c[0] + " as " + c[1]).isNotNull();
            String value = "CAST(" + c[2] + " AS " + c[1] + ")";
            String sql = "SELECT coalesce(" + check.formatted("v") + ", false), "
                    + column.sql().formatted(ImportLoading.asText("v", c[1])) + " FROM (SELECT " + value + " AS v)";
            try (ResultSet rs = executeQuery(sql)) {
                rs.next();
                boolean asValue = rs.getBoolean(1);
                boolean asText = rs.getBoolean(2);
                assertThat(!asValue || asText).as("%s %s = %s accepted as a value, refused as text", c[0], c[1],
                        c[2]).isTrue();
                accepted += asValue ? 1 : 0;
                checkedAsText += asValue ? 0 : 1;
            }
        }
        assertThat(accepted).as("the usual values are checked as values").isGreaterThan(cases.size() / 2);
        assertThat(checkedAsText).as("the edges are tried").isGreaterThan(cases.size() / 10);
        // no typed check for a type whose text could differ (a double, a decimal of three places, text)
        assertThat(ImportChecks.typedCheck(columns.get("quantity"), "DOUBLE")).isNull();
        assertThat(ImportChecks.typedCheck(columns.get("quantity"), "DECIMAL(18,3)")).isNull();
        assertThat(ImportChecks.typedCheck(columns.get("birth_date"), "VARCHAR")).isNull();
        assertThat(ImportChecks.typedCheck(columns.get("start_ts"), "TIMESTAMP_S")).isNull();
        assertThat(ImportChecks.typedCheck(columns.get("person_id"), "VARCHAR")).isNull();
    }

    private ResultSet executeQuery(String sql) throws SQLException {
        try {
            return statement.executeQuery(sql);
        } catch (SQLException e) {
            throw new SQLException(sql, e);
        }
    }

    /** A typed Parquet file with a value at an edge is refused exactly when its CSV is. */
    @Test
    void typedParquetFilesAtTheEdgesAreRefusedExactlyAsTheirCsv() throws Exception {
        String[][] edits = { // file, CSV text, replacement: years before 1000, which the value check leaves to the text
            {"hospital_contacts.csv", "2023-05-01T08:00", "0999-05-01T08:00"},
            {"persons.csv", "1950-03-01", "0950-03-01"}};
        for (String[] edit : edits) {
            Path csv = dir.resolve(edit[0]);
            String before = Files.readString(csv);
            Files.writeString(csv, before.replace(edit[1], edit[2]));
            boolean fromCsv = ImportChecks.stage(duck, dir, initiative -> true, i -> {});
            assertThat(fromCsv).as(edit[2]).isTrue();
            var spec = ImportFormat.FILES.stream().filter(f -> f.fileName().equals(edit[0])).findFirst().orElseThrow();
            statement.execute("COPY (SELECT * FROM stage_" + spec.table() + ") TO "
                    + ImportChecks.literal(dir.resolve(spec.parquetName())) + " (FORMAT parquet)");
            Files.delete(csv);
            ImportLoading.dropStaging(statement);
            assertThat(ImportChecks.stage(duck, dir, initiative -> true, i -> {})).as(edit[2] + " typed").isTrue();
            ImportLoading.dropStaging(statement);
            Files.delete(dir.resolve(spec.parquetName()));
            Files.writeString(csv, before);
        }
        // a typed timestamp with seconds, and a negative DRG value: refused as their text would be
        assertThat(ImportChecks.stage(duck, dir, initiative -> true, i -> {})).isTrue();
        statement.execute("CREATE TABLE c AS SELECT * FROM stage_hospital_contact");
        ImportLoading.dropStaging(statement);
        for (String update : new String[] {"UPDATE c SET start_ts = start_ts + INTERVAL 30 SECOND WHERE rowid = 2",
            "UPDATE c SET drg_value_ore = -1 WHERE rowid = 1"}) {
            statement.execute("CREATE OR REPLACE TABLE d AS SELECT * FROM c");
            statement.execute(update.replace("UPDATE c", "UPDATE d"));
            statement.execute("COPY d TO " + ImportChecks.literal(dir.resolve("hospital_contacts.parquet"))
                    + " (FORMAT parquet)");
            Path csv = dir.resolve("hospital_contacts.csv");
            Path aside = dir.resolve("aside.txt");
            Files.move(csv, aside);
            try {
                assertThat(ImportChecks.stage(duck, dir, initiative -> true, i -> {})).as(update).isFalse();
            } finally {
                Files.move(aside, csv);
                Files.delete(dir.resolve("hospital_contacts.parquet"));
            }
        }
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
        assertThat(AppendChecks.appendProblems(duck, dir)).containsExactly(
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
