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
 * <p>{@code bench/run ImportBenchmark}
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
            System.out.printf("  load average after: %s%n", uptime());
        } finally {
            try (var files = Files.walk(store)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
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
