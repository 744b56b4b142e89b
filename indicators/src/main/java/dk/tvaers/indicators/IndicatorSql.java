package dk.tvaers.indicators;

import java.util.List;

/**
 * The indicator definitions of DOMAIN.md as SQL over the analytic store, in the subset DuckDB and Spark SQL share
 * (docs/indicator-sql.md): explicit date arithmetic through {@link Dialect} macros, window frames spelled out,
 * NULLs ordered explicitly, exact interpolating medians. {@code ${run}} is the prefix of the run's tables,
 * {@code ${initiative}} and {@code ${window}} (days) its parameters.
 */
public final class IndicatorSql {

    /** The definition version a run records: the SQL below, the catalogue and the code lists it used. */
    public static final String DEFINITION_VERSION = "def-3/ind-4/fi-0p/mm-1";

    /** The strata of a run: the whole group, then each social-background variable and multimorbidity. */
    public static final List<String> STRATA = List.of("ALL", "SUBGROUP", "SEX", "EDUCATION", "INCOME", "LIVING_ALONE",
            "MULTIMORBIDITY");

    /**
     * A person's sex and social position as strata: a value the data do not hold (OMOP CDM input has no education,
     * income or living alone, ADR 0046) is UNKNOWN, never counted as one of the others.
     */
    private static final String PERSON_STRATA = """
            coalesce(p.sex, 'UNKNOWN') AS sex, coalesce(p.education, 'UNKNOWN') AS education,
                   coalesce(p.income_group, 'UNKNOWN') AS income_group,
                   CASE WHEN p.living_alone THEN 'ALONE' WHEN NOT p.living_alone THEN 'NOT_ALONE' ELSE 'UNKNOWN' END
                       AS living_alone""";

    public static final String COHORT = """
            CREATE OR REPLACE TABLE ${run}_cohort AS
            SELECT i.person_id, i.cohort_group, coalesce(i.subgroup, 'NONE') AS subgroup, i.index_date,
                   p.birth_date, %s, d.death_date
            FROM inclusion i
            JOIN person p ON p.person_id = i.person_id
            LEFT JOIN death d ON d.person_id = i.person_id
            WHERE i.initiative_id = ${initiative}""".formatted(PERSON_STRATA);

