package dk.tvaers.monitoring;

import dk.tvaers.monitoring.ImportFormat.RowError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OMOP CDM v5.4 as input (ADR 0046, docs/omop-import.md): DuckDB reads the exported OMOP tables (CSV with a header,
 * comma or tab, or Parquet) and maps them into the staging tables of the event model, which are then swapped in like
 * any import's (ADR 0010). Visits become hospital contacts by their visit concept
 * ({@code monitoring/omop-visit-concepts-v1.csv}), ICD-10 source values of their conditions become SKS codes, deaths
 * deaths, and observation/measurement rows with the source values {@code EQ5D_INDEX} or {@code PATIENT_EXPERIENCE}
 * registrations. OMOP holds no education, income or living alone: they are taken from observation rows with the
 * source values {@code TVAERS_EDUCATION}, {@code TVAERS_INCOME_GROUP} and {@code TVAERS_LIVING_ALONE} where a site
 * records them, else left unknown. Whatever cannot be mapped is counted, with up to five examples of its codes, as
 * the import's {@link ImportNote}s; the analyst reads them on the import's page. No row passes through Java.
 *
 * <p>This class reads the files and refuses what cannot be imported; {@link OmopMapping} maps the raw tables into
 * the staging tables and {@link OmopNotes} counts what was not mapped.
 */
final class OmopImport {

    /** One OMOP table the import reads: the columns it uses, of which {@code required} must be in the file. */
    record Table(String name, boolean required, List<String> columns, List<String> requiredColumns) {

        String csvName() {
            return name + ".csv";
        }

        String parquetName() {
            return name + ".parquet";
        }

        String raw() {
            return "omop_" + name;
        }
    }

    /** Refused (errors, nothing staged) or staged with its notes. */
    record Outcome(List<RowError> errors, List<ImportNote> notes) {

        boolean refused() {
            return !errors.isEmpty();
        }
    }

    static final List<Table> TABLES = List.of(
            new Table("person", true, List.of("person_id", "gender_concept_id", "year_of_birth", "month_of_birth",
                    "day_of_birth", "birth_datetime", "location_id"),
                    List.of("person_id", "gender_concept_id", "year_of_birth")),
            new Table("location", false, List.of("location_id", "county", "location_source_value"),
                    List.of("location_id")),
            new Table("visit_occurrence", true, List.of("visit_occurrence_id", "person_id", "visit_concept_id",
                    "visit_start_date", "visit_start_datetime", "visit_end_date", "visit_end_datetime",
                    "admitted_from_concept_id"),
                    List.of("visit_occurrence_id", "person_id", "visit_concept_id", "visit_start_date")),
            new Table("condition_occurrence", true, List.of("condition_occurrence_id", "person_id",
                    "condition_start_date", "condition_start_datetime", "visit_occurrence_id",
                    "condition_source_value", "condition_status_concept_id"),
                    List.of("condition_occurrence_id", "person_id", "condition_start_date", "visit_occurrence_id",
                            "condition_source_value")),
            new Table("death", false, List.of("person_id", "death_date"), List.of("person_id", "death_date")),
            new Table("observation", false, List.of("person_id", "observation_concept_id", "observation_date",
                    "observation_source_value", "value_as_number", "value_as_string"),
                    List.of("person_id", "observation_date")),
            new Table("measurement", false, List.of("person_id", "measurement_concept_id", "measurement_date",
                    "measurement_source_value", "value_as_number"),
                    List.of("person_id", "measurement_date")));

    private static final String ERROR = "monitoring.import.error.";

    private OmopImport() {}

    /** The table of an OMOP file name ({@code person.csv}, {@code person.parquet}), or null. */
    static Table table(String fileName) {
        return TABLES.stream().filter(t -> t.csvName().equals(fileName) || t.parquetName().equals(fileName))
                .findFirst().orElse(null);
    }

    /**
     * Reads the OMOP files of {@code dir} and maps them into the {@code stage_} tables of the event model. Refused
     * (errors, no staging table left) when a required file or column is missing, a file cannot be read, an id is
     * repeated, or no person or contact could be mapped.
     */
    static Outcome stage(Connection duck, Path dir) throws SQLException {
        var errors = new ArrayList<RowError>();
        try {
            read(duck, dir, errors);
            if (errors.isEmpty()) {
                unique(duck, dir, "person", "person_id", errors);
                unique(duck, dir, "visit_occurrence", "visit_occurrence_id", errors);
            }
            if (!errors.isEmpty()) {
                dropEverything(duck);
                return new Outcome(errors, List.of());
            }
            OmopMapping.map(duck);
            if (count(duck, "SELECT count(*) FROM stage_person") == 0) {
                errors.add(new RowError(fileOf(dir, "person"), 0, ERROR + "omop.noPersons", null));
            }
            if (count(duck, "SELECT count(*) FROM stage_hospital_contact") == 0) {
                errors.add(new RowError(fileOf(dir, "visit_occurrence"), 0, ERROR + "omop.noContacts", null));
            }
            var notes = OmopNotes.notes(duck);
            if (!errors.isEmpty()) {
                // the notes say why nothing mapped: kept beside the errors
                dropEverything(duck);
                return new Outcome(errors, notes);
            }
            return new Outcome(List.of(), notes);
        } finally {
            dropRaw(duck);
        }
    }

