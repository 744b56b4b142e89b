package dk.tvaers.indicators;

import java.util.List;

/**
 * The per-person table of a run and the aggregates over it ({@link IndicatorSql}): one row per person and period
 * with every indicator's value, then every indicator's figures per group, period and stratum.
 */
final class PersonSql {

    /**
     * The per-person intermediate table, kept after the run: one row per person and period (the window before the
     * index date and the window from it), with the strata and every indicator's value. Events count in the period
     * their start (an admission: its first contact's start) falls in.
     */
    static final String PERSON_PERIODS = personPeriods(Indicator.catalogue());

    /**
     * The per-person table for a catalogue. A PRO/experience indicator's value is the person's latest registration
     * of its measure in the period (the highest score of that day on a tie), in hundredths; NULL when the person
     * answered nothing in the period.
     */
    static String personPeriods(List<Indicator> indicators) {
        var scores = new StringBuilder();
        var scoreColumns = new StringBuilder();
        for (Indicator indicator : indicators) {
            if (indicator.statistic() == Indicator.Statistic.SCORE) {
                scores.append(",\n           max(CASE WHEN measure = '").append(indicator.measure())
                        .append("' THEN score END) AS ").append(indicator.column());
                scoreColumns.append(",\n       pr.").append(indicator.column());
            }
        }
        return """
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
                SELECT p.pk, p.period,
                       count(CASE WHEN h.priority = 'ATA1' AND h.contact_type = 'ALCA00' THEN 1 END) AS acute_contacts,
                       sum(h.drg_value_ore) AS drg_value,
                       sum(CASE WHEN h.priority = 'ATA1' AND h.contact_type = 'ALCA00' THEN h.drg_value_ore ELSE 0 END)
                           AS drg_value_acute
                FROM periods p
                JOIN hospital_contact h ON h.person_id = p.person_id
                     AND h.start_ts >= CAST(p.from_date AS TIMESTAMP) AND h.start_ts < CAST(p.to_date AS TIMESTAMP)
                GROUP BY p.pk, p.period),
            admissions AS (
                SELECT p.pk, p.period, sum(a.acute) AS acute_admissions,
                       sum(CASE WHEN a.acute = 1 THEN a.bed_days ELSE 0 END) AS acute_bed_days,
                       sum(CASE WHEN a.preventable = 1
                                 AND a.start_ts >= CAST({{add_years(p.birth_date; 65)}} AS TIMESTAMP) THEN 1 ELSE 0
                           END) AS preventable
                FROM periods p
                JOIN ${run}_admission a ON a.pk = p.pk
                     AND a.start_ts >= CAST(p.from_date AS TIMESTAMP) AND a.start_ts < CAST(p.to_date AS TIMESTAMP)
                GROUP BY p.pk, p.period),
            readmissions AS (
                SELECT p.pk, p.period, count(*) AS index_admissions, sum(x.readmitted) AS readmissions
                FROM periods p
                JOIN ${run}_index x ON x.pk = p.pk
                     AND x.start_ts >= CAST(p.from_date AS TIMESTAMP) AND x.start_ts < CAST(p.to_date AS TIMESTAMP)
                GROUP BY p.pk, p.period),
            gp AS (
                SELECT p.person_id, p.period, sum(g.fee_ore) AS gp_cost
                FROM periods p
                JOIN gp_contact g ON g.person_id = p.person_id
                     AND g.contact_date >= p.from_date AND g.contact_date < p.to_date
                GROUP BY p.person_id, p.period),
            municipal AS (
                SELECT p.person_id, p.period,
                       sum(CAST(round(m.quantity * m.unit_price_ore, 0) AS BIGINT)) AS municipal_cost
                FROM periods p
                JOIN municipal_service m ON m.person_id = p.person_id
                     AND m.service_date >= p.from_date AND m.service_date < p.to_date
                GROUP BY p.person_id, p.period),
            registrations AS (
                SELECT p.person_id, p.period, g.measure, CAST(round(g.score * 100, 0) AS BIGINT) AS score,
                       row_number() OVER (PARTITION BY p.person_id, p.period, g.measure
                           ORDER BY g.registration_date DESC NULLS LAST, g.score DESC NULLS LAST) AS latest
                FROM periods p
                JOIN registration g ON g.person_id = p.person_id
                     AND g.registration_date >= p.from_date AND g.registration_date < p.to_date),
            pro AS (
                SELECT person_id, period%s
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
                   coalesce(c.drg_value, 0) + coalesce(g.gp_cost, 0) + coalesce(m.municipal_cost, 0) AS total_cost%s
            FROM periods p
            LEFT JOIN ${run}_multimorbidity mm ON mm.pk = p.pk
            LEFT JOIN contacts c ON c.pk = p.pk AND c.period = p.period
            LEFT JOIN admissions a ON a.pk = p.pk AND a.period = p.period
            LEFT JOIN readmissions r ON r.pk = p.pk AND r.period = p.period
            LEFT JOIN gp g ON g.person_id = p.person_id AND g.period = p.period
            LEFT JOIN municipal m ON m.person_id = p.person_id AND m.period = p.period
            LEFT JOIN pro pr ON pr.person_id = p.person_id AND pr.period = p.period""".formatted(scores, scoreColumns);
    }