    /**
     * The cohort of a population by rule (same columns as {@link #COHORT}). Target: persons of the rule's
     * municipalities with a contact whose action diagnosis starts with one of its codes within its date range, aged
     * within its range at the first such contact's date (the index date). Comparison, by the rule's choice:
     * <ul>
     * <li>EVERYONE_ELSE: every other person of the municipalities with no qualifying contact in the range, within
     * the ages and alive at the reference date, which is their index date: the target group's median index date
     * (the lower middle one for an even count, ties by person id);</li>
     * <li>MATCHED: exact matching on birth-year band (5 years), sex and a stratum. Within each cell the targets and
     * the candidates (persons of the municipalities without a qualifying contact) are numbered by person id; target
     * number t gets candidates (t − 1)·k + 1 to t·k and its index date. Deterministic, without replacement;
     * candidates who died before their target's index date are dropped, so a target may get fewer than k.</li>
     * </ul>
     */
    public static String cohortByRule(CohortRule rule) {
        String diagnoses = String.join(" OR ", rule.diagnosisPrefixes().stream()
                .map(code -> "h.action_diagnosis LIKE '" + code + "%'").toList());
        String municipalities = rule.municipalities().isEmpty() ? "1 = 1"
                : "p.municipality_code IN (" + String.join(", ", rule.municipalities().stream()
                        .map(code -> "'" + code + "'").toList()) + ")";
        int ageMin = rule.ageMin();
        int ageLimit = rule.ageMax() + 1;
        String from = "CAST('" + rule.from() + "' AS DATE)";
        String to = "CAST('" + rule.to() + "' AS DATE)";
        String comparison;
        if (!rule.matched()) {
            comparison = """
                    reference AS (
                        SELECT index_date FROM (
                            SELECT index_date, row_number() OVER (ORDER BY index_date ASC NULLS LAST,
                                       person_id ASC NULLS LAST) AS r,
                                   count(*) OVER () AS n
                            FROM target) t
                        WHERE r * 2 - 1 = n OR r * 2 = n),
                    comparison AS (
                        SELECT e.person_id, x.index_date
                        FROM eligible e
                        CROSS JOIN reference x
                        LEFT JOIN qualifying q ON q.person_id = e.person_id
                        WHERE q.person_id IS NULL
                          AND {{add_years(e.birth_date; %d)}} <= x.index_date
                          AND {{add_years(e.birth_date; %d)}} > x.index_date
                          AND (e.death_date IS NULL OR e.death_date >= x.index_date))""".formatted(ageMin, ageLimit);
        } else {
            String stratum = "e." + rule.stratumColumn();
            comparison = """
                    targets AS (
                        SELECT t.person_id, t.index_date, e.sex, year(e.birth_date) - year(e.birth_date) %% 5 AS band,
                               %s AS stratum,
                               row_number() OVER (PARTITION BY e.sex, year(e.birth_date) - year(e.birth_date) %% 5, %s
                                   ORDER BY t.person_id ASC NULLS LAST) AS slot
                        FROM target t
                        JOIN eligible e ON e.person_id = t.person_id),
                    candidates AS (
                        SELECT e.person_id, e.death_date, e.sex, year(e.birth_date) - year(e.birth_date) %% 5 AS band,
                               %s AS stratum,
                               row_number() OVER (PARTITION BY e.sex, year(e.birth_date) - year(e.birth_date) %% 5, %s
                                   ORDER BY e.person_id ASC NULLS LAST) AS r
                        FROM eligible e
                        LEFT JOIN qualifying q ON q.person_id = e.person_id
                        WHERE q.person_id IS NULL),
                    comparison AS (
                        SELECT c.person_id, t.index_date
                        FROM candidates c
                        JOIN targets t ON t.sex = c.sex AND t.band = c.band AND t.stratum = c.stratum
                             AND c.r > (t.slot - 1) * %d AND c.r <= t.slot * %d
                        WHERE c.death_date IS NULL OR c.death_date >= t.index_date)"""
                    .formatted(stratum, stratum, stratum, stratum, rule.matchesPerTarget(), rule.matchesPerTarget());
        }
        return """
                CREATE OR REPLACE TABLE ${run}_cohort AS
                WITH qualifying AS (
                    SELECT h.person_id, CAST(min(h.start_ts) AS DATE) AS index_date
                    FROM hospital_contact h
                    WHERE h.start_ts >= CAST(%s AS TIMESTAMP)
                      AND h.start_ts < CAST({{add_days(%s; 1)}} AS TIMESTAMP)
                      AND (%s)
                    GROUP BY h.person_id),
                eligible AS (
                    SELECT p.person_id, p.birth_date, p.sex, p.education, p.income_group, p.living_alone, d.death_date
                    FROM person p
                    LEFT JOIN death d ON d.person_id = p.person_id
                    WHERE %s),
                target AS (
                    SELECT e.person_id, q.index_date
                    FROM eligible e
                    JOIN qualifying q ON q.person_id = e.person_id
                    WHERE {{add_years(e.birth_date; %d)}} <= q.index_date
                      AND {{add_years(e.birth_date; %d)}} > q.index_date),
                %s,
                cohort AS (
                    SELECT person_id, 'TARGET' AS cohort_group, index_date FROM target
                    UNION ALL
                    SELECT person_id, 'COMPARISON' AS cohort_group, index_date FROM comparison)
                SELECT c.person_id, c.cohort_group, 'NONE' AS subgroup, c.index_date,
                       p.birth_date, %s, d.death_date
                FROM cohort c
                JOIN person p ON p.person_id = c.person_id
                LEFT JOIN death d ON d.person_id = c.person_id""".formatted(from, to, diagnoses, municipalities, ageMin,
                ageLimit, comparison, PERSON_STRATA);
    }

    /** Cancer or DZ763 among the diagnoses of a contact ({@code dx}: its diagnoses with a space each side). */
    private static final String CANCER = "(dx LIKE '% DC%' OR dx LIKE '% DD0%' OR dx LIKE '% DZ763%')";

    /**
     * The order of a person's contacts in which stays are formed, which is also the order that picks a stay's first
     * contact: start, then an acute one (ATA1), then the one ending last, then the lowest action diagnosis code.
     * Contacts equal in all four may come in either order: they belong to the same stay and give the same first
     * priority and diagnosis.
     */
    public static final String STAY_ORDER = "start_ts ASC NULLS LAST, CASE WHEN priority = 'ATA1' THEN 0 ELSE 1 END ASC, "
            + "end_ts DESC NULLS LAST, action_diagnosis ASC NULLS LAST";

