package dk.tvaers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.DuckDbSettings;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.monitoring.ImportFormat;
import dk.tvaers.monitoring.SparkTarget;
import dk.tvaers.monitoring.StandaloneEngine;
import dk.tvaers.monitoring.SyntheticParquet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same generated data on DuckDB and on Spark local (issue 16: the national size on both engines, the Spark
 * figure as what a cluster scales out from). The generator writes Parquet directly and streaming
 * ({@link SyntheticParquet}); DuckDB loads those files and runs the indicator set ({@link StandaloneEngine}); the
 * Spark job jar runs on the same files in a child JVM as the application submits it ({@link SparkTarget}, Spark
 * local), and its suppressed aggregates must equal DuckDB's.
 *
 * <p>Size: {@code -Dbench.persons=6000000 -Dbench.episodes=50} is the national size (about 400 million contacts);
 * the defaults (200,000 persons, 19 episodes ≈ 5 million contacts) fit a shared machine. {@code
 * -Dbench.spark.master=local[2]}, {@code -Dbench.spark.memory=6g} (the Spark JVM's heap), {@code
 * -Dbench.duckdb.memory=5GB} (DuckDB's memory limit; above it, it spills to disk), {@code -Dbench.store=DIR} (the
 * loaded DuckDB file kept there for the next run). Generated files are kept in
 * target/bench-data for the next run. {@code -Dbench.spark=false} stops after DuckDB (the national size on one engine
 * while Spark local would take hours). Needs {@code spark-job/target/*-job.jar} ({@code ./mvnw -q -pl
 * indicators,spark-job -DskipTests package}).
 *
 * <p>{@code bench/run SparkBenchmark -Dbench.persons=1000000}
 */
@Tag("bench")
class SparkBenchmark {

    private static final long INITIATIVE = 1;
    private static final int WINDOW = 365;

    @Test
    void sameDataOnDuckDbAndSparkLocal() throws Exception {
        int persons = Integer.getInteger("bench.persons", 200_000);
        double episodes = Double.parseDouble(System.getProperty("bench.episodes", "19"));
        String master = System.getProperty("bench.spark.master", "local[2]");
        String memory = System.getProperty("bench.spark.memory", "6g");
        Path jobJar = Path.of("../spark-job/target/tvaers-spark-job-0.1.0-SNAPSHOT-job.jar").toAbsolutePath();
        Path classPath = Path.of("../spark-job/target/job-classpath.txt").toAbsolutePath();
        assertThat(jobJar).as("the job jar: ./mvnw -q -pl indicators,spark-job -DskipTests package").exists();
        System.out.printf("%nSparkBenchmark: load average before: %s%n", loadAverage());

        Path data = Path.of("target/bench-data/parquet-" + persons + "-" + episodes).toAbsolutePath();
        long t0 = System.nanoTime();
        long contacts;
        if (!Files.exists(data.resolve("done"))) {
            try (var sink = new SyntheticParquet(data, "1GB")) {
                contacts = SyntheticData.write(new SyntheticData.Options(persons, 42, episodes, 0.3, INITIATIVE,
                        false), sink).contacts();
            }
            Files.writeString(data.resolve("done"), String.valueOf(contacts));
        } else {
            contacts = Long.parseLong(Files.readString(data.resolve("done")).strip());
        }
        double generate = seconds(t0);
        long generatorPeakKb = peakMemoryKb();
        long parquetBytes;
        try (var files = Files.list(data)) {
            parquetBytes = files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length())
                    .sum();
        }

        // -Dbench.store=DIR keeps the loaded DuckDB file there and loads it only once (the national size loads for
        // minutes); without it the file lives in a temporary directory for this run only
        String keep = System.getProperty("bench.store", "");
        Path store = keep.isBlank() ? Files.createTempDirectory("tvaers-bench-") : Path.of(keep).toAbsolutePath();
        Files.createDirectories(store);
        boolean loaded = !keep.isBlank() && Files.exists(store.resolve("loaded"));
        List<IndicatorResult> onDuckDb;
        double load;
        double duckSeconds;
        String duckMemory = System.getProperty("bench.duckdb.memory", "");
        var duckSteps = new ArrayList<String>();
        var duckMarks = new ArrayList<ProcessTimes>();
        try (Connection duck = StandaloneEngine.open(store.resolve("bench.duckdb"),
                duckMemory.isBlank() ? DuckDbSettings.halfOfMemory() : duckMemory)) {
            t0 = System.nanoTime();
            if (!loaded) {
                try (Statement s = duck.createStatement()) {
                    for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                        s.execute("CREATE TABLE " + spec.table() + " AS SELECT * FROM read_parquet('"
                                + data.resolve(spec.fileName().replace(".csv", ".parquet")) + "')");
                    }
                    s.execute("CREATE TABLE data_version AS SELECT 1 AS version, "
                            + "max(greatest(start_ts, coalesce(end_ts, start_ts))) AS cutoff_ts FROM hospital_contact");
                }
            }
            if (!keep.isBlank()) {
                Files.writeString(store.resolve("loaded"), "");
            }
            load = seconds(t0);
            t0 = System.nanoTime();
            long runStart = t0;
            onDuckDb = StandaloneEngine.run(duck, 1, INITIATIVE, WINDOW, step -> {
                duckMarks.add(ProcessTimes.now());
                duckSteps.add(String.format("%6.1f s %-36s", seconds(runStart), step));
                System.out.println("  DuckDB step " + duckSteps.getLast());
                System.out.flush();
            });
            duckSeconds = seconds(t0);
            duckMarks.add(ProcessTimes.now());
            // each step's CPU in user and kernel mode and its page faults, up to the next step's start
            for (int i = 0; i < duckSteps.size(); i++) {
                duckSteps.set(i, duckSteps.get(i) + " " + duckMarks.get(i + 1).since(duckMarks.get(i)));
            }
        } finally {
            if (keep.isBlank()) {
                try (var files = Files.walk(store)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        long duckPeakKb = peakMemoryKb();
        String loadBetween = loadAverage();

        System.out.printf("SparkBenchmark: %,d persons, %,d hospital contacts; Parquet %.2f GB, generated in %.1f s "
                + "(generator JVM peak %.2f GB)%n", persons, contacts, parquetBytes / 1e9, generate,
                generatorPeakKb / 1024.0 / 1024.0);
        System.out.printf("  DuckDB (memory limit %s): loaded in %.1f s, indicator set %.1f s (this JVM's peak %.2f GB)%n",
                duckMemory.isBlank() ? "the application's: half of the machine, half of that kept (ADR 0057)"
                        : duckMemory, load, duckSeconds,
                duckPeakKb / 1024.0 / 1024.0);
        System.out.printf("  DuckDB's steps (start; the step's CPU and page faults):%n    %s%n",
                String.join("\n    ", duckSteps));
        System.out.flush();
        if (!Boolean.parseBoolean(System.getProperty("bench.spark", "true"))) {
            // the national size on DuckDB alone (Spark local[2] would take many hours on two cores): the Parquet files
            // stay in target/bench-data for a later run with Spark
            System.out.printf("  Spark not run (-Dbench.spark=false); load average after DuckDB %s%n", loadBetween);
            assertThat(onDuckDb).isNotEmpty();
            return;
        }
        Path out = Files.createTempDirectory("tvaers-bench-spark-");
        Path log = Path.of("target/bench-spark-job.log").toAbsolutePath();
        var target = SparkTarget.local(jobJar, "@" + classPath, master, "-Xmx" + memory,
                "spark.sql.shuffle.partitions=" + Math.max(8, persons / 50_000));
        var steps = new ArrayList<String>();
        t0 = System.nanoTime();
        long start = System.nanoTime();
        target.run(List.of("--input", data.toString(), "--output", out.toString(), "--initiative",
                String.valueOf(INITIATIVE), "--window", String.valueOf(WINDOW), "--format", "parquet"), log,
                Duration.ofHours(6), (percent, key) -> steps.add(String.format("%6.1f s %s", seconds(start), key)));
        double sparkSeconds = seconds(t0);
        List<IndicatorResult> onSpark = new ArrayList<>();
        try (Connection reader = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = reader.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + out.resolve("aggregates/*.parquet")
                        + "')")) {
            while (rs.next()) {
                onSpark.add(new IndicatorResult(rs.getString("indicator"), rs.getString("cohort_group"),
                        rs.getString("period"), rs.getString("stratum"), rs.getString("stratum_value"),
                        rs.getBoolean("suppressed"), (Long) rs.getObject("n"), rs.getBigDecimal("total"),
                        (Long) rs.getObject("denominator"), rs.getBigDecimal("median"),
                        (Long) rs.getObject("with_event"), rs.getBoolean("secondary")));
            }
        }
        String loadAfter = loadAverage();

        System.out.printf("  Spark %s (-Xmx%s, child JVM): %.1f s, ratio Spark/DuckDB = %.1f%n", master, memory,
                sparkSeconds, sparkSeconds / duckSeconds);
        System.out.printf("  Spark job's steps:%n    %s%n", String.join("\n    ", steps));
        System.out.printf("  load average: before %s; after DuckDB %s; after Spark %s (%d cores)%n", "(above)",
                loadBetween, loadAfter, Runtime.getRuntime().availableProcessors());
        assertThat(key(onSpark)).as("Spark's suppressed aggregates are DuckDB's").isEqualTo(key(onDuckDb));
    }

    private static List<String> key(List<IndicatorResult> results) {
        return results.stream().map(r -> String.join("|", r.indicator(), r.group(), r.period(), r.stratum(),
                r.stratumValue(), String.valueOf(r.suppressed()), String.valueOf(r.secondary()), String.valueOf(r.n()),
                r.total() == null ? "-" : r.total().stripTrailingZeros().toPlainString(),
                String.valueOf(r.denominator()),
                r.median() == null ? "-" : r.median().stripTrailingZeros().toPlainString(),
                String.valueOf(r.withEvent()))).sorted().collect(Collectors.toList());
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static long peakMemoryKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
