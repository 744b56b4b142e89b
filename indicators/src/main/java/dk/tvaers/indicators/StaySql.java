package dk.tvaers.indicators;

/**
 * The event steps of a run ({@link IndicatorSql}): hospital stays formed from the cohort's physical contacts,
 * admissions, index admissions with their readmissions, and multimorbidity.
 */
final class StaySql {

    /** Cancer or DZ763 among the diagnoses of a contact ({@code dx}: its diagnoses with a space each side). */
    private static final String CANCER = "(dx LIKE '% DC%' OR dx LIKE '% DD0%' OR dx LIKE '% DZ763%')";

    /**
     * The order of a person's contacts in which stays are formed, which is also the order that picks a stay's first
     * contact: start, then an acute one (ATA1), then the one ending last, then the lowest action diagnosis code.
     * Contacts equal in all four may come in either order: they belong to the same stay and give the same first
     * priority and diagnosis.
     */
    static final String STAY_ORDER = "start_ts ASC NULLS LAST, CASE WHEN priority = 'ATA1' THEN 0 ELSE 1 END ASC, "
            + "end_ts DESC NULLS LAST, action_diagnosis ASC NULLS LAST";

    /**
     * Sygehusophold: physical contacts (ALCA00) of the cohort merged while they overlap or lie at most 4 hours apart;
     * an open contact lasts until the data's cut-off. Per stay: first contact's priority and action diagnosis, the
     * action diagnosis of the contact that ends last, cancer anywhere, hospice anywhere. Ties never decide by contact
     * id: the first contact is, of those starting first, an acute one, then the one ending last, then the lowest
     * diagnosis code; the last contact is, of those ending last, the one starting last, then the lowest code
     * (docs/indicator-sql.md). The first window sorts the contacts in the first contact's order ({@link #STAY_ORDER};
     * which stay a contact joins does not depend on how same-minute contacts are ordered) and gives each its row number
     * in that sort; the running sum that numbers the stays orders by that row number (two integers to compare), so
     * the first contact is the row that starts the stay; the last contact is the value at the least tuple of keys
     * ({@code min_by}). Both are aggregates in the grouping, not window sorts of their own (bench/README.md, "Engine
     * profile"). Only the columns the grouping needs go through the sorts: cancer and hospice as 0/1 flags computed
     * before them, no contact id and no text of all diagnoses ("Engine profile, round 3").
     * The windows and the grouping go by the person's whole-number key ({@code pk}, {@link CohortSql}), not the text
     * id; the steps after it too.
     */
    static final String STAYS = """
            CREATE OR REPLACE TABLE ${run}_stay AS
            WITH d AS (
                SELECT k.pk, h.start_ts, coalesce(h.end_ts, v.cutoff_ts) AS end_ts, h.priority, h.action_diagnosis,
                       h.hospice, ' ' || h.action_diagnosis || ' ' || coalesce(h.secondary_diagnoses, '') || ' ' AS dx
                FROM hospital_contact h
                JOIN (SELECT DISTINCT person_id, pk FROM ${run}_cohort) k ON k.person_id = h.person_id
                CROSS JOIN data_version v
                WHERE h.contact_type = 'ALCA00'),
            c AS (
                SELECT pk, start_ts, end_ts, priority, action_diagnosis,
                       CASE WHEN %1$s THEN 1 ELSE 0 END AS cancer, CASE WHEN hospice THEN 1 ELSE 0 END AS hospice
                FROM d),
            o AS (
                SELECT c.*, max(end_ts) OVER (PARTITION BY pk ORDER BY %2$s
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end,
                       row_number() OVER (PARTITION BY pk ORDER BY %2$s) AS rn
                FROM c),
            f AS (
                SELECT o.*, CASE WHEN previous_end IS NULL OR start_ts > {{add_hours(previous_end; 4)}} THEN 1 ELSE 0
                       END AS new_stay
                FROM o),
            s AS (
                SELECT f.*, sum(new_stay) OVER (PARTITION BY pk ORDER BY rn
                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stay_no
                FROM f),
            r AS (
                SELECT s.*, {{epoch_ms(start_ts)}} AS start_ms, {{epoch_ms(end_ts)}} AS end_ms
                FROM s)
            SELECT pk, stay_no, min(start_ts) AS start_ts, max(end_ts) AS end_ts,
                   max(CASE WHEN new_stay = 1 THEN priority END) AS first_priority,
                   max(CASE WHEN new_stay = 1 THEN action_diagnosis END) AS first_diagnosis,
                   {{min_by(action_diagnosis; -end_ms; -start_ms; action_diagnosis)}} AS last_diagnosis,
                   max(cancer) AS any_cancer,
                   max(hospice) AS hospice
            FROM r
            GROUP BY pk, stay_no""".formatted(CANCER, STAY_ORDER);

