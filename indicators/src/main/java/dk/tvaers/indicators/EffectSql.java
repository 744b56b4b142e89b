package dk.tvaers.indicators;

import java.util.List;

/**
 * The effect of an initiative per indicator, computed over a run's per-person table ({@code ${run}_person}) so that
 * person rows never leave the analytic store (docs/indicator-sql.md, "The effect").
 *
 * <p>The estimate is the difference-in-differences of means: (target after − target before) − (comparison after −
 * comparison before), each mean as the aggregates define it (per person; per index admission for a ratio; among
 * those who answered for a score; among persons 65+ for a 65+ indicator). For an indicator that means something only
 * after the index date (mortality) it is the difference of the means after: target − comparison.
 *
 * <p>With a matched comparison group the estimate is the matched one: the same difference within each matching
 * cell (sex, 5-year birth band and the matching stratum), weighted by the target group's persons in the cell; cells
 * without both groups in both periods drop out.
 *
 * <p>The 95 % confidence interval is a person-level Poisson bootstrap: replicate b gives each person the weight
 * w ~ Poisson(1), drawn by inverting the Poisson CDF at a uniform number taken from a hash of (person id, b, seed),
 * the same weight for the person's rows before and after (the person is the unit resampled); the interval is the
 * 2.5 % and 97.5 % quantiles of the replicates' estimates (percentile interval). Replicate 0 has weight 1 for
 * everyone: the estimate itself. Deterministic for a seed, which the run records.
 */
public final class EffectSql {

    /** Bootstrap replicates per run. */
    public static final int REPLICATES = 400;

    /** The method a stored effect names (docs/indicator-sql.md). */
    public static final String METHOD = "POISSON_BOOTSTRAP_PERCENTILE";

    /** Difference-in-differences of means; DIFFERENCE_AFTER: target − comparison after the index date only. */
    public enum Kind { DID, DIFFERENCE_AFTER }

    public static Kind kind(Indicator indicator) {
        return indicator.afterOnly() ? Kind.DIFFERENCE_AFTER : Kind.DID;
    }

    /** Poisson(1) cumulative probabilities P(X ≤ k), k = 0..8: the weight is the first k whose value exceeds u. */
    private static final double[] POISSON_CDF = {0.36787944117, 0.73575888234, 0.91969860293, 0.98101184312,
        0.99634015317, 0.99940581518, 0.99991675885, 0.99998975080, 0.99999887479};

