package dk.tvaers.monitoring;

import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.IndicatorSql;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.Dialect;
import dk.tvaers.indicators.DuckDbSettings;
import dk.tvaers.indicators.RunSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine without the application: load a directory of import-format files into a DuckDB file and run the
 * indicator set there. The benchmark uses it (and the rendered SQL, for its baselines); the application uses
 * {@link Imports} and {@link Runs}, which add checking, jobs and PostgreSQL.
 */
public final class StandaloneEngine {

    /** The steps a run performs, in order (the same as the application's and the Spark job's). */
    private static final List<RunSteps.Step> STEPS = RunSteps.steps(null);

    private StandaloneEngine() {}

    /**
     * Opens (or creates) a DuckDB file with the analytic store's settings ({@link DuckDbSettings}) and its default
     * memory limit, half of the machine's memory ({@link AnalyticStore}).
     */
    public static Connection open(Path file) throws SQLException {
        return open(file, DuckDbSettings.halfOfMemory());
    }

    /** {@link #open(Path)} with another memory limit ({@code 5GB}), as {@code TVAERS_ANALYTICS_MEMORY} gives one. */
    public static Connection open(Path file, String memoryLimit) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        DuckDbSettings.apply(connection);
        DuckDbSettings.limitMemory(connection, memoryLimit);
        return connection;
    }

    /** Loads the files present in the directory (unchecked: for generated data) and makes them the live data. */
    public static void load(Connection duck, Path dir) throws SQLException {
        var present = ImportFormat.FILES.stream().filter(f -> Files.exists(dir.resolve(f.fileName()))).toList();
        try (Statement statement = duck.createStatement()) {
            ImportLoading.stage(statement, dir, present, i -> {});
        }
        ImportLoading.swap(duck, 1);
    }

    /**
     * Imports the directory as the application does when the files are clean (ADR 0042): DuckDB reads, checks and
     * stages every file (CSV or Parquet), then the staging tables become the live data. False, and nothing loaded,
     * when any check fails (the application then names the rows with its row checker). Every initiative is taken as
     * known.
     */
    public static boolean importChecked(Connection duck, Path dir) throws SQLException, IOException {
        if (!ImportChecks.stage(duck, dir, initiative -> true, i -> {})) {
            return false;
        }
        ImportLoading.swap(duck, 1);
        return true;
    }

    /**
     * A Parquet file of the format through the import's checks, as a {@code SELECT} that writes nothing (null when
     * its columns are not the format's): for timing the checks apart from the write.
     */
    public static String checkedParquetSelect(Connection duck, ImportFormat.FileSpec spec, Path parquet) {
        return ImportChecks.checkedParquet(duck, spec, parquet);
    }

    /** A typed column's value as the import format's text (what the import checks a Parquet text column as). */
    public static String asText(String column, String type) {
        return ImportLoading.asText(column, type);
    }

    /**
     * The row checker (the import's check before ADR 0042, and still how a refused import's rows are named) over
     * every file of the directory; returns the number of errors.
     */
    public static long rowCheck(Path dir) throws IOException {
        var checker = new RowChecker(new java.util.HashSet<>(), initiative -> true);
        long errors = 0;
        for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
            if (Files.exists(dir.resolve(spec.fileName()))) {
                errors += checker.check(spec, dir.resolve(spec.fileName()), 100, line -> {}).errorCount();
            }
        }
        return errors;
    }

    /** Runs the indicator set for an initiative: the per-person table {@code run_<id>_person} and the aggregates. */
    public static List<IndicatorResult> run(Connection duck, long runId, long initiative, int windowDays)
            throws SQLException, IOException {
        return run(duck, runId, initiative, windowDays, step -> {});
    }

    /** The same, telling {@code steps} the message key of each step as it starts ("aggregates" for the last). */
    public static List<IndicatorResult> run(Connection duck, long runId, long initiative, int windowDays,
            java.util.function.Consumer<String> steps) throws SQLException, IOException {
        var run = run(runId, initiative, windowDays);
        try (Statement statement = duck.createStatement()) {
            RunQueries.loadCodeLists(statement);
            RunQueries.computePersonTable(statement, run, "run_" + runId, (p, k) -> steps.accept(k));
            steps.accept("aggregates");
            return RunQueries.aggregate(statement, run, "run_" + runId, Indicator.catalogue());
        }
    }

    /**
     * The effects of a run computed by {@link #run} on the same connection (its per-person table), with the
     * bootstrap's seed and replicates; the comparison group is not matched.
     */
    public static List<Effect> effects(Connection duck, long runId, long initiative, int windowDays,
            List<IndicatorResult> results, long seed, int replicates) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            return RunQueries.effects(statement, run(runId, initiative, windowDays), "run_" + runId, Indicator.catalogue(),
                    results, null, seed, replicates);
        }
    }

    /** The code lists as SQL statements (for another database than the analytic store). */
    public static List<String> codeListStatements() throws SQLException, IOException {
        var statements = new ArrayList<String>();
        var recorder = (Statement) java.lang.reflect.Proxy.newProxyInstance(Statement.class.getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        statements.add(((String) args[0]).replace("CREATE OR REPLACE TABLE", "CREATE TABLE"));
                        return false;
                    }
                    return null;
                });
        RunQueries.loadCodeLists(recorder);
        return statements;
    }

    /** The steps of a run as separate statements in a dialect; each creates table {@code <prefix>_<name>}. */
    public static List<String> steps(Dialect dialect, String prefix, long initiative, int windowDays) {
        var run = run(0, initiative, windowDays);
        var sql = new ArrayList<String>();
        for (RunSteps.Step step : STEPS) {
            String s = RunQueries.sql(dialect, step.template(), prefix, run);
            sql.add(dialect == Dialect.POSTGRES ? s.replace("CREATE OR REPLACE TABLE", "CREATE TABLE") : s);
        }
        return sql;
    }

    /** A step's SQL template (e.g. {@link IndicatorSql#STAYS}) for tables {@code <prefix>_<name>} in a dialect. */
    public static String render(Dialect dialect, String template, String prefix, long initiative, int windowDays) {
        return RunQueries.sql(dialect, template, prefix, run(0, initiative, windowDays));
    }

    /** The aggregate query over {@code <prefix>_person} in a dialect. */
    public static String aggregateSql(Dialect dialect, String prefix, long initiative, int windowDays) {
        return RunQueries.sql(dialect, IndicatorSql.aggregates(Indicator.catalogue()), prefix, run(0, initiative, windowDays));
    }

    /**
     * The whole computation as one statement with no intermediate tables: every step a CTE, the aggregate the final
     * SELECT (the benchmark's "one query" baseline).
     */
    public static String oneQuery(Dialect dialect, long initiative, int windowDays) {
        var run = run(0, initiative, windowDays);
        var ctes = new ArrayList<String>();
        for (RunSteps.Step step : STEPS) {
            String s = RunQueries.sql(dialect, step.template(), "q", run);
            String body = s.substring(s.indexOf(" AS\n") + 4);
            ctes.add("q_" + step.name() + " AS (\n" + body + "\n)");
        }
        String aggregate = RunQueries.sql(dialect, IndicatorSql.aggregates(Indicator.catalogue()), "q", run);
        // the aggregate starts with its own WITH: join the lists
        return "WITH " + String.join(",\n", ctes) + ",\n" + aggregate.substring("WITH ".length());
    }

    /** Reads the aggregates of a result set shaped like {@link #aggregateSql}, suppressing groups under 5. */
    public static List<IndicatorResult> results(java.sql.ResultSet rs) throws SQLException {
        var results = new ArrayList<IndicatorResult>();
        var indicators = Indicator.catalogue();
        while (rs.next()) {
            for (Indicator indicator : indicators) {
                results.add(RunQueries.result(rs, indicator));
            }
        }
        return results;
    }

    private static IndicatorRun run(long id, long initiative, int windowDays) {
        return new IndicatorRun(id, initiative, JobStatus.RUNNING, 0, null, windowDays, 1, null, null, "bench", null,
                null);
    }
}
