package dk.tvaers.monitoring;

import dk.tvaers.monitoring.ImportFormat.FileSpec;
import dk.tvaers.monitoring.ImportFormat.RowError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** The visit concepts mapped to contacts, and the resource they are read from (versioned data, not code). */
    static final String VISIT_CONCEPTS = "/monitoring/omop-visit-concepts-v1.csv";

    /** Condition status concepts of a primary diagnosis (admission, final, discharge): the action diagnosis. */
    static final String PRIMARY_STATUS = "32901, 32902, 32903";

    /** Admitted from the emergency room (visit concept, CMS place of service 23): the contact is acute. */
    static final String ADMITTED_ACUTE = "9203, 8870";

    /** The registration measures taken from observation/measurement source values. */
    static final String MEASURES = "'EQ5D_INDEX', 'PATIENT_EXPERIENCE'";

    private static final String ERROR = "monitoring.import.error.";
    private static final String NOTE = "monitoring.import.omop.note.";

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
            map(duck);
            if (count(duck, "SELECT count(*) FROM stage_person") == 0) {
                errors.add(new RowError(fileOf(dir, "person"), 0, ERROR + "omop.noPersons", null));
            }
            if (count(duck, "SELECT count(*) FROM stage_hospital_contact") == 0) {
                errors.add(new RowError(fileOf(dir, "visit_occurrence"), 0, ERROR + "omop.noContacts", null));
            }
            var notes = notes(duck);
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

    /** The mapping itself: the raw tables into the staging tables, each with exactly the format's columns. */
    private static void map(Connection duck) throws SQLException {
        for (FileSpec spec : ImportFormat.FILES) {
            execute(duck, "CREATE OR REPLACE TABLE stage_" + spec.table() + " ("
                    + String.join(", ", spec.columns0Description()) + ")");
        }
        execute(duck, "CREATE OR REPLACE TABLE omop_visit_map (concept_id BIGINT, contact_type VARCHAR, "
                + "priority VARCHAR, hospice BOOLEAN)");
        for (String[] row : visitConcepts()) {
            execute(duck, "INSERT INTO omop_visit_map VALUES (" + Long.parseLong(row[0]) + ", '" + row[2] + "', '"
                    + row[3] + "', " + Boolean.parseBoolean(row[4]) + ")");
        }
        execute(duck, """
                INSERT INTO stage_person
                WITH p AS (
                    SELECT person_id, try_cast(gender_concept_id AS BIGINT) AS gender,
                           try_cast(year_of_birth AS INTEGER) AS y, try_cast(month_of_birth AS INTEGER) AS m,
                           try_cast(day_of_birth AS INTEGER) AS d, try_cast(birth_datetime AS TIMESTAMP) AS born,
                           location_id
                    FROM omop_person
                    WHERE regexp_full_match(person_id, '[A-Za-z0-9_-]{1,40}')
                      AND try_cast(year_of_birth AS INTEGER) BETWEEN 1850 AND 2100),
                social AS (
                    SELECT person_id,
                           max(CASE WHEN observation_source_value = 'TVAERS_EDUCATION'
                                     AND value_as_string IN ('BASIC', 'VOCATIONAL', 'HIGHER')
                                    THEN CAST(try_cast(observation_date AS DATE) AS VARCHAR) || '|' || value_as_string
                               END) AS education,
                           max(CASE WHEN observation_source_value = 'TVAERS_INCOME_GROUP'
                                     AND value_as_string IN ('LOW', 'MIDDLE', 'HIGH')
                                    THEN CAST(try_cast(observation_date AS DATE) AS VARCHAR) || '|' || value_as_string
                               END) AS income_group,
                           max(CASE WHEN observation_source_value = 'TVAERS_LIVING_ALONE'
                                     AND value_as_string IN ('true', 'false')
                                    THEN CAST(try_cast(observation_date AS DATE) AS VARCHAR) || '|' || value_as_string
                               END) AS living_alone
                    FROM omop_observation
                    WHERE observation_source_value IN ('TVAERS_EDUCATION', 'TVAERS_INCOME_GROUP', 'TVAERS_LIVING_ALONE')
                      AND try_cast(observation_date AS DATE) IS NOT NULL
                    GROUP BY person_id)
                SELECT p.person_id,
                       coalesce(CAST(p.born AS DATE),
                                try_cast(printf('%04d-%02d-%02d', p.y, coalesce(p.m, 7),
                                         coalesce(p.d, CASE WHEN p.m IS NULL THEN 1 ELSE 15 END)) AS DATE)),
                       CASE p.gender WHEN 8532 THEN 'F' WHEN 8507 THEN 'M' END,
                       CASE WHEN regexp_full_match(l.county, '[0-9]{3}') THEN l.county
                            WHEN regexp_full_match(l.location_source_value, '[0-9]{3}') THEN l.location_source_value
                       END,
                       split_part(s.education, '|', 2), split_part(s.income_group, '|', 2),
                       CAST(nullif(split_part(s.living_alone, '|', 2), '') AS BOOLEAN)
                FROM p
                LEFT JOIN (SELECT * FROM omop_location
                           QUALIFY count(*) OVER (PARTITION BY location_id) = 1) l ON l.location_id = p.location_id
                LEFT JOIN social s ON s.person_id = p.person_id""");
        // social position left empty is NULL, not '' (split_part of NULL is NULL; of a value always the value)
        execute(duck, """
                CREATE OR REPLACE TABLE omop_diagnosis AS
                SELECT c.condition_occurrence_id, c.visit_occurrence_id, c.s AS source,
                       CASE WHEN regexp_full_match(c.s, 'D[A-Z][0-9]{2}[0-9A-Z]{0,4}') THEN c.s
                            WHEN regexp_full_match(c.s, '[A-Z][0-9]{2}[0-9A-Z]{0,4}') THEN 'D' || c.s END AS code,
                       CASE WHEN try_cast(c.condition_status_concept_id AS BIGINT) IN (%s) THEN 0 ELSE 1 END
                           AS secondary,
                       coalesce(try_cast(c.condition_start_datetime AS TIMESTAMP),
                                CAST(try_cast(c.condition_start_date AS DATE) AS TIMESTAMP)) AS start_ts
                FROM (SELECT *, upper(replace(replace(condition_source_value, '.', ''), ' ', '')) AS s
                      FROM omop_condition_occurrence) c""".formatted(PRIMARY_STATUS));
        execute(duck, """
                CREATE OR REPLACE TABLE omop_visit AS
                SELECT v.visit_occurrence_id AS id, v.person_id, try_cast(v.visit_concept_id AS BIGINT) AS concept,
                       date_trunc('minute', coalesce(try_cast(v.visit_start_datetime AS TIMESTAMP),
                           CAST(try_cast(v.visit_start_date AS DATE) AS TIMESTAMP))) AS start_ts,
                       date_trunc('minute', coalesce(try_cast(v.visit_end_datetime AS TIMESTAMP),
                           CAST(try_cast(v.visit_end_date AS DATE) AS TIMESTAMP))) AS end_ts,
                       try_cast(v.admitted_from_concept_id AS BIGINT) AS admitted_from,
                       m.contact_type, m.priority, m.hospice,
                       p.person_id IS NOT NULL AS person_known
                FROM omop_visit_occurrence v
                LEFT JOIN omop_visit_map m ON m.concept_id = try_cast(v.visit_concept_id AS BIGINT)
                LEFT JOIN stage_person p ON p.person_id = v.person_id""");
        execute(duck, """
                INSERT INTO stage_hospital_contact
                WITH usable AS (
                    SELECT * FROM omop_visit
                    WHERE contact_type IS NOT NULL AND person_known AND start_ts IS NOT NULL
                      AND (end_ts IS NULL OR end_ts >= start_ts)
                      AND regexp_full_match(id, '[A-Za-z0-9_-]{1,40}')),
                ranked AS (
                    SELECT d.visit_occurrence_id, d.code,
                           row_number() OVER (PARTITION BY d.visit_occurrence_id
                               ORDER BY d.secondary ASC, d.start_ts ASC NULLS LAST, d.code ASC) AS r
                    FROM omop_diagnosis d
                    WHERE d.code IS NOT NULL),
                action AS (
                    SELECT visit_occurrence_id, code AS action_diagnosis FROM ranked WHERE r = 1),
                dx AS (
                    SELECT a.visit_occurrence_id, a.action_diagnosis,
                           string_agg(DISTINCT b.code, ' ' ORDER BY b.code) FILTER (WHERE b.code <> a.action_diagnosis)
                               AS secondary_diagnoses
                    FROM action a
                    JOIN ranked b ON b.visit_occurrence_id = a.visit_occurrence_id
                    GROUP BY a.visit_occurrence_id, a.action_diagnosis)
                SELECT u.id, u.person_id, u.start_ts, u.end_ts,
                       CASE WHEN u.priority = 'ATA1' OR u.admitted_from IN (%s) THEN 'ATA1' ELSE 'ATA3' END,
                       u.contact_type, dx.action_diagnosis, dx.secondary_diagnoses,
                       CAST(NULL AS BIGINT), CAST(NULL AS INTEGER), u.hospice
                FROM usable u
                JOIN dx ON dx.visit_occurrence_id = u.id""".formatted(ADMITTED_ACUTE));
        execute(duck, """
                INSERT INTO stage_death
                SELECT d.person_id, min(try_cast(d.death_date AS DATE))
                FROM omop_death d
                JOIN stage_person p ON p.person_id = d.person_id
                WHERE try_cast(d.death_date AS DATE) IS NOT NULL
                GROUP BY d.person_id""");
        execute(duck, """
                INSERT INTO stage_registration
                SELECT r.person_id, r.registration_date, r.measure, CAST(round(r.score, 2) AS DECIMAL(10,2))
                FROM (
                    SELECT person_id, try_cast(observation_date AS DATE) AS registration_date,
                           observation_source_value AS measure, try_cast(value_as_number AS DECIMAL(18,4)) AS score
                    FROM omop_observation WHERE observation_source_value IN (%1$s)
                    UNION ALL
                    SELECT person_id, try_cast(measurement_date AS DATE), measurement_source_value,
                           try_cast(value_as_number AS DECIMAL(18,4))
                    FROM omop_measurement WHERE measurement_source_value IN (%1$s)) r
                JOIN stage_person p ON p.person_id = r.person_id
                WHERE r.registration_date IS NOT NULL AND r.score >= 0 AND r.score < 100000000""".formatted(MEASURES));
    }

    /** What was not mapped or was completed, counted, each with up to five examples (codes, never persons). */
    private static List<ImportNote> notes(Connection duck) throws SQLException {
        var notes = new ArrayList<ImportNote>();
        // examples of a value: the five most frequent, each with its count
        String top = "SELECT count(*), (SELECT string_agg(v || ' (' || CAST(n AS VARCHAR) || ')', ', ' "
                + "ORDER BY n DESC, v) FROM (SELECT coalesce(%1$s, '–') AS v, count(*) AS n FROM %2$s "
                + "WHERE %3$s GROUP BY 1 ORDER BY n DESC, v LIMIT 5)) FROM %2$s WHERE %3$s";
        String plain = "SELECT count(*), NULL FROM %s WHERE %s";
        note(duck, notes, "personRefused", plain.formatted("omop_person", "NOT regexp_full_match(coalesce(person_id, "
                + "''), '[A-Za-z0-9_-]{1,40}') OR try_cast(year_of_birth AS INTEGER) IS NULL "
                + "OR try_cast(year_of_birth AS INTEGER) NOT BETWEEN 1850 AND 2100"));
        note(duck, notes, "birthCompleted", plain.formatted("omop_person o JOIN stage_person p "
                + "ON p.person_id = o.person_id", "try_cast(o.birth_datetime AS TIMESTAMP) IS NULL "
                + "AND (o.month_of_birth IS NULL OR o.day_of_birth IS NULL)"));
        note(duck, notes, "unknownSex", top.formatted("o.gender_concept_id", "omop_person o JOIN stage_person p "
                + "ON p.person_id = o.person_id", "p.sex IS NULL"));
        note(duck, notes, "noMunicipality", plain.formatted("stage_person", "municipality_code IS NULL"));
        note(duck, notes, "noSocialPosition", plain.formatted("stage_person",
                "education IS NULL OR income_group IS NULL OR living_alone IS NULL"));
        note(duck, notes, "visitConcept", top.formatted("CAST(concept AS VARCHAR)", "omop_visit",
                "contact_type IS NULL"));
        note(duck, notes, "visitPerson", plain.formatted("omop_visit",
                "contact_type IS NOT NULL AND NOT person_known"));
        note(duck, notes, "visitTime", plain.formatted("omop_visit", "contact_type IS NOT NULL AND person_known "
                + "AND (start_ts IS NULL OR end_ts < start_ts OR NOT regexp_full_match(id, '[A-Za-z0-9_-]{1,40}'))"));
        note(duck, notes, "visitDiagnosis", plain.formatted("omop_visit v", "v.contact_type IS NOT NULL "
                + "AND v.person_known AND v.start_ts IS NOT NULL AND (v.end_ts IS NULL OR v.end_ts >= v.start_ts) "
                + "AND regexp_full_match(v.id, '[A-Za-z0-9_-]{1,40}') "
                + "AND NOT EXISTS (SELECT 1 FROM stage_hospital_contact h WHERE h.contact_id = v.id)"));
        note(duck, notes, "conditionCode", top.formatted("source", "omop_diagnosis", "code IS NULL"));
        note(duck, notes, "conditionVisit", plain.formatted("omop_diagnosis d", "d.code IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM stage_hospital_contact h WHERE h.contact_id = d.visit_occurrence_id)"));
        note(duck, notes, "deathUnmapped", plain.formatted("omop_death d", "try_cast(d.death_date AS DATE) IS NULL "
                + "OR NOT EXISTS (SELECT 1 FROM stage_person p WHERE p.person_id = d.person_id)"));
        note(duck, notes, "observationUnmapped", top.formatted("coalesce(observation_source_value, "
                + "observation_concept_id)", "omop_observation", "coalesce(observation_source_value, '') NOT IN ("
                + MEASURES + ", 'TVAERS_EDUCATION', 'TVAERS_INCOME_GROUP', 'TVAERS_LIVING_ALONE')"));
        note(duck, notes, "measurementUnmapped", top.formatted("coalesce(measurement_source_value, "
                + "measurement_concept_id)", "omop_measurement", "coalesce(measurement_source_value, '') NOT IN ("
                + MEASURES + ")"));
        note(duck, notes, "registrationValue", plain.formatted("(SELECT person_id, observation_date AS d, "
                + "value_as_number AS x FROM omop_observation WHERE observation_source_value IN (" + MEASURES + ") "
                + "UNION ALL SELECT person_id, measurement_date, value_as_number FROM omop_measurement "
                + "WHERE measurement_source_value IN (" + MEASURES + ")) r", "try_cast(r.d AS DATE) IS NULL "
                + "OR try_cast(r.x AS DECIMAL(18,4)) IS NULL OR try_cast(r.x AS DECIMAL(18,4)) < 0 "
                + "OR try_cast(r.x AS DECIMAL(18,4)) >= 100000000 "
                + "OR NOT EXISTS (SELECT 1 FROM stage_person p WHERE p.person_id = r.person_id)"));
        return notes;
    }

    private static void note(Connection duck, List<ImportNote> notes, String key, String sql) throws SQLException {
        try (Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            long count = rs.getLong(1);
            if (count > 0) {
                String examples = rs.getString(2);
                notes.add(new ImportNote(NOTE + key, count, examples == null ? null
                        : examples.substring(0, Math.min(examples.length(), 1000))));
            }
        }
    }

    /** The rows {visit_concept_id, name, contact_type, priority, hospice} of the visit concept list. */
    static List<String[]> visitConcepts() {
        try (InputStream in = OmopImport.class.getResourceAsStream(VISIT_CONCEPTS)) {
            var rows = new ArrayList<String[]>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].strip().split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static void execute(Connection duck, String sql) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            statement.execute(sql);
        }
    }
}
