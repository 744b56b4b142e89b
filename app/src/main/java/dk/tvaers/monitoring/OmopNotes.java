package dk.tvaers.monitoring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What an OMOP import did not map or completed, counted over the raw and staging tables, each with up to five
 * examples of its codes (never of persons): the import's {@link ImportNote}s, which the analyst reads on the import's
 * page.
 */
final class OmopNotes {

    private static final String NOTE = "monitoring.import.omop.note.";

    private static final String MEASURES = OmopMapping.MEASURES;

    private OmopNotes() {}

    /** What was not mapped or was completed, counted, each with up to five examples (codes, never persons). */
    static List<ImportNote> notes(Connection duck) throws SQLException {
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
}
