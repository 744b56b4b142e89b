CREATE OR REPLACE TABLE ${run}_person AS
WITH periods AS (
    SELECT k.*, 'BEFORE' AS period, {{add_days(k.index_date; -${window})}} AS from_date,
           k.index_date AS to_date
    FROM ${run}_cohort k
    UNION ALL
    SELECT k.*, 'AFTER' AS period, k.index_date AS from_date,
           {{add_days(k.index_date; ${window})}} AS to_date
    FROM ${run}_cohort k),
contacts AS (
    SELECT k.pk, CASE WHEN h.start_ts < CAST(k.index_date AS TIMESTAMP) THEN 'BEFORE' ELSE 'AFTER' END AS period,
           count(CASE WHEN h.priority = 'ATA1' AND h.contact_type = 'ALCA00' THEN 1 END) AS acute_contacts,
           sum(h.drg_value_ore) AS drg_value,
           sum(CASE WHEN h.priority = 'ATA1' AND h.contact_type = 'ALCA00' THEN h.drg_value_ore ELSE 0 END)
               AS drg_value_acute
    FROM ${run}_cohort k
    JOIN hospital_contact h ON h.person_id = k.person_id AND h.start_ts >= CAST({{add_days(k.index_date; -${window})}} AS TIMESTAMP) AND h.start_ts < CAST({{add_days(k.index_date; ${window})}} AS TIMESTAMP)
    GROUP BY k.pk, CASE WHEN h.start_ts < CAST(k.index_date AS TIMESTAMP) THEN 'BEFORE' ELSE 'AFTER' END),
admissions AS (
    SELECT k.pk, CASE WHEN a.start_ts < CAST(k.index_date AS TIMESTAMP) THEN 'BEFORE' ELSE 'AFTER' END AS period, sum(a.acute) AS acute_admissions,
           sum(CASE WHEN a.acute = 1 THEN a.bed_days ELSE 0 END) AS acute_bed_days,
           sum(CASE WHEN a.preventable = 1
                     AND a.start_ts >= CAST({{add_years(k.birth_date; 65)}} AS TIMESTAMP) THEN 1 ELSE 0
               END) AS preventable
    FROM ${run}_cohort k
    JOIN ${run}_admission a ON a.pk = k.pk AND a.start_ts >= CAST({{add_days(k.index_date; -${window})}} AS TIMESTAMP) AND a.start_ts < CAST({{add_days(k.index_date; ${window})}} AS TIMESTAMP)
    GROUP BY k.pk, CASE WHEN a.start_ts < CAST(k.index_date AS TIMESTAMP) THEN 'BEFORE' ELSE 'AFTER' END),
readmissions AS (
    SELECT k.pk, CASE WHEN x.start_ts < CAST(k.index_date AS TIMESTAMP) THEN 'BEFORE' ELSE 'AFTER' END AS period, count(*) AS index_admissions, sum(x.readmitted) AS readmissions
    FROM ${run}_cohort k
    JOIN ${run}_index x ON x.pk = k.pk AND x.start_ts >= CAST({{add_days(k.index_date; -${window})}} AS TIMESTAMP) AND x.start_ts < CAST({{add_days(k.index_date; ${window})}} AS TIMESTAMP)
    GROUP BY k.pk, CASE WHEN x.start_ts < CAST(k.index_date AS TIMESTAMP) THEN 'BEFORE' ELSE 'AFTER' END),
gp AS (
    SELECT k.person_id, CASE WHEN g.contact_date < k.index_date THEN 'BEFORE' ELSE 'AFTER' END AS period, sum(g.fee_ore) AS gp_cost
    FROM ${run}_cohort k
    JOIN gp_contact g ON g.person_id = k.person_id AND g.contact_date >= {{add_days(k.index_date; -${window})}} AND g.contact_date < {{add_days(k.index_date; ${window})}}
    GROUP BY k.person_id, CASE WHEN g.contact_date < k.index_date THEN 'BEFORE' ELSE 'AFTER' END),