    /**
     * Indlæggelser: stays of 12 hours or more. Bed days by Statistics Denmark's convention: discharge date minus
     * admission date, a same-day admission counting 1. Acute when the first contact is acute (ATA1); preventable
     * when acute and its first action diagnosis is on the (provisional) list.
     */
    static final String ADMISSIONS = """
            CREATE OR REPLACE TABLE ${run}_admission AS
            SELECT s.pk, s.stay_no, s.start_ts, s.end_ts, s.first_diagnosis, s.last_diagnosis, s.any_cancer,
                   s.hospice,
                   CASE WHEN s.first_priority = 'ATA1' THEN 1 ELSE 0 END AS acute,
                   CASE WHEN {{days_between(CAST(s.start_ts AS DATE); CAST(s.end_ts AS DATE))}} = 0 THEN 1
                        ELSE {{days_between(CAST(s.start_ts AS DATE); CAST(s.end_ts AS DATE))}} END AS bed_days,
                   CASE WHEN s.first_priority = 'ATA1' AND (p4.prefix IS NOT NULL OR p5.prefix IS NOT NULL) THEN 1
                        ELSE 0 END AS preventable
            FROM ${run}_stay s
            LEFT JOIN code_preventable p4 ON p4.prefix = substr(s.first_diagnosis, 1, 4)
            LEFT JOIN code_preventable p5 ON p5.prefix = substr(s.first_diagnosis, 1, 5)
            WHERE s.end_ts >= {{add_hours(s.start_ts; 12)}}""";

    /** The first diagnosis of a readmission that excludes it: birth, psychiatric, injury or poisoning. */
    private static final String EXCLUDED_READMISSION = """
            (substr(b.first_diagnosis, 1, 4) IN ('DO80', 'DO81', 'DO82', 'DO84')
             OR b.first_diagnosis LIKE 'DF%' OR b.first_diagnosis LIKE 'DS%'
             OR b.first_diagnosis LIKE 'DT1%' OR b.first_diagnosis LIKE 'DT2%'
             OR substr(b.first_diagnosis, 1, 4) IN ('DT30', 'DT31', 'DT32', 'DT33', 'DT34', 'DT35', 'DT51', 'DT52',
                 'DT53', 'DT54', 'DT55', 'DT56', 'DT57', 'DT58', 'DT59')
             OR b.first_diagnosis LIKE 'DT6%' OR b.first_diagnosis LIKE 'DT7%' OR b.first_diagnosis LIKE 'DT9%'
             OR b.first_diagnosis LIKE 'DX%' OR b.first_diagnosis LIKE 'DY%')""";

    /**
     * Index admissions and whether an acute readmission followed 0–720 hours after discharge, with the national
     * exclusions: the index is excluded for a psychiatric last action diagnosis, cancer/DZ763, death by the discharge
     * date, or hospice; the readmission when not acute, cancer/DZ763, birth, psychiatric or injury.
     */
    static final String INDEX_ADMISSIONS = """
            CREATE OR REPLACE TABLE ${run}_index AS
            SELECT a.pk, a.stay_no, a.start_ts,
                   max(CASE WHEN b.pk IS NULL THEN 0 ELSE 1 END) AS readmitted
            FROM ${run}_admission a
            JOIN ${run}_cohort k ON k.pk = a.pk
            LEFT JOIN ${run}_admission b ON b.pk = a.pk AND b.stay_no > a.stay_no
                 AND b.start_ts >= a.end_ts AND b.start_ts <= {{add_hours(a.end_ts; 720)}}
                 AND b.acute = 1 AND b.any_cancer = 0 AND NOT %s
            WHERE a.last_diagnosis NOT LIKE 'DF%%' AND a.any_cancer = 0 AND a.hospice = 0
              AND (k.death_date IS NULL OR k.death_date > CAST(a.end_ts AS DATE))
            GROUP BY a.pk, a.stay_no, a.start_ts""".formatted(EXCLUDED_READMISSION);

    /** Multimorbidity: distinct chronic conditions among action diagnoses of contacts before the index date. */
    static final String MULTIMORBIDITY = """
            CREATE OR REPLACE TABLE ${run}_multimorbidity AS
            SELECT k.pk, count(DISTINCT cc.condition) AS conditions
            FROM ${run}_cohort k
            JOIN hospital_contact h ON h.person_id = k.person_id AND h.start_ts < CAST(k.index_date AS TIMESTAMP)
            JOIN code_chronic cc ON cc.prefix = substr(h.action_diagnosis, 1, 4)
            GROUP BY k.pk""";

    private StaySql() {}
}
