package dk.tvaers.indicators;

import java.util.List;

/**
 * Monthly series for run charts (docs/indicator-sql.md, "Run charts"): for each group and each month relative to
 * the index date — month m covers the days [30·m, 30·m + 30) from the index date, m = −M..M−1 with M = window / 30 —
 * the persons at risk (in the group and alive at the month's first day) and the events starting in the month. Needs
 * the run's {@code ${run}_cohort} and {@code ${run}_admission} (computed before they are dropped).
 */
public final class SeriesSql {

    /** The measures with a series: acute physical contacts and acute admissions. */
    public static final List<String> MEASURES = List.of("ACUTE_CONTACTS", "ACUTE_ADMISSIONS");

    /** Months each side of the index date for a window of so many days (at most 36). */
    public static int months(int windowDays) {
        return Math.max(1, Math.min(36, windowDays / 30));
    }

    /** Rows: measure, cohort_group, month, persons, events; every month of both groups, events 0 when none. */
    public static String series(int windowDays) {
        int m = months(windowDays);
        var values = new StringBuilder();
        for (int i = -m; i < m; i++) {
            values.append(values.isEmpty() ? "" : ", ").append("(").append(i).append(")");
        }
        return """
                WITH months AS (
                    SELECT month FROM (VALUES %s) AS t(month)),
                at_risk AS (
                    SELECT k.cohort_group, t.month, count(*) AS persons
                    FROM ${run}_cohort k
                    CROSS JOIN months t
                    WHERE k.death_date IS NULL OR k.death_date > {{add_days(k.index_date; t.month * 30)}}
                    GROUP BY k.cohort_group, t.month),
                events AS (
                    SELECT 'ACUTE_CONTACTS' AS measure, k.cohort_group, k.index_date, h.start_ts
                    FROM ${run}_cohort k
                    JOIN hospital_contact h ON h.person_id = k.person_id
                    WHERE h.priority = 'ATA1' AND h.contact_type = 'ALCA00'
                    UNION ALL
                    SELECT 'ACUTE_ADMISSIONS' AS measure, k.cohort_group, k.index_date, a.start_ts
                    FROM ${run}_cohort k
                    JOIN ${run}_admission a ON a.pk = k.pk
                    WHERE a.acute = 1),
                counted AS (
                    SELECT measure, cohort_group,
                           CAST(floor({{days_between(index_date; CAST(start_ts AS DATE))}} / 30.0) AS INTEGER) AS month,
                           count(*) AS events
                    FROM events
                    WHERE start_ts >= CAST({{add_days(index_date; %d)}} AS TIMESTAMP)
                      AND start_ts < CAST({{add_days(index_date; %d)}} AS TIMESTAMP)
                    GROUP BY measure, cohort_group,
                             CAST(floor({{days_between(index_date; CAST(start_ts AS DATE))}} / 30.0) AS INTEGER)),
                measures AS (
                    SELECT measure FROM (VALUES ('ACUTE_CONTACTS'), ('ACUTE_ADMISSIONS')) AS t(measure))
                SELECT x.measure, a.cohort_group, a.month, a.persons, coalesce(c.events, 0) AS events
                FROM at_risk a
                CROSS JOIN measures x
                LEFT JOIN counted c ON c.measure = x.measure AND c.cohort_group = a.cohort_group AND c.month = a.month
                ORDER BY x.measure ASC NULLS LAST, a.cohort_group ASC NULLS LAST, a.month ASC NULLS LAST"""
                .formatted(values, -30 * m, 30 * m);
    }

    private SeriesSql() {}
}