    /** The tariff years of the DRG values a run priced (more than one: the run says so). */
    static final String TARIFF_YEARS = """
            SELECT DISTINCT h.tariff_year FROM hospital_contact h
            JOIN ${run}_cohort k ON k.person_id = h.person_id
            WHERE h.start_ts >= CAST({{add_days(k.index_date; -${window})}} AS TIMESTAMP)
              AND h.start_ts < CAST({{add_days(k.index_date; ${window})}} AS TIMESTAMP)
              AND h.tariff_year IS NOT NULL
            ORDER BY h.tariff_year ASC NULLS LAST""";

    /**
     * The aggregates of every indicator for every group, period and stratum, from the per-person table. The table is
     * read once: each person row meets the list of strata (a cross join with one row per stratum) and gets that
     * stratum's value, so the grouping sees the same rows as a UNION ALL of one scan per stratum would give, at a
     * seventh of the reading (bench/README.md, "Engine profile").
     */
    static String aggregates(List<Indicator> indicators) {
        return aggregates(indicators, IndicatorSql.STRATA);
    }

    /** The same for some of the strata only (a runner may ask one stratum at a time to bound its memory). */
    static String aggregates(List<Indicator> indicators, List<String> strataWanted) {
        if (strataWanted.isEmpty() || !IndicatorSql.STRATA.containsAll(strataWanted)) {
            throw new IllegalArgumentException("unknown strata: " + strataWanted);
        }
        String measures = "aged_65, index_admissions, " + String.join(", ",
                indicators.stream().map(Indicator::column).toList());
        var list = new StringBuilder();
        var value = new StringBuilder("CASE s.stratum");
        for (String stratum : strataWanted) {
            if (!list.isEmpty()) {
                list.append("\n    UNION ALL\n");
            }
            list.append("    SELECT '").append(stratum).append("' AS stratum");
            value.append(" WHEN '").append(stratum).append("' THEN ")
                    .append(stratum.equals("ALL") ? "'ALL'" : "p." + stratum.toLowerCase());
        }
        value.append(" END");
        var strata = new StringBuilder();
        strata.append("    SELECT p.cohort_group, p.period, s.stratum, ").append(value).append(" AS stratum_value, ")
                .append(String.join(", ", java.util.Arrays.stream(measures.split(", ")).map(m -> "p." + m).toList()))
                .append("\n    FROM ${run}_person p\n    CROSS JOIN stratum_list s");
        var columns = new StringBuilder();
        for (Indicator indicator : indicators) {
            String x = indicator.column();
            String included = indicator.population() == Indicator.Population.AGE_65 ? "aged_65 = 1" : "1 = 1";
            boolean score = indicator.statistic() == Indicator.Statistic.SCORE;
            columns.append(",\n       count(CASE WHEN ").append(included).append(" THEN 1 END) AS n_").append(x)
                    .append(",\n       sum(CASE WHEN ").append(included).append(" THEN ").append(x)
                    .append(" END) AS total_").append(x)
                    .append(",\n       {{median(CASE WHEN ").append(included).append(" THEN ").append(x)
                    .append(" END)}} AS median_").append(x)
                    .append(",\n       count(CASE WHEN ").append(included).append(" AND ").append(x)
                    .append(score ? " IS NOT NULL" : " > 0").append(" THEN 1 END) AS with_").append(x);
            if (indicator.statistic() == Indicator.Statistic.RATIO) {
                columns.append(",\n       sum(index_admissions) AS denominator_").append(x);
            }
            if (score) {
                // a score's mean is over the persons who answered
                columns.append(",\n       count(CASE WHEN ").append(included).append(" AND ").append(x)
                        .append(" IS NOT NULL THEN 1 END) AS denominator_").append(x);
            }
        }
        return "WITH stratum_list AS (\n" + list + "),\nstrata AS (\n" + strata + ")\n"
                + "SELECT cohort_group, period, stratum, stratum_value" + columns
                + "\nFROM strata\nGROUP BY cohort_group, period, stratum, stratum_value"
                + "\nORDER BY cohort_group ASC NULLS LAST, period ASC NULLS LAST, stratum ASC NULLS LAST,"
                + " stratum_value ASC NULLS LAST";
    }

    private PersonSql() {}
}
