package dk.tvaers.monitoring;

import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.RunSteps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A run on Apache Spark (ADR 0041): the run's inputs are written as Parquet in the import format from the analytic
 * store (or a configured extract is named), the job jar is submitted as another process — bounded by
 * {@code tvaers.monitoring.spark.timeout}, ended when the run's job thread is interrupted —, its {@code PROGRESS}
 * lines become the run's progress, and the aggregates it wrote (suppressed before they left the job) are read back
 * as the run's results. The per-person tables stay in the job; effects and monthly series are computed only on
 * DuckDB (they need the per-person table).
 */
@Component
class SparkRuns {

    private static final Logger log = LoggerFactory.getLogger(SparkRuns.class);

    private static final Pattern PROGRESS = Pattern.compile("PROGRESS (\\d{1,3}) (monitoring\\.run\\.step\\.[a-z]+)");

    /** The step keys the job may report (anything else on its output is only logged). */
    static final Set<String> STEP_KEYS = Stream.concat(RunSteps.steps(null).stream().map(RunSteps.Step::stepKey),
            Stream.of("monitoring.run.step.codes", "monitoring.run.step.aggregates")).collect(Collectors.toSet());

    /** Lines of the job's output kept for the log when it fails. */
    private static final int TAIL = 40;

    private final SparkTarget target;
    private final AnalyticStore store;

    SparkRuns(SparkTarget target, AnalyticStore store) {
        this.target = target;
        this.store = store;
    }

    boolean enabled() {
        return target.enabled();
    }

    String master() {
        return target.master();
    }

    RunOutcome execute(IndicatorRun run, Population.Rule rule, RunQueries.Progress progress) throws Exception {
        if (!target.enabled()) {
            throw new IllegalStateException("no Spark target is configured (tvaers.monitoring.spark.enabled)");
        }
        Path dir = target.workDir().resolve("run-" + run.id());
        Path output = dir.resolve("output");
        Path input = target.extract() != null ? target.extract() : dir.resolve("input");
        Integer dataVersion = null;
        try {
            deleteTree(output);
            if (target.extract() == null) {
                progress.step(2, "monitoring.run.step.inputs");
                dataVersion = writeInputs(input);
            }
            var arguments = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString(),
                    "--initiative", String.valueOf(run.initiativeId()), "--window", String.valueOf(run.windowDays()),
                    "--format", "parquet"));
            if (rule != null) {
                arguments.add("--rule");
                arguments.add(rule.cohortRule().argument());
            }
            progress.step(4, "monitoring.run.step.submitted");
            submit(target.command(arguments), dir.resolve("job.log"), target.timeout(), progress);
            Properties facts = new Properties();
            facts.load(new StringReader(Files.readString(output.resolve("run.properties"))));
            if (Long.parseLong(facts.getProperty("target_persons", "0")) == 0) {
                throw new RunOutcome.EmptyPopulation();
            }
            List<IndicatorResult> results = readAggregates(output.resolve("aggregates"));
            String tariff = facts.getProperty("tariff_years", "");
            return new RunOutcome(results, List.of(), List.of(), dataVersion,
                    facts.getProperty("definition_version"),
                    tariff.isBlank() ? List.of() : Arrays.asList(tariff.split(",\\s*")), null, null,
                    IndicatorRun.Engine.SPARK, facts.getProperty("engine_version"), false);
        } finally {
            // person-level rows (the inputs) do not outlive the run; the aggregates are in PostgreSQL by now
            if (target.extract() == null) {
                deleteTree(input);
            }
            deleteTree(output);
        }
    }

    /** The live tables of the analytic store as the job's Parquet inputs; returns their data version. */
    private int writeInputs(Path input) throws SQLException, IOException {
        deleteTree(input);
        Files.createDirectories(input);
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            int version = DuckDbRuns.dataVersion(statement);
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                String columns = spec.columns0().stream().map(ImportFormat.Column::name)
                        .collect(Collectors.joining(", "));
                String file = spec.fileName().replace(".csv", ".parquet");
                statement.execute("COPY (SELECT " + columns + " FROM " + spec.table() + ") TO '"
                        + input.resolve(file).toString().replace("'", "''") + "' (FORMAT parquet)");
            }
            return version;
        }
    }

    /**
     * Runs the command to its end: its output goes to the run's log, its PROGRESS lines to the run. Killed (with
     * its children) when the timeout passes or the job thread is interrupted.
     */
    static void submit(List<String> command, Path logFile, java.time.Duration timeout, RunQueries.Progress progress)
            throws Exception {
        Files.createDirectories(logFile.getParent());
        log.info("submitting the Spark job: {} … {}", command.getFirst(),
                String.join(" ", command.subList(Math.max(1, command.indexOf("--input")), command.size())));
        log.debug("the whole command: {}", String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var tail = new ArrayDeque<String>();
        Thread reader = Thread.ofVirtual().name("spark-job-output").start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    Writer out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.write('\n');
                    Matcher m = PROGRESS.matcher(line);
                    if (m.matches() && STEP_KEYS.contains(m.group(2))) {
                        // the job's 2–100 % within the run's 5–95 %
                        progress.step(5 + Math.min(100, Integer.parseInt(m.group(1))) * 90 / 100, m.group(2));
                    }
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > TAIL) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                log.warn("reading the Spark job's output", e);
            }
        });
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw e;
        }
        if (!finished) {
            kill(process);
            throw new SparkJobFailed("monitoring.run.error.sparkTimeout", "the Spark job ran longer than "
                    + timeout + " and was stopped");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        if (process.exitValue() != 0) {
            String last;
            synchronized (tail) {
                last = String.join("\n", tail);
            }
            throw new SparkJobFailed("monitoring.run.error.sparkFailed", "the Spark job ended with "
                    + process.exitValue() + " (log: " + logFile + "):\n" + last);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The job's aggregates (one Parquet file in the directory), as stored results. */
    static List<IndicatorResult> readAggregates(Path directory) throws SQLException {
        var results = new ArrayList<IndicatorResult>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM read_parquet('"
                        + directory.resolve("*.parquet").toString().replace("'", "''") + "')")) {
            while (rs.next()) {
                results.add(new IndicatorResult(rs.getString("indicator"), rs.getString("cohort_group"),
                        rs.getString("period"), rs.getString("stratum"), rs.getString("stratum_value"),
                        rs.getBoolean("suppressed"), (Long) rs.getObject("n"), rs.getBigDecimal("total"),
                        (Long) rs.getObject("denominator"), rs.getBigDecimal("median"),
                        (Long) rs.getObject("with_event"), rs.getBoolean("secondary")));
            }
        }
        return results;
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The job did not finish well; {@code stepKey} is what the run page says. */
    static final class SparkJobFailed extends RuntimeException {
        private final String stepKey;

        SparkJobFailed(String stepKey, String message) {
            super(message);
            this.stepKey = stepKey;
        }

        String stepKey() {
            return stepKey;
        }
    }
}
