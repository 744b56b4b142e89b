package dk.tvaers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.Dialect;
import dk.tvaers.monitoring.ImportFormat;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.IndicatorSql;
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
            int staysRounds = Integer.getInteger("bench.stays", 0);
            if (staysRounds > 0) {
                staysForms(duck, staysRounds);
            }
            int engineRounds = Integer.getInteger("bench.engine", 0);
            if (engineRounds > 0) {
                engineForms(duck, engineRounds);
            }
            int personRounds = Integer.getInteger("bench.person", 0);
            if (personRounds > 0) {
                personForms(duck, personRounds);
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
            if (!name.equals("profile_person") && !name.equals("aggregate")) {
                // as the engine runs them (RunQueries): intermediate tables in memory, only the person table written
                sql = sql.replaceFirst("CREATE OR REPLACE TABLE", "CREATE OR REPLACE TEMP TABLE");
            }
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            var plan = new StringBuilder();
            try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN ANALYZE " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(2)).append('\n');
                }
            }
            double seconds = seconds(t0);
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            Files.writeString(out.resolve(n + "-" + name + ".txt"), sql + "\n\n" + plan);
            // the process's CPU time is steadier than the wall time on a shared machine (bench/README.md)
            System.out.printf("  %-28s %8.2f s wall %8.2f s CPU%n", name, seconds, cpu);
        }
    }

    /** Cancer or DZ763 among a contact's diagnoses ({@code StaySql.CANCER}). */
    private static final String CANCER = "(dx LIKE '% DC%' OR dx LIKE '% DD0%' OR dx LIKE '% DZ763%')";

    /**
     * The stays step as it was after round 2 of the engine profile (bench/README.md): the contacts with their contact
     * id and the text of their diagnoses carried through both window sorts, and the second window sorted in the same
     * order of four keys as the first. (The forms before it, {@code row_number()} sorts and text keys, are in the
     * history of this file and in bench/README.md.)
     */
    private static final String ROUND_2_FORM = """
            CREATE OR REPLACE TABLE ${run}_stay AS
            WITH c AS (
                SELECT k.pk, h.contact_id, h.start_ts, coalesce(h.end_ts, v.cutoff_ts) AS end_ts, h.priority,
                       h.action_diagnosis,
                       h.hospice, ' ' || h.action_diagnosis || ' ' || coalesce(h.secondary_diagnoses, '') || ' ' AS dx
                FROM hospital_contact h
                JOIN (SELECT DISTINCT person_id, pk FROM ${run}_cohort) k ON k.person_id = h.person_id
                CROSS JOIN data_version v
                WHERE h.contact_type = 'ALCA00'),
            o AS (
                SELECT c.*, max(end_ts) OVER (PARTITION BY pk ORDER BY %2$s
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
                FROM c),
            f AS (
                SELECT o.*, CASE WHEN previous_end IS NULL OR start_ts > {{add_hours(previous_end; 4)}} THEN 1 ELSE 0
                       END AS new_stay
                FROM o),
            s AS (
                SELECT f.*, sum(new_stay) OVER (PARTITION BY pk ORDER BY %2$s
                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stay_no
                FROM f),
            r AS (
                SELECT s.*, {{epoch_ms(start_ts)}} AS start_ms, {{epoch_ms(end_ts)}} AS end_ms
                FROM s)
            SELECT pk, stay_no, min(start_ts) AS start_ts, max(end_ts) AS end_ts,
                   max(CASE WHEN new_stay = 1 THEN priority END) AS first_priority,
                   max(CASE WHEN new_stay = 1 THEN action_diagnosis END) AS first_diagnosis,
                   {{min_by(action_diagnosis; -end_ms; -start_ms; action_diagnosis)}} AS last_diagnosis,
                   max(CASE WHEN %1$s THEN 1 ELSE 0 END) AS any_cancer,
                   max(CASE WHEN hospice THEN 1 ELSE 0 END) AS hospice
            FROM r
            GROUP BY pk, stay_no""".formatted(CANCER, IndicatorSql.STAY_ORDER);


    /**
     * {@code -Dbench.stays=N}: the stays step in its forms, in turn, N rounds, each timed (wall and the process's CPU
     * time) and its table compared row for row with round 2's; the machine's load average beside each round. Forms:
     * {@code round2}, {@code narrow} (the current step with its second window sorted again by the four keys),
     * {@code current} ({@link IndicatorSql#STAYS}: narrow rows, the second window sorted by the first's row number),
     * and two tried for the grouping (DuckDB only): {@code singles} (the last contact's key compared only in stays of
     * more than one contact) and {@code min_row} (the least row of keys instead of {@code arg_min} over it).
     */
    private static void staysForms(Connection duck, int rounds) throws Exception {
        String current = IndicatorSql.STAYS;
        String narrow = current.replace("ORDER BY rn\n", "ORDER BY " + IndicatorSql.STAY_ORDER + "\n");
        assertThat(narrow).isNotEqualTo(current);
        var forms = new java.util.LinkedHashMap<String, String>();
        forms.put("round2", ROUND_2_FORM);
        forms.put("narrow", narrow);
        forms.put("current", current);
        // the last contact's key compared only in stays of more than one contact (the next row's new_stay from the
        // second window's sort)
        String singles = current.replace("ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stay_no",
                        "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stay_no,\n"
                        + "lead(new_stay) OVER (PARTITION BY pk ORDER BY rn) AS next_new")
                .replace("{{min_by(action_diagnosis; -end_ms; -start_ms; action_diagnosis)}} AS last_diagnosis",
                        "CASE WHEN count(*) = 1 THEN max(action_diagnosis) ELSE "
                        + "{{min_by(action_diagnosis; -end_ms; -start_ms; action_diagnosis)}} "
                        + "FILTER (WHERE new_stay = 0 OR next_new = 0) END AS last_diagnosis");
        assertThat(singles).contains("next_new").contains("FILTER");
        forms.put("singles", singles);
        // the least tuple itself (min of a row of keys, its third field) instead of arg_min over it
        String minRow = current.replace("{{min_by(action_diagnosis; -end_ms; -start_ms; action_diagnosis)}}",
                "struct_extract(min(row(-end_ms, -start_ms, action_diagnosis)), 3)");
        assertThat(minRow).isNotEqualTo(current);
        forms.put("min_row", minRow);
        try (Statement s = duck.createStatement()) {
            s.execute(StandaloneEngine.steps(Dialect.DUCKDB, "ab", INITIATIVE, WINDOW).get(0));
            System.out.printf("%nThe stays step's forms in turn (%d rounds):%n", rounds);
            var totals = new java.util.LinkedHashMap<String, Double>();
            var cpuTotals = new java.util.LinkedHashMap<String, Double>();
            for (int round = 1; round <= rounds; round++) {
                for (var form : forms.entrySet()) {
                    String sql = StandaloneEngine.render(Dialect.DUCKDB, form.getValue(), "ab_" + form.getKey(),
                            INITIATIVE, WINDOW).replace("ab_" + form.getKey() + "_cohort", "ab_cohort")
                            .replaceFirst("CREATE OR REPLACE TABLE", "CREATE OR REPLACE TEMP TABLE");
                    String load = Files.readString(Path.of("/proc/loadavg")).strip();
                    long t0 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    try {
                        s.execute(sql);
                    } catch (java.sql.SQLException e) {
                        System.out.printf("  %-10s failed: %s%n", form.getKey(), e.getMessage());
                        continue;
                    }
                    double seconds = seconds(t0);
                    double cpu = (processCpuNanos() - cpu0) / 1e9;
                    totals.merge(form.getKey(), seconds, Double::sum);
                    cpuTotals.merge(form.getKey(), cpu, Double::sum);
                    System.out.printf("  round %d  %-10s %7.2f s wall %7.2f s CPU   load %s%n", round, form.getKey(),
                            seconds, cpu, load);
                }
            }
            for (String form : forms.keySet()) {
                if (!totals.containsKey(form)) {
                    continue;
                }
                String a = "SELECT * FROM ab_" + form + "_stay";
                String b = "SELECT * FROM ab_round2_stay";
                long differ = count(duck, "((" + a + " EXCEPT ALL " + b + ") UNION ALL (" + b + " EXCEPT ALL " + a + "))");
                assertThat(differ).as(form + " gives round 2's stays").isZero();
                System.out.printf("  %-10s total %7.2f s wall %7.2f s CPU   CPU ratio to round2 %.2f%n", form,
                        totals.get(form), cpuTotals.get(form), cpuTotals.get(form) / cpuTotals.get("round2"));
            }
        }
    }

    /**
     * {@code -Dbench.engine=N}: the whole run (its steps, intermediates {@code TEMP} as the engine keeps them, and the
     * aggregate) with the stays step as it was after round 2 ({@link #ROUND_2_FORM}) and as it is, in turn, N rounds;
     * each timed (wall and the process's CPU time) and the two forms' aggregates compared.
     */
    private static void engineForms(Connection duck, int rounds) throws Exception {
        System.out.printf("%nThe whole run in turn, stays as after round 2 and as now (%d rounds):%n", rounds);
        var cpuTotals = new java.util.LinkedHashMap<String, Double>();
        var results = new java.util.HashMap<String, List<String>>();
        try (Statement s = duck.createStatement()) {
            for (int round = 1; round <= rounds; round++) {
                for (String form : List.of("round2", "current")) {
                    String prefix = "eab_" + form;
                    List<String> steps = new java.util.ArrayList<>(StandaloneEngine.steps(Dialect.DUCKDB, prefix,
                            INITIATIVE, WINDOW));
                    assertThat(steps.get(1)).contains(prefix + "_stay AS");
                    if (form.equals("round2")) {
                        steps.set(1, StandaloneEngine.render(Dialect.DUCKDB, ROUND_2_FORM, prefix, INITIATIVE, WINDOW));
                    }
                    String load = Files.readString(Path.of("/proc/loadavg")).strip();
                    long t0 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    for (String step : steps) {
                        s.execute(step.contains(prefix + "_person AS") ? step
                                : step.replaceFirst("CREATE OR REPLACE TABLE", "CREATE OR REPLACE TEMP TABLE"));
                    }
                    List<IndicatorResult> aggregates;
                    try (ResultSet rs = s.executeQuery(StandaloneEngine.aggregateSql(Dialect.DUCKDB, prefix,
                            INITIATIVE, WINDOW))) {
                        aggregates = StandaloneEngine.results(rs);
                    }
                    double seconds = seconds(t0);
                    double cpu = (processCpuNanos() - cpu0) / 1e9;
                    cpuTotals.merge(form, cpu, Double::sum);
                    results.put(form, sorted(aggregates));
                    System.out.printf("  round %d  %-8s %7.2f s wall %7.2f s CPU   load %s%n", round, form, seconds, cpu,
                            load);
                }
            }
        }
        assertThat(results.get("current")).as("the same aggregates").isEqualTo(results.get("round2"));
        System.out.printf("  whole run: CPU current / round2 = %.2f (%d aggregates, equal)%n",
                cpuTotals.get("current") / cpuTotals.get("round2"), results.get("current").size());
    }

    /**
     * {@code -Dbench.person=N}: the person step as it is ({@link IndicatorSql#PERSON_PERIODS}: each event kind joined
     * with the two period rows of each person) and the form tried in round 3 of the engine profile and dropped
     * ({@code bench/person-cohort-once.sql}: each kind joined with the cohort once over both periods, the period taken
     * from the event's time), in turn, N rounds, on the same earlier steps; each timed (wall and the process's CPU
     * time) and the two tables compared row for row.
     */
    private static void personForms(Connection duck, int rounds) throws Exception {
        var forms = new java.util.LinkedHashMap<String, String>();
        forms.put("current", IndicatorSql.PERSON_PERIODS);
        try (var in = MonitoringBenchmark.class.getResourceAsStream("/bench/person-cohort-once.sql")) {
            forms.put("cohort_once", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        try (Statement s = duck.createStatement()) {
            List<String> steps = StandaloneEngine.steps(Dialect.DUCKDB, "pab", INITIATIVE, WINDOW);
            for (String step : steps.subList(0, steps.size() - 1)) {
                s.execute(step.replaceFirst("CREATE OR REPLACE TABLE", "CREATE OR REPLACE TEMP TABLE"));
            }
            System.out.printf("%nThe person step's forms in turn (%d rounds):%n", rounds);
            var cpuTotals = new java.util.LinkedHashMap<String, Double>();
            for (int round = 1; round <= rounds; round++) {
                for (var form : forms.entrySet()) {
                    String sql = StandaloneEngine.render(Dialect.DUCKDB, form.getValue(), "pab", INITIATIVE, WINDOW)
                            .replace("pab_person", "pab_" + form.getKey() + "_person");
                    String load = Files.readString(Path.of("/proc/loadavg")).strip();
                    long t0 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    s.execute(sql);
                    double seconds = seconds(t0);
                    double cpu = (processCpuNanos() - cpu0) / 1e9;
                    cpuTotals.merge(form.getKey(), cpu, Double::sum);
                    System.out.printf("  round %d  %-10s %7.2f s wall %7.2f s CPU   load %s%n", round, form.getKey(),
                            seconds, cpu, load);
                }
            }
            String a = "SELECT * FROM pab_cohort_once_person";
            String b = "SELECT * FROM pab_current_person";
            long differ = count(duck, "((" + a + " EXCEPT ALL " + b + ") UNION ALL (" + b + " EXCEPT ALL " + a + "))");
            assertThat(count(duck, "pab_current_person")).isPositive();
            assertThat(differ).as("the tried person step gives the current one's table").isZero();
            System.out.printf("  person step: CPU cohort_once / current = %.2f (%d rows each, 0 differ)%n",
                    cpuTotals.get("cohort_once") / cpuTotals.get("current"), count(duck, "pab_current_person"));
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

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

        private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
