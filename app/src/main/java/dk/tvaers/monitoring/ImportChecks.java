package dk.tvaers.monitoring;

import dk.tvaers.monitoring.ImportFormat.Column;
import dk.tvaers.monitoring.ImportFormat.FileSpec;
import dk.tvaers.platform.database.ParquetAsCsv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * The import's checks done by DuckDB itself (ADR 0042): each file, CSV or Parquet, is read by DuckDB's own reader
 * straight into its typed staging table in one statement, every value checked there by the column's SQL condition
 * ({@link Column#sql()}, the same rule as {@link RowChecker}'s Java check); then the checks across rows and files
 * (unique keys, persons known, end not before start, known initiatives) are a few SQL queries over the staging
 * tables. No row passes through Java.
 *
 * <p>This answers one question: is the import clean? When it is, the staging tables are loaded and ready for the
 * swap. When anything is wrong — a bad value, a file DuckDB's strict reader refuses (bytes that are not UTF-8, mixed
 * line ends, a wrong number of columns), a wrong header — the staging tables are dropped and the caller runs
 * {@link RowChecker}, which names every bad row with its line, column and Danish message as before. A refused import
 * is read twice; an accepted one, the usual case, once, by DuckDB.
 */
final class ImportChecks {

    /** The header line is read by Java (only it); a first line longer than this goes the row checker's way. */
    private static final int HEADER_LIMIT = 1 << 16;

    private ImportChecks() {}

    /**
     * Checks and stages the files of {@code dir}: true when every check passed and every {@code stage_} table is
     * loaded; false (and no staging table left) when anything is wrong.
     *
     * @param initiativeExists whether an initiative named by inclusions exists
     * @param progress hears the number of files staged so far
     */
    static boolean stage(Connection duck, Path dir, LongPredicate initiativeExists, IntConsumer progress)
            throws SQLException, IOException {
        return stage(duck, dir, false, initiativeExists, progress);
    }

    /**
     * As {@link #stage(Connection, Path, LongPredicate, IntConsumer)}; with {@code append} (an incremental import)
     * no file is required and the persons named are not checked here: {@link AppendChecks#appendProblems} checks
     * them against the data in the store as well.
     */
    static boolean stage(Connection duck, Path dir, boolean append, LongPredicate initiativeExists,
            IntConsumer progress) throws SQLException, IOException {
        var sources = new ArrayList<String>();
        var typedColumns = new ArrayList<java.util.Map<String, String>>();
        for (FileSpec spec : ImportFormat.FILES) {
            var typedHere = new java.util.HashMap<String, String>();
            typedColumns.add(typedHere);
            Path csv = dir.resolve(spec.fileName());
            Path parquet = dir.resolve(spec.parquetName());
            boolean isCsv = Files.isRegularFile(csv);
            boolean isParquet = Files.isRegularFile(parquet);
            if (isCsv && isParquet || Files.exists(csv) && !isCsv || Files.exists(parquet) && !isParquet) {
                return false;
            }
            if (isCsv) {
                if (!headerIsTheFormats(spec, csv)) {
                    return false;
                }
                sources.add(csvSource(spec, csv));
            } else if (isParquet) {
                String source = parquetSource(duck, spec, parquet, typedHere);
                if (source == null) {
                    return false;
                }
                sources.add(source);
            } else if (spec.required() && !append) {
                return false;
            } else {
                sources.add(null);
            }
        }
        try {
            int i = 0;
            for (FileSpec spec : ImportFormat.FILES) {
                String source = sources.get(i);
                execute(duck, "DROP TABLE IF EXISTS stage_" + spec.table());
                if (source == null) {
                    execute(duck, "CREATE TABLE stage_" + spec.table() + " ("
                            + String.join(", ", spec.columns0Description()) + ")");
                } else {
                    execute(duck, "CREATE TABLE stage_" + spec.table() + " AS SELECT "
                            + typed(spec, typedColumns.get(i)) + " FROM " + source);
                }
                progress.accept(++i);
            }
            if (acrossRows(duck, append, initiativeExists)) {
                return true;
            }
        } catch (SQLException e) {
            // a value failed its check (error() below), or DuckDB's strict reader refused the file
        }
        try (Statement statement = duck.createStatement()) {
            ImportLoading.dropStaging(statement);
        }
        return false;
    }

    /**
     * One Parquet file of the format read through the import's checks as a {@code SELECT} of its checked, typed
     * columns (nothing written; a value failing its check stops the statement), or null when its columns are not the
     * format's: what {@link #stage} runs for it, for the benchmark that times the import's pieces.
     */
    static String checkedParquet(Connection duck, FileSpec spec, Path parquet) {
        var typedHere = new java.util.HashMap<String, String>();
        String source = parquetSource(duck, spec, parquet, typedHere);
        return source == null ? null : "SELECT " + typed(spec, typedHere) + " FROM " + source;
    }

    /** Each column checked on its text and cast to its type; a value failing its check stops the statement. */
    static String typed(FileSpec spec) {
        return typed(spec, java.util.Map.of());
    }

    /**
     * As {@link #typed(FileSpec)}, but the columns named in {@code typedColumns} (name → Parquet column type, see
     * {@link #typedCheck}) come as typed values: each is checked first as a value (a DATE is a date by construction)
     * and only a value failing that is checked as its text, so a Parquet file is accepted exactly when its CSV would
     * be, at the cost of a comparison or two for the usual value instead of formatting it and matching a pattern.
     */
    static String typed(FileSpec spec, java.util.Map<String, String> typedColumns) {
        var columns = new ArrayList<String>();
        for (Column c : spec.columns0()) {
            String value = "\"" + c.name() + "\"";
            String parquetType = typedColumns.get(c.name());
            String check = parquetType == null ? null : typedCheck(c, parquetType);
            String error = " ELSE error('" + spec.fileName() + ": " + c.name() + "') END AS " + c.name();
            if (check == null) {
                columns.add("CASE WHEN " + passes(c) + " THEN CAST(nullif(" + value + ", '') AS " + c.type() + ")"
                        + error);
            } else {
                String text = ImportLoading.asText(value, parquetType);
                String present = value + " IS NOT NULL";
                String asValue = c.optional() ? "(NOT (" + present + ") OR " + check.formatted(value) + ")"
                        : "(" + present + " AND " + check.formatted(value) + ")";
                columns.add("CASE WHEN " + asValue + " THEN CAST(" + value + " AS " + c.type() + ") WHEN "
                        + passes(c, text) + " THEN CAST(" + value + " AS " + c.type() + ")" + error);
            }
        }
        return String.join(", ", columns);
    }

    /**
     * The check of a typed Parquet value whose text (as {@link ImportLoading#asText} writes it) is sure to pass the
     * column's text check, or null when the column's check and this type have none: DATE and TIMESTAMP columns
     * (whole minutes, years 1000–9999), whole numbers (integer types, 0 to 15 digits), tariff years (integer types,
     * 2000–2099), quantities (integers or decimals of at most 2 places, 0 ≤ value < 10⁸), and true/false (BOOLEAN).
     * A value failing it is checked as its text after all, so this only saves work and never changes what is
     * accepted.
     */
    static String typedCheck(Column c, String parquetType) {
        boolean integer = java.util.Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT",
                "UINTEGER", "UBIGINT", "HUGEINT").contains(parquetType);
        if (c.check() == ImportFormat.DATE && parquetType.equals("DATE")) {
            return "year(%1$s) BETWEEN 1000 AND 9999";
        }
        // (not TIMESTAMP_MS or _S: DuckDB compares them with date_trunc's result as nanoseconds, which fails after 2262)
        if (c.check() == ImportFormat.TIME && (parquetType.equals("TIMESTAMP") || parquetType.equals("TIMESTAMP_NS"))) {
            return "(date_trunc('minute', %1$s) = %1$s AND year(%1$s) BETWEEN 1000 AND 9999)";
        }
        if (c.check() == ImportFormat.YEAR && integer) {
            return "%1$s BETWEEN 2000 AND 2099";
        }
        if (c.check() == ImportFormat.WHOLE && integer) {
            return "%1$s BETWEEN 0 AND 999999999999999";
        }
        if (c.check() == ImportFormat.DECIMAL && (integer || parquetType.matches("DECIMAL\\(\\d+,[0-2]\\)"))) {
            return "(%1$s >= 0 AND %1$s < 100000000)";
        }
        if (c.check() == ImportFormat.BOOL && parquetType.equals("BOOLEAN")) {
            return "true";
        }
        return null;
    }

    /** Whether a row's text passes every column's SQL check (for the parity test). */
    static String rowPasses(FileSpec spec) {
        return spec.columns0().stream().map(ImportChecks::passes).collect(Collectors.joining(" AND "));
    }

    /** The SQL condition that a column's text value (NULL or '' when empty) passes its check. */
    private static String passes(Column c) {
        return passes(c, "\"" + c.name() + "\"");
    }

    /** As {@link #passes(Column)} for a text expression of the column's value. */
    private static String passes(Column c, String value) {
        String present = value + " IS NOT NULL AND " + value + " <> ''";
        return c.optional() ? "(NOT (" + present + ") OR " + c.sql().formatted(value) + ")"
                : "(" + present + " AND " + c.sql().formatted(value) + ")";
    }

    /** DuckDB's strict CSV reader, every column as text (the checks and casts are {@link #typed}'s). */
    static String csvSource(FileSpec spec, Path csv) {
        String columns = spec.columns0().stream().map(c -> "'" + c.name() + "': 'VARCHAR'")
                .collect(Collectors.joining(", "));
        return "read_csv(" + literal(csv) + ", header = true, delim = ',', quote = '', escape = '', "
                + "auto_detect = false, strict_mode = true, null_padding = false, columns = {" + columns + "})";
    }

    /**
     * A Parquet file as the text the format describes (dates YYYY-MM-DD, timestamps YYYY-MM-DDTHH:MM, with seconds
     * kept so that they fail), as {@code parquetToCsv} writes it for the row checker (which also makes a value holding
     * a comma or line break invalid, so that its row is reported, not split); null when its columns are not the
     * format's or it cannot be read.
     */
    private static String parquetSource(Connection duck, FileSpec spec, Path parquet,
            java.util.Map<String, String> typedColumns) {
        String source = ParquetAsCsv.source(parquet);
        List<String> names;
        List<String> types;
        try (Statement statement = duck.createStatement()) {
            ParquetAsCsv.Columns columns = ParquetAsCsv.describe(statement, source);
            names = columns.names();
            types = columns.types();
        } catch (SQLException e) {
            return null;
        }
        if (!names.equals(spec.columns())) {
            return null;
        }
        var select = new ArrayList<String>();
        for (int i = 0; i < names.size(); i++) {
            if (typedCheck(spec.columns0().get(i), types.get(i)) != null) {
                // a typed value whose text cannot hold a comma or a line break: checked as a value (typed above)
                typedColumns.put(names.get(i), types.get(i));
                select.add("\"" + names.get(i) + "\"");
                continue;
            }
            // no check of a comma or line break here: no column's check accepts a value holding one
            // (ImportCheckParityTests), so such a value fails its own check; a regular expression per text value
            // for it took half of the checks' time (bench/README.md, "The import's checks, measured")
            select.add(ImportLoading.asText("\"" + names.get(i) + "\"", types.get(i)) + " AS \"" + names.get(i) + "\"");
        }
        return "(SELECT " + String.join(", ", select) + " FROM " + source + ")";
    }

    /**
     * The checks across rows and files, on the staging tables: persons and contacts present, keys unique, every row
     * naming a person of persons, no contact ending before it starts, every initiative known.
     */
    private static boolean acrossRows(Connection duck, boolean append, LongPredicate initiativeExists)
            throws SQLException {
        if (!append && count(duck, "SELECT count(*) FROM (SELECT 1 FROM stage_person LIMIT 1)") == 0
                || count(duck, "SELECT count(*) FROM (SELECT 1 FROM stage_hospital_contact LIMIT 1)") == 0) {
            return false;
        }
        String duplicates = "SELECT count(*) - count(DISTINCT %s) FROM stage_%s";
        if (count(duck, duplicates.formatted("person_id", "person")) > 0
                || count(duck, duplicates.formatted("person_id", "death")) > 0
                || count(duck, duplicates.formatted("(person_id, initiative_id)", "inclusion")) > 0
                || count(duck, duplicates.formatted("contact_id", "hospital_contact")) > 0) {
            return false;
        }
        for (FileSpec spec : ImportFormat.FILES) {
            if (spec != ImportFormat.PERSONS && !append && count(duck, "SELECT count(*) FROM stage_" + spec.table()
                    + " x WHERE NOT EXISTS (SELECT 1 FROM stage_person p WHERE p.person_id = x.person_id)") > 0) {
                return false;
            }
        }
        if (count(duck, "SELECT count(*) FROM stage_hospital_contact WHERE end_ts < start_ts") > 0) {
            return false;
        }
        try (Statement query = duck.createStatement();
                ResultSet rs = query.executeQuery("SELECT DISTINCT initiative_id FROM stage_inclusion")) {
            var ids = new ArrayList<Long>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids.stream().allMatch(initiativeExists::test);
        }
    }

    /**
     * Whether the first line of a CSV file is exactly the format's header (a byte-order mark allowed), read as the
     * row checker reads it: UTF-8, ended by {@code \n} or {@code \r\n}, no other carriage return.
     */
    static boolean headerIsTheFormats(FileSpec spec, Path csv) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(csv)) {
            start = in.readNBytes(HEADER_LIMIT);
        }
        int end = -1;
        for (int i = 0; i < start.length; i++) {
            if (start[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return false; // empty, a header alone without a line end, or an unusual first line: the row checker says
        }
        if (end > 0 && start[end - 1] == '\r') {
            end--;
        }
        String header;
        try {
            header = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(start, 0, end))
                    .toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        return header.indexOf('\r') < 0 && header.strip().equals(ImportFormat.header(spec));
    }

    static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** Each statement its own: DuckDB's driver closes a statement whose execution failed. */
    private static long count(Connection duck, String sql) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            return ImportLoading.count(statement, sql);
        }
    }

    private static void execute(Connection duck, String sql) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            statement.execute(sql);
        }
    }
}
