package dk.tvaers.monitoring;

import dk.tvaers.platform.database.ParquetAsCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The analytic store's side of an import: Parquet read by DuckDB, the staging tables loaded by DuckDB's
 * {@code read_csv}, duplicate contact ids found in SQL (and then their lines in the file), and the swap of the staging
 * tables for the live ones in one transaction.
 */
final class ImportLoading {

    private ImportLoading() {}

    /**
     * Writes a Parquet file of the format as the CSV text of the same rows, so that it is checked row by row and
     * loaded like CSV: dates as YYYY-MM-DD, timestamps as YYYY-MM-DDTHH:MM (with seconds they keep them, and are
     * refused), everything else as DuckDB writes it as text. A value with a comma or line break is made invalid
     * (U+FFFD) so that its row is reported, not split. Returns the file's column names; when they are not the
     * format's, nothing is written.
     */
    static List<String> parquetToCsv(Statement statement, ImportFormat.FileSpec spec, Path parquet, Path csv)
            throws SQLException, IOException {
        String source = ParquetAsCsv.source(parquet);
        ParquetAsCsv.Columns columns = ParquetAsCsv.describe(statement, source);
        List<String> names = columns.names();
        if (!names.equals(spec.columns())) {
            return names;
        }
        var select = new ArrayList<String>();
        for (int i = 0; i < names.size(); i++) {
            select.add(asText("\"" + names.get(i) + "\"", columns.types().get(i)));
        }
        ParquetAsCsv.write(statement, select, source, String.join(",", names), csv);
        return names;
    }

    /**
     * A Parquet column of this DuckDB type as the format's text: dates YYYY-MM-DD, timestamps YYYY-MM-DDTHH:MM (with
     * seconds they keep them, and are refused), everything else as DuckDB writes it as text.
     */
    static String asText(String c, String type) {
        if (type.startsWith("TIMESTAMP")) {
            return "CASE WHEN date_trunc('minute', " + c + ") = " + c + " THEN strftime(" + c
                    + ", '%Y-%m-%dT%H:%M') ELSE CAST(" + c + " AS VARCHAR) END";
        }
        if (type.equals("DATE")) {
            return "strftime(" + c + ", '%Y-%m-%d')";
        }
        return "CAST(" + c + " AS VARCHAR)";
    }

    /** Creates the staging tables and loads the present files into them (absent optional files: empty tables). */
    static void stage(Statement statement, Path dir, List<ImportFormat.FileSpec> present,
            java.util.function.IntConsumer progress) throws SQLException {
        int i = 0;
        for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
            statement.execute("DROP TABLE IF EXISTS stage_" + spec.table());
            String columns = spec.columns0().stream().map(c -> c.name() + " " + c.type())
                    .collect(Collectors.joining(", "));
            statement.execute("CREATE TABLE stage_" + spec.table() + " (" + columns + ")");
            if (present.contains(spec)) {
                String types = spec.columns0().stream().map(c -> "'" + c.name() + "': '" + c.type() + "'")
                        .collect(Collectors.joining(", "));
                statement.execute("INSERT INTO stage_" + spec.table() + " SELECT * FROM read_csv('"
                        + dir.resolve(spec.fileName()).toAbsolutePath().toString().replace("'", "''")
                        + "', header = true, delim = ',', quote = '', escape = '', auto_detect = false, "
                        + "timestampformat = '%Y-%m-%dT%H:%M', dateformat = '%Y-%m-%d', columns = {" + types + "})");
            }
            progress.accept(++i);
        }
    }

    /**
     * Replaces the live tables by the staging tables in one DuckDB transaction: either all of the new data is live
     * with its data version, or (on any failure, a crash included) all of the previous data still is.
     */
    static void swap(Connection duck, int version) throws SQLException {
        boolean autoCommit = duck.getAutoCommit();
        duck.setAutoCommit(false);
        try (Statement statement = duck.createStatement()) {
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                statement.execute("DROP TABLE IF EXISTS " + spec.table());
                statement.execute("ALTER TABLE stage_" + spec.table() + " RENAME TO " + spec.table());
            }
            statement.execute("CREATE TABLE IF NOT EXISTS data_version (version INTEGER, cutoff_ts TIMESTAMP)");
            statement.execute("DELETE FROM data_version");
            statement.execute("INSERT INTO data_version SELECT " + version + ", max(greatest(start_ts, "
                    + "coalesce(end_ts, start_ts))) FROM hospital_contact");
            duck.commit();
        } catch (SQLException | RuntimeException e) {
            duck.rollback();
            throw e;
        } finally {
            duck.setAutoCommit(autoCommit);
        }
    }

    /**
     * Adds the staging tables' rows to the live tables in one DuckDB transaction (an incremental import): the data
     * version becomes {@code version} and the cut-off the later of the old one and the new contacts' last moment.
     */
    static void append(Connection duck, int version) throws SQLException {
        boolean autoCommit = duck.getAutoCommit();
        duck.setAutoCommit(false);
        try (Statement statement = duck.createStatement()) {
            statement.execute("UPDATE data_version SET version = " + version + ", cutoff_ts = greatest(cutoff_ts, "
                    + "coalesce((SELECT max(greatest(start_ts, coalesce(end_ts, start_ts))) FROM "
                    + "stage_hospital_contact), cutoff_ts))");
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                statement.execute("INSERT INTO " + spec.table() + " SELECT * FROM stage_" + spec.table());
                statement.execute("DROP TABLE stage_" + spec.table());
            }
            duck.commit();
        } catch (SQLException | RuntimeException e) {
            duck.rollback();
            throw e;
        } finally {
            duck.setAutoCommit(autoCommit);
        }
    }

    /** Drops the staging tables and an OMOP import's raw tables (they hold person-level rows). */
    static void dropStaging(Statement statement) throws SQLException {
        for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
            statement.execute("DROP TABLE IF EXISTS stage_" + spec.table());
        }
        // an OMOP import's raw tables, had it been cut off while mapping
        OmopImport.dropRaw(statement);
    }

    /**
     * The duplicate contact ids of the staged contacts (at most {@code limit}), each with the lines of the file that
     * hold it: DuckDB finds the ids, one pass over the file finds their lines (only when there are duplicates).
     */
    static Map<String, List<Long>> duplicateContacts(Statement statement, Path csv, int limit)
            throws SQLException, IOException {
        var lines = new java.util.LinkedHashMap<String, List<Long>>();
        try (ResultSet rs = statement.executeQuery("SELECT contact_id FROM stage_hospital_contact GROUP BY contact_id "
                + "HAVING count(*) > 1 ORDER BY contact_id LIMIT " + limit)) {
            while (rs.next()) {
                lines.put(rs.getString(1), new ArrayList<>());
            }
        }
        if (lines.isEmpty()) {
            return lines;
        }
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.readLine();
            String row;
            long line = 1;
            while ((row = reader.readLine()) != null) {
                line++;
                int comma = row.indexOf(',');
                List<Long> at = lines.get(comma < 0 ? row : row.substring(0, comma));
                if (at != null) {
                    at.add(line);
                }
            }
        }
        return lines;
    }

    static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
