package dk.tvaers.spark;

import dk.tvaers.indicators.CohortRule;
import dk.tvaers.indicators.Dialect;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.IndicatorSql;
import dk.tvaers.indicators.RunSteps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Triple Aim indicator set on Apache Spark: the same steps as the application's runs ({@link RunSteps}, the SQL
 * of {@link IndicatorSql} rendered for {@link Dialect#SPARK}) over Parquet files in the import format (one
 * directory, {@code persons.parquet}, {@code hospital_contacts.parquet}, … — docs/import-format-v1.md), and the
 * aggregates with primary and secondary suppression applied on the driver before they are written. Nothing
 * per-person leaves the job.
 *
 * <p>Arguments: {@code --input DIR --output DIR --initiative ID [--window DAYS] [--format parquet|csv|json]
 * [--master URL] [--rule RULE]} (README: the Spark job). It prints {@code PROGRESS <percent> <step key>} lines, which
 * the application shows as the run's progress, and writes {@code <output>/aggregates} (one row per indicator, group,
 * period and stratum value) and {@code <output>/run.properties} (engine, versions, tariff years).
 */
public final class IndicatorJob {

    /** The import format's tables and their Parquet files (docs/import-format-v1.md); the optional ones may lack. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("person", "persons");
        TABLES.put("hospital_contact", "hospital_contacts");
        TABLES.put("inclusion", "inclusions");
        TABLES.put("gp_contact", "gp_contacts");
        TABLES.put("municipal_service", "municipal_services");
        TABLES.put("death", "deaths");
        TABLES.put("registration", "registrations");
    }

    /** The columns of the optional tables, for an empty table when the file is absent. */
    private static final Map<String, String> EMPTY = Map.of(
            "gp_contact", "person_id STRING, contact_date DATE, fee_ore BIGINT",
            "municipal_service", "person_id STRING, service_date DATE, service_type STRING, quantity DECIMAL(10,2), "
                    + "unit_price_ore BIGINT",
            "death", "person_id STRING, death_date DATE",
            "registration", "person_id STRING, registration_date DATE, measure STRING, score DECIMAL(10,2)",
            "inclusion", "person_id STRING, initiative_id BIGINT, index_date DATE, cohort_group STRING, "
                    + "subgroup STRING");

    /** What the job was asked to do. */
    public record Options(Path input, Path output, long initiative, int windowDays, String format, String master,
            CohortRule rule) {}

    /**
     * What a run gave: the aggregates as they may leave (suppressed), the tariff years priced and the target group's
     * size; {@code rows} are the aggregate rows before suppression, which stay on the driver ({@link #write} writes
     * only {@code results}; the engines' comparison test reads them).
     */
    public record Outcome(List<IndicatorResult> results, List<String> tariffYears, long targetPersons,
            List<Map<String, Object>> rows) {}