    /**
     * Sygehusophold: physical contacts (ALCA00) of the cohort merged while they overlap or lie at most 4 hours apart;
     * an open contact lasts until the data's cut-off. Per stay: first contact's priority and action diagnosis, the
     * action diagnosis of the contact that ends last, cancer anywhere, hospice anywhere. Ties never decide by contact
     * id: the first contact is, of those starting first, an acute one, then the one ending last, then the lowest
     * diagnosis code; the last contact is, of those ending last, the one starting last, then the lowest code
     * (docs/indicator-sql.md). The two windows that form the stays sort the contacts in the first contact's order
     * ({@link #STAY_ORDER}; which stay a contact joins does not depend on how same-minute contacts are ordered), so the
     * first contact is the row that starts the stay; the last contact is the value at the least tuple of keys
     * ({@code min_by}). Both are aggregates in the grouping, not window sorts of their own (bench/README.md, "Engine
     * profile").
     */
    public static final String STAYS = """
            CREATE OR REPLACE TABLE ${run}_stay AS
            WITH c AS (
                SELECT h.person_id, h.contact_id, h.start_ts, coalesce(h.end_ts, v.cutoff_ts) AS end_ts, h.priority,
                       h.action_diagnosis, h.hospice,
                       ' ' || h.action_diagnosis || ' ' || coalesce(h.secondary_diagnoses, '') || ' ' AS dx
                FROM hospital_contact h
                JOIN (SELECT DISTINCT person_id FROM ${run}_cohort) k ON k.person_id = h.person_id
                CROSS JOIN data_version v
                WHERE h.contact_type = 'ALCA00'),
            o AS (
                SELECT c.*, max(end_ts) OVER (PARTITION BY person_id ORDER BY %2$s
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
                FROM c),
            f AS (
                SELECT o.*, CASE WHEN previous_end IS NULL OR start_ts > {{add_hours(previous_end; 4)}} THEN 1 ELSE 0
                       END AS new_stay
                FROM o),
            s AS (
                SELECT f.*, sum(new_stay) OVER (PARTITION BY person_id ORDER BY %2$s
                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS stay_no
                FROM f),
            r AS (
                SELECT s.*, {{epoch_ms(start_ts)}} AS start_ms, {{epoch_ms(end_ts)}} AS end_ms
                FROM s)
            SELECT person_id, stay_no, min(start_ts) AS start_ts, max(end_ts) AS end_ts,
                   max(CASE WHEN new_stay = 1 THEN priority END) AS first_priority,
                   max(CASE WHEN new_stay = 1 THEN action_diagnosis END) AS first_diagnosis,
                   {{min_by(action_diagnosis; -end_ms; -start_ms; action_diagnosis)}} AS last_diagnosis,
                   max(CASE WHEN %1$s THEN 1 ELSE 0 END) AS any_cancer,
                   max(CASE WHEN hospice THEN 1 ELSE 0 END) AS hospice
            FROM r
            GROUP BY person_id, stay_no""".formatted(CANCER, STAY_ORDER);

