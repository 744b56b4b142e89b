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

    /** The cohort: the initiative's imported inclusions, with each person's strata and key ({@link CohortSql}). */
    public static final String COHORT = CohortSql.COHORT;

    /** The cohort of a population by rule, same columns as {@link #COHORT} ({@link CohortSql#cohortByRule}). */
    public static String cohortByRule(CohortRule rule) {
        return CohortSql.cohortByRule(rule);
    }

    /** The order of a person's contacts in which stays are formed ({@link StaySql#STAY_ORDER}). */
    public static final String STAY_ORDER = StaySql.STAY_ORDER;

    /** Sygehusophold from the cohort's physical contacts ({@link StaySql#STAYS}). */
    public static final String STAYS = StaySql.STAYS;

    /** Indlæggelser: stays of 12 hours or more ({@link StaySql#ADMISSIONS}). */
    public static final String ADMISSIONS = StaySql.ADMISSIONS;

    /** Index admissions and their acute readmissions ({@link StaySql#INDEX_ADMISSIONS}). */
    public static final String INDEX_ADMISSIONS = StaySql.INDEX_ADMISSIONS;

    /** Distinct chronic conditions before the index date ({@link StaySql#MULTIMORBIDITY}). */
    public static final String MULTIMORBIDITY = StaySql.MULTIMORBIDITY;

    /** The per-person table of the catalogue, kept after the run ({@link PersonSql#PERSON_PERIODS}). */
    public static final String PERSON_PERIODS = PersonSql.PERSON_PERIODS;

    /** The per-person table for a catalogue ({@link PersonSql#personPeriods}). */
    public static String personPeriods(List<Indicator> indicators) {
        return PersonSql.personPeriods(indicators);
    }

    /** The tariff years of the DRG values a run priced ({@link PersonSql#TARIFF_YEARS}). */
    public static final String TARIFF_YEARS = PersonSql.TARIFF_YEARS;

    /** Every indicator's aggregates per group, period and stratum ({@link PersonSql#aggregates}). */
    public static String aggregates(List<Indicator> indicators) {
        return PersonSql.aggregates(indicators);
    }

    /** The same for some of {@link #STRATA} only, in their order ({@link PersonSql#aggregates(List, List)}). */
    public static String aggregates(List<Indicator> indicators, List<String> strata) {
        return PersonSql.aggregates(indicators, strata);
    }

    private IndicatorSql() {}
}