    private IndicatorJob() {}

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        var builder = SparkSession.builder().appName("tvaers-indicators-" + options.initiative());
        if (options.master() != null) {
            builder.master(options.master());
        }
        SparkSession spark = session(builder);
        try {
            Outcome outcome = run(spark, options, (percent, key) -> {
                System.out.println("PROGRESS " + percent + " " + key);
                System.out.flush();
            });
            write(spark, outcome, options);
            System.out.println("PROGRESS 100 done");
        } finally {
            spark.stop();
        }
    }

    /** The session settings the definitions need: local timestamps (no time zone) and exact decimal arithmetic. */
    public static SparkSession session(SparkSession.Builder builder) {
        return builder
                // the import format's timestamps are local time: TIMESTAMP means TIMESTAMP_NTZ, as in DuckDB
                .config("spark.sql.timestampType", "TIMESTAMP_NTZ")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.ansi.enabled", "true")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    static Options parse(String[] args) {
        Path input = null;
        Path output = null;
        Long initiative = null;
        int window = 365;
        String format = "parquet";
        String master = null;
        CohortRule rule = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("no value for " + args[i]);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--input" -> input = Path.of(value);
                case "--output" -> output = Path.of(value);
                case "--initiative" -> initiative = Long.parseLong(value);
                case "--window" -> window = Integer.parseInt(value);
                case "--format" -> format = value;
                case "--master" -> master = value;
                case "--rule" -> rule = rule(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (input == null || output == null || initiative == null) {
            throw new IllegalArgumentException("usage: --input DIR --output DIR --initiative ID [--window DAYS] "
                    + "[--format parquet|csv|json] [--master URL] [--rule RULE]");
        }
        if (!List.of("parquet", "csv", "json").contains(format)) {
            throw new IllegalArgumentException("format: parquet, csv or json");
        }
        return new Options(input, output, initiative, window, format, master, rule);
    }

    /** A population rule as one argument ({@link CohortRule#argument}). */
    public static CohortRule rule(String text) {
        return CohortRule.parse(text);
    }

    /** Progress of the steps: percent done and the message key of the step. */
    public interface Progress {
        void step(int percent, String stepKey);
    }

    /** Registers the inputs, runs the steps and returns the suppressed aggregates. */
    public static Outcome run(SparkSession spark, Options options, Progress progress) {
        progress.step(2, "monitoring.run.step.codes");
        registerInputs(spark, options.input());
        for (String table : RunSteps.CODE_LISTS.keySet()) {
            var rows = new ArrayList<Row>();
            for (String[] row : RunSteps.codeList(table)) {
                rows.add(RowFactory.create(row[0], row[1]));
            }
            StructType schema = new StructType().add("prefix", DataTypes.StringType)
                    .add("condition", DataTypes.StringType);
            spark.createDataFrame(rows, schema).createOrReplaceTempView(table);
        }
        String prefix = "run";
        var steps = RunSteps.steps(options.rule());
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            progress.step(5 + 80 * i / steps.size(), step.stepKey());
            String sql = RunSteps.sql(Dialect.SPARK, step.template(), prefix, options.initiative(),
                    options.windowDays());
            table(spark, sql);
        }
        long targets = spark.sql("SELECT count(*) FROM run_cohort WHERE cohort_group = 'TARGET'").first().getLong(0);
        progress.step(88, "monitoring.run.step.aggregates");
        var tariffYears = new ArrayList<String>();
        for (Row row : spark.sql(RunSteps.sql(Dialect.SPARK, IndicatorSql.TARIFF_YEARS, prefix,
                options.initiative(), options.windowDays())).collectAsList()) {
            tariffYears.add(String.valueOf(row.get(0)));
        }
        List<Indicator> indicators = Indicator.catalogue();
        Dataset<Row> aggregates = spark.sql(RunSteps.sql(Dialect.SPARK, IndicatorSql.aggregates(indicators), prefix,
                options.initiative(), options.windowDays()));
        List<Map<String, Object>> raw = new ArrayList<>();
        List<Function<String, Object>> rows = new ArrayList<>();
        for (Row row : aggregates.collectAsList()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String field : row.schema().fieldNames()) {
                values.put(field, row.get(row.fieldIndex(field)));
            }
            raw.add(values);
            rows.add(RunSteps.row(values));
        }
        return new Outcome(RunSteps.results(rows, indicators), tariffYears, targets, raw);
    }

    /** The import format's tables as views over the Parquet files, and the data's cut-off for open contacts. */
    static void registerInputs(SparkSession spark, Path input) {
        for (var table : TABLES.entrySet()) {
            Path file = input.resolve(table.getValue() + ".parquet");
            if (Files.exists(file)) {
                spark.read().parquet(file.toString()).createOrReplaceTempView(table.getKey());
            } else if (EMPTY.containsKey(table.getKey())) {
                spark.createDataFrame(List.of(), StructType.fromDDL(EMPTY.get(table.getKey())))
                        .createOrReplaceTempView(table.getKey());
            } else {
                throw new IllegalArgumentException("missing " + file);
            }
        }
        // as the import computes it (Imports.swap): the latest timestamp of the data
        table(spark, "CREATE OR REPLACE TABLE data_version AS SELECT 1 AS version, "
                + "max(greatest(start_ts, coalesce(end_ts, start_ts))) AS cutoff_ts FROM hospital_contact");
    }

    /** A step's {@code CREATE OR REPLACE TABLE name AS query} as a view of its computed rows. */
    static void table(SparkSession spark, String sql) {
        String head = "CREATE OR REPLACE TABLE ";
        String text = sql.strip();
        if (!text.startsWith(head)) {
            throw new IllegalArgumentException("not a step: " + text.substring(0, Math.min(60, text.length())));
        }
        int as = text.indexOf(" AS");
        String name = text.substring(head.length(), as).strip();
        // computed now and kept without its plan: the next step starts from this table, not from the whole chain
        // of plans before it (which Spark's planner would otherwise analyse again and again)
        Dataset<Row> result = spark.sql(text.substring(as + 3)).localCheckpoint(true);
        result.createOrReplaceTempView(name);
    }

    /** Writes the aggregates (one file) and the run's facts. */
    static void write(SparkSession spark, Outcome outcome, Options options) throws Exception {
        StructType schema = StructType.fromDDL("indicator STRING, cohort_group STRING, period STRING, stratum STRING, "
                + "stratum_value STRING, suppressed BOOLEAN, secondary BOOLEAN, n BIGINT, total DECIMAL(38,4), "
                + "denominator BIGINT, median DECIMAL(38,4), with_event BIGINT");
        var rows = new ArrayList<Row>();
        for (IndicatorResult r : outcome.results()) {
            rows.add(RowFactory.create(r.indicator(), r.group(), r.period(), r.stratum(), r.stratumValue(),
                    r.suppressed(), r.secondary(), r.n(), r.total(), r.denominator(), r.median(), r.withEvent()));
        }
        String aggregates = options.output().resolve("aggregates").toString();
        var writer = spark.createDataFrame(rows, schema).coalesce(1).write().mode("overwrite");
        switch (options.format()) {
            case "csv" -> writer.option("header", "true").csv(aggregates);
            case "json" -> writer.json(aggregates);
            default -> writer.parquet(aggregates);
        }
        Files.createDirectories(options.output());
        Files.writeString(options.output().resolve("run.properties"), String.join("\n",
                "engine=spark",
                "engine_version=Spark " + spark.version(),
                "definition_version=" + IndicatorSql.DEFINITION_VERSION,
                "tariff_years=" + String.join(", ", outcome.tariffYears()),
                "target_persons=" + outcome.targetPersons(),
                "format=" + options.format()) + "\n", StandardCharsets.UTF_8);
    }
}
