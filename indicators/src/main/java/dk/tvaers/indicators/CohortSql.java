package dk.tvaers.indicators;

/**
 * The cohort step of a run ({@link IndicatorSql}): the imported inclusions of an initiative, or a population by rule,
 * with each person's strata and whole-number key.
 */
final class CohortSql {

    /**
     * A person's sex and social position as strata: a value the data do not hold (OMOP CDM input has no education,
     * income or living alone, ADR 0046) is UNKNOWN, never counted as one of the others.
     */
    private static final String PERSON_STRATA = """
            coalesce(p.sex, 'UNKNOWN') AS sex, coalesce(p.education, 'UNKNOWN') AS education,
                   coalesce(p.income_group, 'UNKNOWN') AS income_group,
                   CASE WHEN p.living_alone THEN 'ALONE' WHEN NOT p.living_alone THEN 'NOT_ALONE' ELSE 'UNKNOWN' END
                       AS living_alone""";

    /**
     * A whole-number key of the cohort's persons ({@code pk}), one per person id, in the order of the ids: the run's
     * later steps join, sort and group by it instead of the text id (bench/README.md, "Engine profile").
     */
    private static String personKey(String alias) {
        return "dense_rank() OVER (ORDER BY " + alias + ".person_id ASC NULLS LAST)";
    }

    static final String COHORT = """
            CREATE OR REPLACE TABLE ${run}_cohort AS
            SELECT i.person_id, %s AS pk, i.cohort_group, coalesce(i.subgroup, 'NONE') AS subgroup,
                   i.index_date, p.birth_date, %s, d.death_date
            FROM inclusion i
            JOIN person p ON p.person_id = i.person_id
            LEFT JOIN death d ON d.person_id = i.person_id
            WHERE i.initiative_id = ${initiative}""".formatted(personKey("i"), PERSON_STRATA);

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
    static String cohortByRule(CohortRule rule) {
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
                SELECT c.person_id, %s AS pk, c.cohort_group, 'NONE' AS subgroup, c.index_date,
                       p.birth_date, %s, d.death_date
                FROM cohort c
                JOIN person p ON p.person_id = c.person_id
                LEFT JOIN death d ON d.person_id = c.person_id""".formatted(from, to, diagnoses, municipalities, ageMin,
                ageLimit, comparison, personKey("c"), PERSON_STRATA);
    }

    private CohortSql() {}
}