municipal AS (
    SELECT k.person_id, CASE WHEN m.service_date < k.index_date THEN 'BEFORE' ELSE 'AFTER' END AS period,
           sum(CAST(round(m.quantity * m.unit_price_ore, 0) AS BIGINT)) AS municipal_cost
    FROM ${run}_cohort k
    JOIN municipal_service m ON m.person_id = k.person_id AND m.service_date >= {{add_days(k.index_date; -${window})}} AND m.service_date < {{add_days(k.index_date; ${window})}}
    GROUP BY k.person_id, CASE WHEN m.service_date < k.index_date THEN 'BEFORE' ELSE 'AFTER' END),
registrations AS (
    SELECT k.person_id, CASE WHEN g.registration_date < k.index_date THEN 'BEFORE' ELSE 'AFTER' END AS period, g.measure, CAST(round(g.score * 100, 0) AS BIGINT) AS score,
           row_number() OVER (PARTITION BY k.person_id, CASE WHEN g.registration_date < k.index_date THEN 'BEFORE' ELSE 'AFTER' END, g.measure
               ORDER BY g.registration_date DESC NULLS LAST, g.score DESC NULLS LAST) AS latest
    FROM ${run}_cohort k
    JOIN registration g ON g.person_id = k.person_id AND g.registration_date >= {{add_days(k.index_date; -${window})}} AND g.registration_date < {{add_days(k.index_date; ${window})}}),
pro AS (
    SELECT person_id, period,
           max(CASE WHEN measure = 'EQ5D_INDEX' THEN score END) AS pro_eq5d_index,
           max(CASE WHEN measure = 'PATIENT_EXPERIENCE' THEN score END) AS pro_experience
    FROM registrations
    WHERE latest = 1
    GROUP BY person_id, period)
SELECT p.person_id, p.cohort_group, p.period, p.subgroup, p.sex, p.education, p.income_group AS income,
       p.living_alone,
       CASE WHEN coalesce(mm.conditions, 0) >= 2 THEN 'MULTI' ELSE 'NOT_MULTI' END AS multimorbidity,
       CASE WHEN {{add_years(p.birth_date; 65)}} < p.to_date THEN 1 ELSE 0 END AS aged_65,
       CASE WHEN p.death_date >= p.from_date AND p.death_date < p.to_date THEN 1 ELSE 0 END AS mortality,
       coalesce(a.preventable, 0) AS preventable_admissions,
       coalesce(r.index_admissions, 0) AS index_admissions,
       coalesce(r.readmissions, 0) AS readmissions_30d,
       coalesce(c.acute_contacts, 0) AS acute_contacts,
       coalesce(a.acute_admissions, 0) AS acute_admissions,
       coalesce(a.acute_bed_days, 0) AS acute_bed_days,
       coalesce(c.drg_value, 0) AS drg_value,
       coalesce(c.drg_value_acute, 0) AS drg_value_acute,
       coalesce(m.municipal_cost, 0) AS municipal_cost,
       coalesce(g.gp_cost, 0) AS gp_cost,
       coalesce(c.drg_value, 0) + coalesce(g.gp_cost, 0) + coalesce(m.municipal_cost, 0) AS total_cost,
       pr.pro_eq5d_index,
       pr.pro_experience
FROM periods p
LEFT JOIN ${run}_multimorbidity mm ON mm.pk = p.pk
LEFT JOIN contacts c ON c.pk = p.pk AND c.period = p.period
LEFT JOIN admissions a ON a.pk = p.pk AND a.period = p.period
LEFT JOIN readmissions r ON r.pk = p.pk AND r.period = p.period
LEFT JOIN gp g ON g.person_id = p.person_id AND g.period = p.period
LEFT JOIN municipal m ON m.person_id = p.person_id AND m.period = p.period
LEFT JOIN pro pr ON pr.person_id = p.person_id AND pr.period = p.period