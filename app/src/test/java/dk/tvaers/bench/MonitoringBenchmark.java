package dk.tvaers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.Dialect;
import dk.tvaers.monitoring.ImportFormat;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.monitoring.StandaloneEngine;
import dk.tvaers.indicators.SyntheticData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The full Triple Aim indicator set for one initiative (target vs comparison, before/after, all strata) on generated
 * data, against (a) the same definitions as one DuckDB statement without intermediate tables and (b) the same
 * computation in PostgreSQL 17 (embedded, as the application runs it), all on the same data in the same run.
 * Size: {@code -Dbench.persons=2000000 -Dbench.episodes=19} (the defaults: about 25 hospital contacts per person, 50 million in all);
 * {@code -Dbench.postgres=false} skips PostgreSQL. Generated files are kept in target/bench-data for the next run.
 *
 * <p>{@code bench/run MonitoringBenchmark}
 */
@Tag("bench")
class MonitoringBenchmark {

    private static final long INITIATIVE = 1;
    private static final int WINDOW = 365;

    @Test
    void indicatorSetForOneInitiative() throws Exception {
        int persons = Integer.getInteger("bench.persons", 2_000_000);
        double episodes = Double.parseDouble(System.getProperty("bench.episodes", "19"));
        boolean postgres = Boolean.parseBoolean(System.getProperty("bench.postgres", "true"));
        Path data = Path.of("target/bench-data/" + persons + "-" + episodes);
        long t0 = System.nanoTime();
        if (!Files.exists(data.resolve("done"))) {
            SyntheticData.write(new SyntheticData.Options(persons, 42, episodes, 0.3, INITIATIVE, false), data);
            Files.writeString(data.resolve("done"), "");
        }
        double generate = seconds(t0);
        Path store = Files.createTempDirectory("tvaers-bench-");
        try (Connection duck = StandaloneEngine.open(store.resolve("bench.duckdb"))) {
            t0 = System.nanoTime();
            StandaloneEngine.load(duck, data);
            double load = seconds(t0);
            long contacts = count(duck, "hospital_contact");

            t0 = System.nanoTime();
            List<IndicatorResult> engine = StandaloneEngine.run(duck, 1, INITIATIVE, WINDOW);
            double engineSeconds = seconds(t0);
            long peakKb = peakMemoryKb();

            t0 = System.nanoTime();
            List<IndicatorResult> oneQuery;
            try (Statement statement = duck.createStatement();
                    ResultSet rs = statement.executeQuery(StandaloneEngine.oneQuery(Dialect.DUCKDB, INITIATIVE, WINDOW))) {
                oneQuery = StandaloneEngine.results(rs);
            }
            double oneQuerySeconds = seconds(t0);
            assertThat(sorted(oneQuery)).as("the one-statement query computes the same numbers").isEqualTo(sorted(engine));

            if (Boolean.getBoolean("bench.profile")) {
                profile(duck);
            }

            System.out.printf("%nMonitoringBenchmark: %,d persons, %,d hospital contacts (generated in %.1f s, "
                    + "loaded into DuckDB in %.1f s)%n", persons, contacts, generate, load);
            System.out.printf("  engine (6 steps + aggregate):      %8.2f s   %,d aggregates%n", engineSeconds,
                    engine.size());
            System.out.printf("  one DuckDB statement:              %8.2f s   ratio engine/one-query = %.2f "
                    + "(target <= 1.3)%n", oneQuerySeconds, engineSeconds / oneQuerySeconds);
            System.out.printf("  peak resident memory (VmHWM):      %8.2f GB  (target < 6 GB)%n", peakKb / 1024.0 / 1024.0);
            System.out.printf("  engine wall time target < 60 s:    %s%n", engineSeconds < 60 ? "met" : "NOT met");

            if (postgres) {
                double pgSeconds = postgres(data, engine);
                System.out.printf("  PostgreSQL 17 (same steps):        %8.2f s   ratio PostgreSQL/engine = %.1f "
                        + "(target >= 20)%n", pgSeconds, pgSeconds / engineSeconds);
            }
        } finally {
            try (var files = Files.walk(store)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * {@code -Dbench.profile=true}: each step of the run and the aggregate again under DuckDB's {@code EXPLAIN
     * ANALYZE} (tables {@code profile_*}); each plan with its operators' times goes to
     * {@code target/bench-profile/<n>-<step>.txt}, and each step's wall time is printed.
     */
    private static void profile(Connection duck) throws Exception {
        Path out = Path.of("target/bench-profile");
        Files.createDirectories(out);
        var statements = new java.util.ArrayList<>(StandaloneEngine.steps(Dialect.DUCKDB, "profile", INITIATIVE,
                WINDOW));
        statements.add(StandaloneEngine.aggregateSql(Dialect.DUCKDB, "profile", INITIATIVE, WINDOW));
        System.out.printf("%nEXPLAIN ANALYZE of each step (plans in %s):%n", out.toAbsolutePath());
        int n = 0;
        for (String sql : statements) {
            n++;
            String name = sql.startsWith("CREATE") ? sql.substring(sql.indexOf("profile_"), sql.indexOf(" AS\n"))
                    : "aggregate";
            long t0 = System.nanoTime();
            var plan = new StringBuilder();
            try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN ANALYZE " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(2)).append('\n');
                }
            }
            double seconds = seconds(t0);
            Files.writeString(out.resolve(n + "-" + name + ".txt"), sql + "\n\n" + plan);
            System.out.printf("  %-28s %8.2f s%n", name, seconds);
        }
    }

