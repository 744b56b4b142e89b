package dk.tvaers.indicators;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few places where DuckDB and Apache Spark SQL spell the same thing differently. The indicator SQL
 * ({@link IndicatorSql}) is written in their common subset and uses {@code {{name(args)}}} for these; each dialect
 * renders them. Both run: DuckDB in the app, Spark in the {@code spark-job} module, whose tests compare every cell
 * with DuckDB's (docs/indicator-sql.md).
 */
public enum Dialect {
    DUCKDB,
    SPARK,
    /** Only for the benchmark's baseline: the same definitions on PostgreSQL 17. */
    POSTGRES;

    /** Added to milliseconds since 1970 so that timestamps from about the year 1200 on are positive. */
    private static final long MS_OFFSET = 100_000_000_000_000L;
    /** {@code MS_TOP - ms} is the inverted (descending) key: 15 digits up to about the year 3900. */
    private static final long MS_TOP = 999_999_999_999_999L - MS_OFFSET;

    private static final Pattern MACRO = Pattern.compile("\\{\\{(\\w+)\\(([^{}]*)\\)}}");

    /** Renders the macros of the SQL for this dialect (after the run's ${...} parameters are filled in). */
    public String render(String sql) {
        Matcher m = MACRO.matcher(sql);
        var out = new StringBuilder();
        while (m.find()) {
            String[] args = m.group(2).split(";");
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i].strip();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(macro(m.group(1), args)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String macro(String name, String[] a) {
        if (this == POSTGRES) {
            return switch (name) {
                case "days_between" -> "(CAST(" + a[1] + " AS DATE) - CAST(" + a[0] + " AS DATE))";
                case "add_days" -> "CAST(" + a[0] + " + make_interval(days => " + a[1] + ") AS DATE)";
                case "add_hours" -> "(" + a[0] + " + make_interval(hours => " + a[1] + "))";
                case "add_years" -> "CAST(" + a[0] + " + make_interval(years => " + a[1] + ") AS DATE)";
                case "median" -> "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + a[0] + ")";
                case "sort_ms" -> "lpad(CAST(CAST(extract(epoch FROM " + a[0] + ") * 1000 AS BIGINT) + " + MS_OFFSET
                        + " AS TEXT), 15, '0')";
                case "sort_ms_desc" -> "lpad(CAST(" + MS_TOP + " - CAST(extract(epoch FROM " + a[0]
                        + ") * 1000 AS BIGINT) AS TEXT), 15, '0')";
                case "min_text" -> "min(" + a[0] + " COLLATE \"C\")";
                case "epoch_ms" -> "CAST(extract(epoch FROM " + a[0] + ") * 1000 AS BIGINT)";
                // the keys are numbers and upper-case codes (letters and digits), which every collation orders
                // as their bytes
                case "min_by" -> "(array_agg(" + a[0] + " ORDER BY " + keys(a, ", ") + "))[1]";
                case "quantile" -> "percentile_cont(" + a[1] + ") WITHIN GROUP (ORDER BY " + a[0] + ")";
                case "unit_hash" -> "(CAST(CAST(('x' || substr(md5(CAST(" + a[0] + " AS TEXT) || ':' || CAST(" + a[1]
                        + " AS TEXT) || ':' || CAST(" + a[2] + " AS TEXT)), 1, 8)) AS BIT(32)) AS BIGINT) & 4294967295)"
                        + " / 4294967296.0";
                default -> throw new IllegalArgumentException("unknown macro " + name);
            };
        }
        return switch (name) {
            // whole days from date a to date b
            case "days_between" -> this == DUCKDB ? "date_diff('day', " + a[0] + ", " + a[1] + ")"
                    : "datediff(" + a[1] + ", " + a[0] + ")";
            case "add_days" -> this == DUCKDB ? "CAST(" + a[0] + " + INTERVAL (" + a[1] + ") DAY AS DATE)"
                    : "date_add(" + a[0] + ", " + a[1] + ")";
            case "add_hours" -> this == DUCKDB ? "(" + a[0] + " + INTERVAL (" + a[1] + ") HOUR)"
                    : "(" + a[0] + " + make_interval(0, 0, 0, 0, " + a[1] + ", 0, 0))";
            case "add_years" -> this == DUCKDB ? "CAST(" + a[0] + " + INTERVAL (" + a[1] + ") YEAR AS DATE)"
                    : "add_months(" + a[0] + ", 12 * " + a[1] + ")";
            // a timestamp as 15 digits that sort as it does (milliseconds since 1970, offset to be positive from
            // about the year 1200), and the same inverted (sorts as the timestamp descending): parts of text keys
            // (Spark's timestamps here are TIMESTAMP_NTZ: counted from 1970 without a time zone)
            case "sort_ms" -> "lpad(CAST(" + millis(a[0]) + " + " + MS_OFFSET + " AS "
                    + (this == DUCKDB ? "VARCHAR" : "STRING") + "), 15, '0')";
            case "sort_ms_desc" -> "lpad(CAST(" + MS_TOP + " - " + millis(a[0]) + " AS "
                    + (this == DUCKDB ? "VARCHAR" : "STRING") + "), 15, '0')";
            // milliseconds since 1970-01-01 00:00 of a timestamp without time zone, as a BIGINT
            case "epoch_ms" -> millis(a[0]);
            // x of the row whose keys (a[1], a[2], …) are least, compared in turn as a tuple (both compare text
            // bytewise): one aggregate in a grouping instead of a row_number() window sort; keys must not be NULL
            case "min_by" -> this == DUCKDB ? "arg_min(" + a[0] + ", row(" + keys(a, ", ") + "))"
                    : "min_by(" + a[0] + ", struct(" + keys(a, ", ") + "))";
            // the least text by its bytes (both compare strings bytewise)
            case "min_text" -> "min(" + a[0] + ")";
            // the interpolating median (exact): DuckDB quantile_cont, Spark percentile (not percentile_approx)
            case "median" -> this == DUCKDB ? "quantile_cont(" + a[0] + ", 0.5)" : "percentile(" + a[0] + ", 0.5)";
            // a quantile of a group, interpolating (the effect's bootstrap interval)
            case "quantile" -> this == DUCKDB ? "quantile_cont(" + a[0] + ", " + a[1] + ")"
                    : "percentile(" + a[0] + ", " + a[1] + ")";
            // a number in [0, 1) from a hash of three values (the bootstrap's weights): deterministic, but each
            // engine hashes its own way, so the replicates (not the estimate) differ between engines
            case "unit_hash" -> this == DUCKDB
                    ? "(CAST(hash(" + a[0] + ", " + a[1] + ", " + a[2] + ") >> 11 AS DOUBLE) / 9007199254740992.0)"
                    : "((CAST(hash(" + a[0] + ", " + a[1] + ", " + a[2] + ") AS BIGINT) + 2147483648) / 4294967296.0)";
            default -> throw new IllegalArgumentException("unknown macro " + name);
        };
    }

    /** The arguments after the first, joined. */
    private static String keys(String[] a, String separator) {
        return String.join(separator, java.util.Arrays.copyOfRange(a, 1, a.length));
    }

    /** Milliseconds since 1970-01-01 00:00 of a timestamp without time zone (DuckDB and Spark). */
    private String millis(String t) {
        return this == DUCKDB ? "epoch_ms(" + t + ")"
                : "timestampdiff(MILLISECOND, TIMESTAMP_NTZ '1970-01-01 00:00:00', " + t + ")";
    }
}
