package dk.tvaers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.monitoring.ImportFormat;
import dk.tvaers.monitoring.StandaloneEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The import of the benchmark's generated files (issue 16: 50 million contacts in ≤ 30 s on 2 cores), in one run on
 * the same files: (a) the application's import as it is now (ADR 0042: DuckDB reads, checks and stages every file,
 * then the swap); (b) the same from Parquet files of the same rows; against (c) the unchecked load the benchmark
 * used before (DuckDB {@code read_csv} with the types, no checks: the floor) and, with {@code -Dbench.rowcheck=true},
 * (d) the Java row checker alone, the check every import ran before. Same data directory as
 * {@link MonitoringBenchmark} ({@code -Dbench.persons=}, {@code -Dbench.episodes=}).
 *
 * <p>{@code bench/run ImportBenchmark}; with {@code -Dbench.pieces=true} it also times the pieces of the Parquet import
 * of the contacts and the indicator set over tables against views of the Parquet files.
 */
@Tag("bench")
class ImportBenchmark {

    @Test
    void importOfTheBenchmarkFiles() throws Exception {
        int persons = Integer.getInteger("bench.persons", 2_000_000);
        double episodes = Double.parseDouble(System.getProperty("bench.episodes", "19"));
        boolean rowCheck = Boolean.getBoolean("bench.rowcheck");
        Path data = Path.of("target/bench-data/" + persons + "-" + episodes);
        if (!Files.exists(data.resolve("done"))) {
            SyntheticData.write(new SyntheticData.Options(persons, 42, episodes, 0.3, 1, false), data);
            Files.writeString(data.resolve("done"), "");
        }
        Path parquet = Path.of("target/bench-data/" + persons + "-" + episodes + "-parquet");
        Path store = Files.createTempDirectory("tvaers-import-bench-");
        try {
            double floor;
            long contacts;
            try (Connection duck = StandaloneEngine.open(store.resolve("floor.duckdb"))) {
                long t0 = System.nanoTime();
                StandaloneEngine.load(duck, data);
                floor = seconds(t0);
                contacts = count(duck, "hospital_contact");
                if (!Files.exists(parquet.resolve("done"))) {
                    Files.createDirectories(parquet);
                    for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                        if (Files.exists(data.resolve(spec.fileName()))) {
                            try (Statement s = duck.createStatement()) {
                                s.execute("COPY " + spec.table() + " TO '" + parquet.resolve(spec.parquetName())
                                        .toAbsolutePath() + "' (FORMAT parquet)");
                            }
                        }
                    }
                    Files.writeString(parquet.resolve("done"), "");
                }
            }
            Files.deleteIfExists(store.resolve("floor.duckdb"));
            String load = uptime();
            double csv;
            try (Connection duck = StandaloneEngine.open(store.resolve("csv.duckdb"))) {
                long t0 = System.nanoTime();
                assertThat(StandaloneEngine.importChecked(duck, data)).as("the generated files are clean").isTrue();
                csv = seconds(t0);
                assertThat(count(duck, "hospital_contact")).isEqualTo(contacts);
            }
            Files.deleteIfExists(store.resolve("csv.duckdb"));
            double fromParquet;
            try (Connection duck = StandaloneEngine.open(store.resolve("parquet.duckdb"))) {
                long t0 = System.nanoTime();
                assertThat(StandaloneEngine.importChecked(duck, parquet)).isTrue();
                fromParquet = seconds(t0);
                assertThat(count(duck, "hospital_contact")).isEqualTo(contacts);
            }
            // the same rows as Parquet of text columns: every value checked as its text, as typed columns were
            // before they were checked as values
            Path textParquet = Path.of("target/bench-data/" + persons + "-" + episodes + "-parquet-text");
            if (!Files.exists(textParquet.resolve("done"))) {
                Files.createDirectories(textParquet);
                try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                        Statement s = duck.createStatement()) {
                    for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                        Path typed = parquet.resolve(spec.parquetName());
                        if (Files.exists(typed)) {
                            var text = new java.util.ArrayList<String>();
                            for (String c : spec.columns()) {
                                text.add("CASE WHEN \"" + c + "\" IS NULL THEN NULL ELSE " + StandaloneEngine.asText(
                                        "\"" + c + "\"", typeOf(s, typed, c)) + " END AS \"" + c + "\"");
                            }
                            String columns = String.join(", ", text);
                            s.execute("COPY (SELECT " + columns + " FROM read_parquet('" + typed.toAbsolutePath()
                                    + "')) TO '" + textParquet.resolve(spec.parquetName()).toAbsolutePath()
                                    + "' (FORMAT parquet)");
                        }
                    }
                }
                Files.writeString(textParquet.resolve("done"), "");
            }
            double fromTextParquet;
            try (Connection duck = StandaloneEngine.open(store.resolve("text-parquet.duckdb"))) {
                long t0 = System.nanoTime();
                assertThat(StandaloneEngine.importChecked(duck, textParquet)).isTrue();
                fromTextParquet = seconds(t0);
                assertThat(count(duck, "hospital_contact")).isEqualTo(contacts);
            }
            System.out.printf("%nImportBenchmark: %,d persons, %,d hospital contacts (load average before: %s)%n",
                    persons, contacts, load);
            System.out.printf("  unchecked load (read_csv typed, the floor): %8.2f s%n", floor);
            System.out.printf("  import, checked by DuckDB, from CSV:        %8.2f s   ratio to the floor %.2f   "
                    + "target <= 30 s at 50 M: %s%n", csv, csv / floor, csv <= 30 ? "met" : "NOT met");
            System.out.printf("  import, checked by DuckDB, from Parquet:    %8.2f s   ratio to the floor %.2f%n",
                    fromParquet, fromParquet / floor);
            System.out.printf("  the same, Parquet of text columns:          %8.2f s   ratio to the floor %.2f%n",
                    fromTextParquet, fromTextParquet / floor);
            if (rowCheck) {
                long t0 = System.nanoTime();
                assertThat(StandaloneEngine.rowCheck(data)).isZero();
                double java = seconds(t0);
                System.out.printf("  Java row checker alone (before ADR 0042):  %8.2f s   ratio to the floor %.2f%n",
                        java, java / floor);
            }
            if (Boolean.getBoolean("bench.pieces")) {
                pieces(store, parquet);
            }
            System.out.printf("  load average after: %s%n", uptime());
        } finally {
            try (var files = Files.walk(store)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The pieces of the Parquet import of the contacts, timed apart ({@code -Dbench.pieces=true}): reading every
     * column, reading it through the checks, the write alone, the unique-id check; then the indicator set over DuckDB
     * tables and over views of the same Parquet files, alternating, twice each (the same results asserted): what
     * keeping an upload as the data version instead of copying it would cost the runs.
     */
    private static void pieces(Path store, Path parquet) throws Exception {
        var spec = ImportFormat.HOSPITAL_CONTACTS;
        String raw = "read_parquet('" + parquet.resolve(spec.parquetName()).toAbsolutePath() + "')";
        String counts = String.join(" + ", spec.columns().stream().map(c -> "count(" + c + ")").toList());
        System.out.printf("  the pieces of the Parquet import of the contacts:%n");
        try (Connection duck = StandaloneEngine.open(store.resolve("pieces.duckdb"))) {
            String checked = StandaloneEngine.checkedParquetSelect(duck, spec, parquet.resolve(spec.parquetName()));
            assertThat(checked).isNotNull();
            piece(duck, "every column read, no checks", "SELECT " + counts + " FROM " + raw);
            piece(duck, "every column through its checks, nothing written",
                    "SELECT " + counts + " FROM (" + checked + ")");
            piece(duck, "the write alone, no checks", "CREATE TABLE t_" + spec.table() + " AS SELECT * FROM " + raw);
            piece(duck, "unique contact ids", "SELECT count(*) - count(DISTINCT contact_id) FROM t_" + spec.table());
            try (Statement s = duck.createStatement()) {
                for (ImportFormat.FileSpec file : ImportFormat.FILES) {
                    Path path = parquet.resolve(file.parquetName());
                    if (file != spec) {
                        s.execute("CREATE TABLE t_" + file.table() + (Files.exists(path) ? " AS SELECT * FROM "
                                + "read_parquet('" + path.toAbsolutePath() + "')"
                                : " (" + String.join(", ", file.columns0Description()) + ")"));
                    }
                }
            }
            java.util.List<dk.tvaers.indicators.IndicatorResult> first = null;
            long runId = 10;
            for (int round = 1; round <= 2; round++) {
                for (boolean views : new boolean[] {false, true}) {
                    try (Statement s = duck.createStatement()) {
                        for (ImportFormat.FileSpec file : ImportFormat.FILES) {
                            Path path = parquet.resolve(file.parquetName());
                            s.execute("CREATE OR REPLACE VIEW " + file.table() + " AS SELECT * FROM " + (views
                                    && Files.exists(path) ? "read_parquet('" + path.toAbsolutePath() + "')"
                                    : "t_" + file.table()));
                        }
                        s.execute("CREATE OR REPLACE TABLE data_version AS SELECT 1 AS version, "
                                + "max(greatest(start_ts, coalesce(end_ts, start_ts))) AS cutoff_ts FROM hospital_contact");
                    }
                    long t0 = System.nanoTime();
                    var results = StandaloneEngine.run(duck, runId++, 1, 365);
                    System.out.printf("    indicator set over %-24s round %d: %8.2f s (%d results)%n",
                            views ? "views of the Parquet files" : "DuckDB tables", round, seconds(t0), results.size());
                    if (first == null) {
                        first = results;
                    } else {
                        assertThat(results).as("the same results over tables and views").isEqualTo(first);
                    }
                }
            }
        }
    }

    private static void piece(Connection duck, String what, String sql) throws Exception {
        long t0 = System.nanoTime();
        try (Statement s = duck.createStatement()) {
            s.execute(sql);
        }
        System.out.printf("    %-50s %8.2f s%n", what, seconds(t0));
    }

    private static String typeOf(Statement s, Path parquet, String column) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
                + parquet.toAbsolutePath() + "')) WHERE column_name = '" + column + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String uptime() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static long count(Connection duck, String table) throws Exception {
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
