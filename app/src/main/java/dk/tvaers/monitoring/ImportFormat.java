package dk.tvaers.monitoring;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Import format v1.1 (docs/import-format-v1.md): seven CSV files, UTF-8, comma-separated, a header line with exactly
 * the column names, no quoting (no value holds a comma); since v1.1 each may be a Parquet file with the same columns
 * instead, which {@link Imports} turns into the same CSV text and checks row by row. This class knows the files and checks every row; the
 * DuckDB types the loader uses are here beside the columns so that both stay one definition.
 */
public final class ImportFormat {

    public static final String VERSION = "1.1";

    /**
     * One column: its name, DuckDB type, whether it may be empty, and its check twice: in Java ({@link RowChecker},
     * which names the line) and as a DuckDB condition on the text value ({@code %1$s}; {@link ImportChecks}, which
     * checks a whole file in one statement). {@code ImportCheckParityTests} keeps the two the same.
     */
    record Column(String name, String type, boolean optional, Check check, String sql) {}

    @FunctionalInterface
    interface Check {
        /** The reason the value is wrong (a message key suffix), or null. */
        String problem(String value);
    }

    /** One file of the format: its name, table, whether it must be present, and its columns. */
    public record FileSpec(String fileName, String table, boolean required, List<Column> columns0) {

        /** The same file as Parquet (format 1.1): {@code persons.parquet} for {@code persons.csv}. */
        public String parquetName() {
            return fileName.substring(0, fileName.length() - ".csv".length()) + ".parquet";
        }

        public List<String> columns() {
            return columns0.stream().map(Column::name).toList();
        }