    /**
     * Indlæggelser: stays of 12 hours or more. Bed days by Statistics Denmark's convention: discharge date minus
     * admission date, a same-day admission counting 1. Acute when the first contact is acute (ATA1); preventable
     * when acute and its first action diagnosis is on the (provisional) list.
     */
    public static final String ADMISSIONS = """
            CREATE OR REPLACE TABLE ${run}_admission AS
            SELECT s.person_id, s.stay_no, s.start_ts, s.end_ts, s.first_diagnosis, s.last_diagnosis, s.any_cancer,
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
    public static final String INDEX_ADMISSIONS = """
            CREATE OR REPLACE TABLE ${run}_index AS
            SELECT a.person_id, a.stay_no, a.start_ts,
                   max(CASE WHEN b.person_id IS NULL THEN 0 ELSE 1 END) AS readmitted
            FROM ${run}_admission a
            JOIN ${run}_cohort k ON k.person_id = a.person_id
            LEFT JOIN ${run}_admission b ON b.person_id = a.person_id AND b.stay_no > a.stay_no
                 AND b.start_ts >= a.end_ts AND b.start_ts <= {{add_hours(a.end_ts; 720)}}
                 AND b.acute = 1 AND b.any_cancer = 0 AND NOT %s
            WHERE a.last_diagnosis NOT LIKE 'DF%%' AND a.any_cancer = 0 AND a.hospice = 0
              AND (k.death_date IS NULL OR k.death_date > CAST(a.end_ts AS DATE))
            GROUP BY a.person_id, a.stay_no, a.start_ts""".formatted(EXCLUDED_READMISSION);

    /** Multimorbidity: distinct chronic conditions among action diagnoses of contacts before the index date. */
    public static final String MULTIMORBIDITY = """
            CREATE OR REPLACE TABLE ${run}_multimorbidity AS
            SELECT k.person_id, count(DISTINCT cc.condition) AS conditions
            FROM ${run}_cohort k
            JOIN hospital_contact h ON h.person_id = k.person_id AND h.start_ts < CAST(k.index_date AS TIMESTAMP)
            JOIN code_chronic cc ON cc.prefix = substr(h.action_diagnosis, 1, 4)
            GROUP BY k.person_id""";

    /**
     * The per-person intermediate table, kept after the run: one row per person and period (the window before the
     * index date and the window from it), with the strata and every indicator's value. Events count in the period
     * their start (an admission: its first contact's start) falls in.
     */
    public static final String PERSON_PERIODS = personPeriods(Indicator.catalogue());

    /**
     * The per-person table for a catalogue. A PRO/experience indicator's value is the person's latest registration
     * of its measure in the period (the highest score of that day on a tie), in hundredths; NULL when the person
     * answered nothing in the period.
     */
    public static String personPeriods(List<Indicator> indicators) {
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
                SELECT p.person_id, p.period,
                       count(CASE WHEN h.priority = 'ATA1' AND h.contact_type = 'ALCA00' THEN 1 END) AS acute_contacts,
                       sum(h.drg_value_ore) AS drg_value,
                       sum(CASE WHEN h.priority = 'ATA1' AND h.contact_type = 'ALCA00' THEN h.drg_value_ore ELSE 0 END)
                           AS drg_value_acute
                FROM periods p
                JOIN hospital_contact h ON h.person_id = p.person_id
                     AND h.start_ts >= CAST(p.from_date AS TIMESTAMP) AND h.start_ts < CAST(p.to_date AS TIMESTAMP)
                GROUP BY p.person_id, p.period),
            admissions AS (
                SELECT p.person_id, p.period, sum(a.acute) AS acute_admissions,
                       sum(CASE WHEN a.acute = 1 THEN a.bed_days ELSE 0 END) AS acute_bed_days,
                       sum(CASE WHEN a.preventable = 1
                                 AND a.start_ts >= CAST({{add_years(p.birth_date; 65)}} AS TIMESTAMP) THEN 1 ELSE 0
                           END) AS preventable
                FROM periods p
                JOIN ${run}_admission a ON a.person_id = p.person_id
                     AND a.start_ts >= CAST(p.from_date AS TIMESTAMP) AND a.start_ts < CAST(p.to_date AS TIMESTAMP)
                GROUP BY p.person_id, p.period),
            readmissions AS (
                SELECT p.person_id, p.period, count(*) AS index_admissions, sum(x.readmitted) AS readmissions
                FROM periods p
                JOIN ${run}_index x ON x.person_id = p.person_id
                     AND x.start_ts >= CAST(p.from_date AS TIMESTAMP) AND x.start_ts < CAST(p.to_date AS TIMESTAMP)
                GROUP BY p.person_id, p.period),
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
            LEFT JOIN ${run}_multimorbidity mm ON mm.person_id = p.person_id
            LEFT JOIN contacts c ON c.person_id = p.person_id AND c.period = p.period
            LEFT JOIN admissions a ON a.person_id = p.person_id AND a.period = p.period
            LEFT JOIN readmissions r ON r.person_id = p.person_id AND r.period = p.period
            LEFT JOIN gp g ON g.person_id = p.person_id AND g.period = p.period
            LEFT JOIN municipal m ON m.person_id = p.person_id AND m.period = p.period
            LEFT JOIN pro pr ON pr.person_id = p.person_id AND pr.period = p.period""".formatted(scores, scoreColumns);
    }

    /** The tariff years of the DRG values a run priced (more than one: the run says so). */
    public static final String TARIFF_YEARS = """
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
    public static String aggregates(List<Indicator> indicators) {
        String measures = "aged_65, index_admissions, " + String.join(", ",
                indicators.stream().map(Indicator::column).toList());
        var list = new StringBuilder();
        var value = new StringBuilder("CASE s.stratum");
        for (String stratum : STRATA) {
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

    private IndicatorSql() {}
}