    /** Loads the same files into an embedded PostgreSQL 17 and times the same steps there. */
    private static double postgres(Path data, List<IndicatorResult> expected) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("work_mem", "256MB")
                .setServerConfig("max_parallel_workers_per_gather", "2").setServerConfig("shared_buffers", "1GB")
                .start();
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement statement = c.createStatement()) {
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                statement.execute("CREATE TABLE " + spec.table() + " (" + String.join(", ",
                        columns(spec)) + ")");
                Path file = data.resolve(spec.fileName());
                if (Files.exists(file)) {
                    try (Reader in = Files.newBufferedReader(file)) {
                        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + spec.table()
                                + " FROM STDIN WITH (FORMAT csv, HEADER true)", in);
                    }
                }
                statement.execute("ANALYZE " + spec.table());
            }
            statement.execute("CREATE TABLE data_version AS SELECT 1 AS version, max(greatest(start_ts, "
                    + "coalesce(end_ts, start_ts))) AS cutoff_ts FROM hospital_contact");
            for (String sql : StandaloneEngine.codeListStatements()) {
                statement.execute(sql);
            }
            long t0 = System.nanoTime();
            for (String sql : StandaloneEngine.steps(Dialect.POSTGRES, "run_1", INITIATIVE, WINDOW)) {
                statement.execute(sql);
                statement.execute("ANALYZE " + sql.substring("CREATE TABLE ".length(), sql.indexOf(" AS\n")));
            }
            List<IndicatorResult> results;
            try (ResultSet rs = statement.executeQuery(StandaloneEngine.aggregateSql(Dialect.POSTGRES, "run_1",
                    INITIATIVE, WINDOW))) {
                results = StandaloneEngine.results(rs);
            }
            double seconds = seconds(t0);
            assertThat(sorted(results)).as("PostgreSQL computes the same numbers").isEqualTo(sorted(expected));
            return seconds;
        }
    }

    private static List<String> columns(ImportFormat.FileSpec spec) {
        return spec.columns0Description();
    }

    private static List<String> sorted(List<IndicatorResult> results) {
        return results.stream().map(r -> r.indicator() + "|" + r.group() + "|" + r.period() + "|" + r.stratum() + "|"
                + r.stratumValue() + "|" + r.n() + "|" + (r.total() == null ? null : r.total().stripTrailingZeros())
                + "|" + r.denominator() + "|" + (r.median() == null ? null : r.median().stripTrailingZeros().toPlainString())
                + "|" + r.withEvent()).sorted().collect(Collectors.toList());
    }

    private static long count(Connection duck, String table) throws Exception {
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long peakMemoryKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