    /** Each present file into its raw table {@code omop_<name>}: the columns used, as text (absent ones NULL). */
    private static void read(Connection duck, Path dir, List<RowError> errors) throws SQLException {
        for (Table table : TABLES) {
            Path csv = dir.resolve(table.csvName());
            Path parquet = dir.resolve(table.parquetName());
            boolean isCsv = Files.isRegularFile(csv);
            boolean isParquet = Files.isRegularFile(parquet);
            String source;
            String file;
            if (isCsv && isParquet) {
                errors.add(new RowError(table.parquetName(), 0, ERROR + "twice", null));
                continue;
            } else if (isCsv) {
                file = table.csvName();
                source = "read_csv(" + ImportChecks.literal(csv) + ", header = true, all_varchar = true, "
                        + "auto_detect = true)";
            } else if (isParquet) {
                file = table.parquetName();
                source = "read_parquet(" + ImportChecks.literal(parquet) + ")";
            } else {
                if (table.required()) {
                    errors.add(new RowError(table.csvName(), 0, ERROR + "missingFile", null));
                } else {
                    execute(duck, "CREATE OR REPLACE TABLE " + table.raw() + " (" + String.join(", ",
                            table.columns().stream().map(c -> c + " VARCHAR").toList()) + ")");
                }
                continue;
            }
            Map<String, String> present = new HashMap<>();
            try (Statement statement = duck.createStatement();
                    ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (rs.next()) {
                    String name = rs.getString("column_name");
                    present.put(name.toLowerCase(Locale.ROOT).strip(), name);
                }
            } catch (SQLException e) {
                errors.add(new RowError(file, 0, ERROR + "omop.unreadable", null));
                continue;
            }
            boolean complete = true;
            for (String column : table.requiredColumns()) {
                if (!present.containsKey(column)) {
                    errors.add(new RowError(file, 1, ERROR + "omop.missingColumn", column, List.of(column), 0));
                    complete = false;
                }
            }
            if (!complete) {
                continue;
            }
            var select = new ArrayList<String>();
            for (String column : table.columns()) {
                String actual = present.get(column);
                select.add((actual == null ? "CAST(NULL AS VARCHAR)"
                        : "nullif(trim(CAST(\"" + actual.replace("\"", "\"\"") + "\" AS VARCHAR)), '')") + " AS "
                        + column);
            }
            try {
                execute(duck, "CREATE OR REPLACE TABLE " + table.raw() + " AS SELECT " + String.join(", ", select)
                        + " FROM " + source);
            } catch (SQLException e) {
                errors.add(new RowError(file, 0, ERROR + "omop.unreadable", null));
            }
        }
    }

    /** A repeated id refuses the import (the export is broken): how many, and up to five of them. */
    private static void unique(Connection duck, Path dir, String table, String column, List<RowError> errors)
            throws SQLException {
        try (Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*), string_agg(id, ', ' ORDER BY id) FILTER "
                        + "(WHERE n <= 5) FROM (SELECT " + column + " AS id, row_number() OVER (ORDER BY " + column
                        + ") AS n FROM omop_" + table + " GROUP BY " + column + " HAVING count(*) > 1)")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                errors.add(new RowError(fileOf(dir, table), 0, ERROR + "omop.duplicate", column,
                        List.of(column, String.valueOf(rs.getLong(1)), rs.getString(2)), 0));
            }
        }
    }

    /** The OMOP file of a table as it was sent (Parquet or CSV), for messages. */
    private static String fileOf(Path dir, String table) {
        return Files.exists(dir.resolve(table + ".parquet")) ? table + ".parquet" : table + ".csv";
    }

    /** Drops the raw OMOP tables and the mapping's own tables (they hold person-level rows). */
    static void dropRaw(Statement statement) throws SQLException {
        for (Table table : TABLES) {
            statement.execute("DROP TABLE IF EXISTS " + table.raw());
        }
        for (String own : List.of("omop_visit_map", "omop_diagnosis", "omop_visit")) {
            statement.execute("DROP TABLE IF EXISTS " + own);
        }
    }

    private static void dropRaw(Connection duck) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            dropRaw(statement);
        }
    }

    private static void dropEverything(Connection duck) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            ImportLoading.dropStaging(statement);
        }
    }

    private static long count(Connection duck, String sql) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            return ImportLoading.count(statement, sql);
        }
    }

    static void execute(Connection duck, String sql) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            statement.execute(sql);
        }
    }
}
