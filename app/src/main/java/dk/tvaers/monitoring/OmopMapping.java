package dk.tvaers.monitoring;

import static dk.tvaers.monitoring.OmopImport.execute;

import dk.tvaers.monitoring.ImportFormat.FileSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping of an OMOP import (ADR 0046, docs/omop-import.md): the raw tables {@code omop_<name>} that
 * {@link OmopImport} read into the {@code stage_} tables of the event model, in SQL: persons with their social
 * position, visits as hospital contacts by their visit concept, conditions as diagnoses, deaths, and registrations.
 */
final class OmopMapping {

    /** The visit concepts mapped to contacts, and the resource they are read from (versioned data, not code). */
    static final String VISIT_CONCEPTS = "/monitoring/omop-visit-concepts-v1.csv";

    /** Condition status concepts of a primary diagnosis (admission, final, discharge): the action diagnosis. */
    static final String PRIMARY_STATUS = "32901, 32902, 32903";

    /** Admitted from the emergency room (visit concept, CMS place of service 23): the contact is acute. */
    static final String ADMITTED_ACUTE = "9203, 8870";

    /** The registration measures taken from observation/measurement source values. */
    static final String MEASURES = "'EQ5D_INDEX', 'PATIENT_EXPERIENCE'";

    private OmopMapping() {}

    /** The mapping itself: the raw tables into the staging tables, each with exactly the format's columns. */
    static void map(Connection duck) throws SQLException {
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

    /** The rows {visit_concept_id, name, contact_type, priority, hospice} of the visit concept list. */
    static List<String[]> visitConcepts() {
        try (InputStream in = OmopMapping.class.getResourceAsStream(VISIT_CONCEPTS)) {
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
}