        /** "name TYPE" of every column, for creating the table in SQL. */
        public List<String> columns0Description() {
            return columns0.stream().map(c -> c.name() + " " + c.type()).toList();
        }
    }

    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern SKS = Pattern.compile("D[A-Z][0-9]{2}[0-9A-Z]{0,4}");
    private static final Pattern MUNICIPALITY = Pattern.compile("[0-9]{3}");
    /** Strict: 2024-02-30 is refused (a lenient formatter would read it as 29 February; the loader refuses it). */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIMESTAMP_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}");

    static final Check ID = v -> PERSON_ID.matcher(v).matches() ? null : "id";
    private static final String ID_SQL = "regexp_full_match(%1$s, '[A-Za-z0-9_-]{1,40}')";
    private static final String DATE_SQL = "(regexp_full_match(%1$s, '[0-9]{4}-[0-9]{2}-[0-9]{2}') "
            + "AND try_cast(%1$s AS DATE) IS NOT NULL)";
    /** DuckDB reads hour 24 as the next day; the format (and Java's strict reading) does not. */
    private static final String TIME_SQL = "(regexp_full_match(%1$s, '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}') "
            + "AND substr(%1$s, 12, 2) < '24' AND try_cast(%1$s AS TIMESTAMP) IS NOT NULL)";
    private static final String WHOLE_SQL = "regexp_full_match(%1$s, '[0-9]{1,15}')";
    private static final String DECIMAL_SQL = "regexp_full_match(%1$s, '[0-9]{1,8}([.][0-9]{1,2})?')";
    private static final String BOOL_SQL = "%1$s IN ('true', 'false')";
    private static final String SKS_SQL = "D[A-Z][0-9]{2}[0-9A-Z]{0,4}";
    static final Check DATE = v -> {
        try {
            if (!DATE_SHAPE.matcher(v).matches()) {
                return "date";
            }
            LocalDate.parse(v); // ISO: strict, no 30 February
            return null;
        } catch (DateTimeParseException e) {
            return "date";
        }
    };
    static final Check TIME = v -> {
        try {
            if (!TIMESTAMP_SHAPE.matcher(v).matches()) {
                return "timestamp";
            }
            LocalDateTime.parse(v, TIMESTAMP);
            return null;
        } catch (DateTimeParseException e) {
            return "timestamp";
        }
    };
    static final Check WHOLE = v -> v.matches("[0-9]{1,15}") ? null : "wholeNumber";
    /** At most 8 digits before the point and 2 after it, ≥ 0, plain digits (no sign, exponent or lone point). */
    static final Check DECIMAL = v -> v.matches("[0-9]{1,8}([.][0-9]{1,2})?") ? null : "quantity";
    static final Check BOOL = oneOf("true", "false");
    /** A tariff year: 2000–2099, four digits. */
    static final Check YEAR = v -> v.matches("20[0-9]{2}") ? null : "year";
    static final Check DIAGNOSIS = v -> SKS.matcher(v).matches() ? null : "diagnosis";
    /** SKS codes separated by one space each (no space before the first or after the last). */
    static final Check DIAGNOSES = v -> v.matches(SKS.pattern() + "( " + SKS.pattern() + ")*") ? null : "diagnosis";

    static Check oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return v -> allowed.contains(v) ? null : "oneOf";
    }

    private static Column col(String name, String type, Check check, String sql) {
        return new Column(name, type, false, check, sql);
    }

    private static Column optional(String name, String type, Check check, String sql) {
        return new Column(name, type, true, check, sql);
    }

    private static String oneOfSql(String... values) {
        return "%1$s IN ('" + String.join("', '", values) + "')";
    }

    private static String regexSql(String regex) {
        return "regexp_full_match(%1$s, '" + regex + "')";
    }

    public static final FileSpec PERSONS = new FileSpec("persons.csv", "person", true, List.of(
            col("person_id", "VARCHAR", ID, ID_SQL), col("birth_date", "DATE", DATE, DATE_SQL), col("sex", "VARCHAR", oneOf("F", "M"), oneOfSql("F", "M")),
            col("municipality_code", "VARCHAR", v -> MUNICIPALITY.matcher(v).matches() ? null : "municipality",
                    regexSql("[0-9]{3}")),
            col("education", "VARCHAR", oneOf("BASIC", "VOCATIONAL", "HIGHER"),
                    oneOfSql("BASIC", "VOCATIONAL", "HIGHER")),
            col("income_group", "VARCHAR", oneOf("LOW", "MIDDLE", "HIGH"), oneOfSql("LOW", "MIDDLE", "HIGH")),
            col("living_alone", "BOOLEAN", BOOL, BOOL_SQL)));
    public static final FileSpec HOSPITAL_CONTACTS = new FileSpec("hospital_contacts.csv", "hospital_contact", true,
            List.of(col("contact_id", "VARCHAR", ID, ID_SQL), col("person_id", "VARCHAR", ID, ID_SQL),
                    col("start_ts", "TIMESTAMP", TIME, TIME_SQL), optional("end_ts", "TIMESTAMP", TIME, TIME_SQL),
                    col("priority", "VARCHAR", oneOf("ATA1", "ATA3"), oneOfSql("ATA1", "ATA3")),
                    col("contact_type", "VARCHAR", oneOf("ALCA00", "ALCA10", "ALCA20"),
                            oneOfSql("ALCA00", "ALCA10", "ALCA20")),
                    col("action_diagnosis", "VARCHAR", DIAGNOSIS, regexSql(SKS_SQL)),
                    optional("secondary_diagnoses", "VARCHAR", DIAGNOSES,
                            regexSql(SKS_SQL + "( " + SKS_SQL + ")*")),
                    col("drg_value_ore", "BIGINT", WHOLE, WHOLE_SQL),
                    col("tariff_year", "INTEGER", YEAR, regexSql("20[0-9]{2}")),
                    col("hospice", "BOOLEAN", BOOL, BOOL_SQL)));
    public static final FileSpec GP_CONTACTS = new FileSpec("gp_contacts.csv", "gp_contact", false, List.of(
            col("person_id", "VARCHAR", ID, ID_SQL), col("contact_date", "DATE", DATE, DATE_SQL), col("fee_ore", "BIGINT", WHOLE, WHOLE_SQL)));
    public static final FileSpec MUNICIPAL_SERVICES = new FileSpec("municipal_services.csv", "municipal_service",
            false, List.of(col("person_id", "VARCHAR", ID, ID_SQL), col("service_date", "DATE", DATE, DATE_SQL),
                    col("service_type", "VARCHAR", v -> v.matches("[A-Z_]{1,40}") ? null : "code",
                            regexSql("[A-Z_]{1,40}")),
                    col("quantity", "DECIMAL(10,2)", DECIMAL, DECIMAL_SQL), col("unit_price_ore", "BIGINT", WHOLE, WHOLE_SQL)));
    public static final FileSpec DEATHS = new FileSpec("deaths.csv", "death", false, List.of(
            col("person_id", "VARCHAR", ID, ID_SQL), col("death_date", "DATE", DATE, DATE_SQL)));
    public static final FileSpec INCLUSIONS = new FileSpec("inclusions.csv", "inclusion", true, List.of(
            col("person_id", "VARCHAR", ID, ID_SQL), col("initiative_id", "BIGINT", WHOLE, WHOLE_SQL), col("index_date", "DATE", DATE, DATE_SQL),
            col("cohort_group", "VARCHAR", oneOf("TARGET", "COMPARISON"), oneOfSql("TARGET", "COMPARISON")),
            optional("subgroup", "VARCHAR", v -> v.matches("[A-Z_]{1,40}") ? null : "code",
                    regexSql("[A-Z_]{1,40}"))));
    public static final FileSpec REGISTRATIONS = new FileSpec("registrations.csv", "registration", false, List.of(
            col("person_id", "VARCHAR", ID, ID_SQL), col("registration_date", "DATE", DATE, DATE_SQL),
            col("measure", "VARCHAR", v -> v.matches("[A-Z0-9_]{1,40}") ? null : "code",
                    regexSql("[A-Z0-9_]{1,40}")),
            col("score", "DECIMAL(10,2)", DECIMAL, DECIMAL_SQL)));

    public static final List<FileSpec> FILES = List.of(PERSONS, HOSPITAL_CONTACTS, GP_CONTACTS, MUNICIPAL_SERVICES,
            DEATHS, INCLUSIONS, REGISTRATIONS);

    /**
     * One bad row: file, line number (the header is line 1; 0: the whole file), the message key of the reason with its
     * column, the values the message names ({0}, {1}, …), and how many rows of other files failed only because of this
     * one (a refused person's contacts, the further inclusions of an unknown initiative): those are not errors of
     * their own.
     */
    public record RowError(String file, long line, String reasonKey, String column, List<String> arguments,
            long dependents) {

        public RowError {
            arguments = arguments == null ? List.of() : List.copyOf(arguments);
        }

        public RowError(String file, long line, String reasonKey, String column) {
            this(file, line, reasonKey, column, List.of(), 0);
        }

        RowError withDependents(long count) {
            return new RowError(file, line, reasonKey, column, arguments, count);
        }

        RowError atLine(String otherFile, long otherLine) {
            return new RowError(otherFile, otherLine, reasonKey, column, arguments, dependents);
        }

        /** The message's arguments, for {@code #messages.msgWithParams}. */
        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /** The result of checking one file: its data lines and at most {@code limit} of its errors. */
    record Checked(long rows, List<RowError> errors, long errorCount) {}

    private ImportFormat() {}

    /** The file of the format with this name, as CSV or as Parquet; null when the name is not one of them. */
    public static FileSpec spec(String fileName) {
        return FILES.stream().filter(f -> f.fileName().equals(fileName) || f.parquetName().equals(fileName))
                .findFirst().orElse(null);
    }

    /** The header line of a file: its column names, comma-separated. */
    public static String header(FileSpec spec) {
        return String.join(",", spec.columns());
    }

    /** Checks every line of a file on its own (no other file, no initiatives): see {@link RowChecker}. */
    static Checked check(FileSpec spec, Path file, Set<String> persons, int limit, Consumer<Long> progress)
            throws IOException {
        return new RowChecker(persons, null).check(spec, file, limit, progress);
    }
}