    /**
     * One row: for every indicator x, {@code estimate_x}, {@code lower_x}, {@code upper_x} (null when the estimate
     * cannot be computed, e.g. nobody answered a score), over {@code replicates} bootstrap replicates with {@code seed}.
     *
     * @param matchStratum the column of the matching stratum ({@code education}, {@code income_group},
     *     {@code living_alone}) for a matched comparison group, or null; then the run's {@code ${run}_cohort} must
     *     still exist (it holds the birth dates)
     */
    public static String effects(List<Indicator> indicators, int replicates, long seed, String matchStratum) {
        String cell = matchStratum == null ? "'ALL'"
                : "k.sex || '|' || CAST(year(k.birth_date) - year(k.birth_date) % 5 AS VARCHAR) || '|' || "
                        + "coalesce(CAST(k." + matchStratum + " AS VARCHAR), '')";
        String join = matchStratum == null ? "" : "\n    JOIN ${run}_cohort k ON k.person_id = p.person_id";
        var replicateRows = new StringBuilder();
        for (int b = 0; b <= replicates; b++) {
            replicateRows.append(b == 0 ? "" : ", ").append("(").append(b).append(")");
        }
        var poisson = new StringBuilder("CASE");
        for (int k = 0; k < POISSON_CDF.length; k++) {
            poisson.append(" WHEN u < ").append(POISSON_CDF[k]).append(" THEN ").append(k);
        }
        poisson.append(" ELSE ").append(POISSON_CDF.length).append(" END");

        var sums = new StringBuilder();
        var diffs = new StringBuilder();
        var estimates = new StringBuilder();
        var result = new StringBuilder();
        String[][] cells = {{"ta", "TARGET", "AFTER"}, {"tb", "TARGET", "BEFORE"}, {"ca", "COMPARISON", "AFTER"},
            {"cb", "COMPARISON", "BEFORE"}};
        for (Indicator indicator : indicators) {
            String x = indicator.column();
            String included = indicator.population() == Indicator.Population.AGE_65 ? "aged_65 = 1" : "1 = 1";
            String denominator = switch (indicator.statistic()) {
                case RATIO -> "index_admissions";
                case SCORE -> "CASE WHEN " + x + " IS NOT NULL THEN 1 ELSE 0 END";
                default -> "1";
            };
            for (String[] c : cells) {
                String where = "cohort_group = '" + c[1] + "' AND period = '" + c[2] + "' AND " + included;
                sums.append(",\n           sum(CASE WHEN ").append(where).append(" THEN w * CAST(").append(x)
                        .append(" AS DOUBLE) END) AS ").append(c[0]).append("_num_").append(x)
                        .append(",\n           sum(CASE WHEN ").append(where).append(" THEN w * ").append(denominator)
                        .append(" END) AS ").append(c[0]).append("_den_").append(x);
            }
            String ta = mean("ta", x);
            String tb = mean("tb", x);
            String ca = mean("ca", x);
            String cb = mean("cb", x);
            String d = kind(indicator) == Kind.DID ? "(" + ta + " - " + tb + ") - (" + ca + " - " + cb + ")"
                    : ta + " - " + ca;
            // the cell's weight: the target group's persons (answers, index admissions) in it after the index date
            diffs.append(",\n           ").append(d).append(" AS d_").append(x)
                    .append(",\n           ta_den_").append(x).append(" AS cw_").append(x);
            estimates.append(",\n           sum(CASE WHEN d_").append(x).append(" IS NOT NULL THEN cw_").append(x)
                    .append(" * d_").append(x).append(" END) / nullif(sum(CASE WHEN d_").append(x)
                    .append(" IS NOT NULL THEN cw_").append(x).append(" END), 0) AS e_").append(x);
            result.append(result.isEmpty() ? "" : ",\n       ")
                    .append("max(CASE WHEN b = 0 THEN e_").append(x).append(" END) AS estimate_").append(x)
                    .append(",\n       {{quantile(CASE WHEN b > 0 THEN e_").append(x).append(" END; 0.025)}} AS lower_")
                    .append(x)
                    .append(",\n       {{quantile(CASE WHEN b > 0 THEN e_").append(x).append(" END; 0.975)}} AS upper_")
                    .append(x);
        }
        return """
                WITH persons AS (
                    SELECT p.*, %s AS cell
                    FROM ${run}_person p%s),
                replicates AS (
                    SELECT b FROM (VALUES %s) AS r(b)),
                drawn AS (
                    SELECT p.*, r.b, {{unit_hash(p.person_id; r.b; %d)}} AS u
                    FROM persons p
                    CROSS JOIN replicates r),
                weighted AS (
                    SELECT drawn.*, CASE WHEN b = 0 THEN 1 ELSE %s END AS w
                    FROM drawn),
                cells AS (
                    SELECT b, cell%s
                    FROM weighted
                    GROUP BY b, cell),
                differences AS (
                    SELECT b, cell%s
                    FROM cells),
                estimates AS (
                    SELECT b%s
                    FROM differences
                    GROUP BY b)
                SELECT %s
                FROM estimates""".formatted(cell, join, replicateRows, seed, poisson, sums, diffs, estimates, result);
    }

    private static String mean(String cell, String x) {
        return "(" + cell + "_num_" + x + " / nullif(" + cell + "_den_" + x + ", 0))";
    }

    private EffectSql() {}
}
