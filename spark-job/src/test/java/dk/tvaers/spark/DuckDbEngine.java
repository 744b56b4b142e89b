package dk.tvaers.spark;

import dk.tvaers.indicators.CohortRule;
import dk.tvaers.indicators.Dialect;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.IndicatorSql;
import dk.tvaers.indicators.RunSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The DuckDB side of the comparison: import-format CSV files loaded with the import's column types (as
 * {@code Imports.stage} does), written as the Parquet files the Spark job reads (as the application hands a run to
 * Spark: its live tables as Parquet), and the run's steps ({@link RunSteps}, as {@code Runs} runs them) on DuckDB.
 */
final class DuckDbEngine {

    /** The import format's columns and DuckDB types (docs/import-format-v1.md; the application's ImportFormat). */
    static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("person", "person_id VARCHAR, birth_date DATE, sex VARCHAR, municipality_code VARCHAR, "
                + "education VARCHAR, income_group VARCHAR, living_alone BOOLEAN");
        TYPES.put("hospital_contact", "contact_id VARCHAR, person_id VARCHAR, start_ts TIMESTAMP, end_ts TIMESTAMP, "
                + "priority VARCHAR, contact_type VARCHAR, action_diagnosis VARCHAR, secondary_diagnoses VARCHAR, "
                + "drg_value_ore BIGINT, tariff_year INTEGER, hospice BOOLEAN");
        TYPES.put("inclusion", "person_id VARCHAR, initiative_id BIGINT, index_date DATE, cohort_group VARCHAR, "
                + "subgroup VARCHAR");
        TYPES.put("gp_contact", "person_id VARCHAR, contact_date DATE, fee_ore BIGINT");
        TYPES.put("municipal_service", "person_id VARCHAR, service_date DATE, service_type VARCHAR, "
                + "quantity DECIMAL(10,2), unit_price_ore BIGINT");
        TYPES.put("death", "person_id VARCHAR, death_date DATE");
        TYPES.put("registration", "person_id VARCHAR, registration_date DATE, measure VARCHAR, "
                + "score DECIMAL(10,2)");
    }

    private DuckDbEngine() {}

    /** Loads the CSV files of a directory (absent optional ones: empty tables) and writes them as Parquet. */
    static Connection load(Path csv, Path parquet) throws SQLException, java.io.IOException {
        Files.createDirectories(parquet);
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        dk.tvaers.indicators.DuckDbSettings.apply(duck);
        try (Statement s = duck.createStatement()) {
            for (var table : TYPES.entrySet()) {
                String file = IndicatorJob.TABLES.get(table.getKey());
                s.execute("CREATE TABLE " + table.getKey() + " (" + table.getValue() + ")");
                Path source = csv.resolve(file + ".csv");
                if (Files.exists(source)) {
                    String columns = "{" + String.join(", ", java.util.Arrays.stream(table.getValue().split(", "))
                            .map(c -> c.split(" ", 2)).map(c -> "'" + c[0] + "': '" + c[1] + "'").toList()) + "}";
                    s.execute("INSERT INTO " + table.getKey() + " SELECT * FROM read_csv('" + source
                            + "', header = true, delim = ',', quote = '', escape = '', auto_detect = false, "
                            + "timestampformat = '%Y-%m-%dT%H:%M', dateformat = '%Y-%m-%d', columns = " + columns
                            + ")");
                    s.execute("COPY " + table.getKey() + " TO '" + parquet.resolve(file + ".parquet")
                            + "' (FORMAT parquet)");
                }
            }
            s.execute("CREATE TABLE data_version AS SELECT 1 AS version, "
                    + "max(greatest(start_ts, coalesce(end_ts, start_ts))) AS cutoff_ts FROM hospital_contact");
        }
        return duck;
    }

    /** The run on DuckDB: the suppressed aggregates and the aggregate rows before suppression. */
    static IndicatorJob.Outcome run(Connection duck, long initiative, int window, CohortRule rule)
            throws SQLException {
        try (Statement s = duck.createStatement()) {
            for (String sql : RunSteps.codeListStatements(true)) {
                s.execute(sql);
            }
            for (RunSteps.Step step : RunSteps.steps(rule)) {
                s.execute(RunSteps.sql(Dialect.DUCKDB, step.template(), "run", initiative, window));
            }
            List<Indicator> indicators = Indicator.catalogue();
            List<Function<String, Object>> rows = new ArrayList<>();
            List<Map<String, Object>> raw = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(RunSteps.sql(Dialect.DUCKDB, IndicatorSql.aggregates(indicators),
                    "run", initiative, window))) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    raw.add(row);
                    rows.add(RunSteps.row(row));
                }
            }
            return new IndicatorJob.Outcome(RunSteps.results(rows, indicators), List.of(), 0, raw);
        }
    }
}
