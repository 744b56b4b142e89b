package dk.tvaers.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A Parquet file read by DuckDB and written as the CSV text of the same rows (row n is line n + 1, after the header),
 * so that an import checks and loads it exactly as a CSV file, with the same messages. Each module chooses how a
 * column becomes text; a value holding a comma or a line break is made invalid (U+FFFD) so that its row is reported,
 * not split. Used by the monitoring import and the registrations import.
 */
public final class ParquetAsCsv {

    /** What a file reads as, in order: its column names and their DuckDB types. */
    public record Columns(List<String> names, List<String> types) {}

    private ParquetAsCsv() {}

    /** DuckDB's reader of the file, as a table expression. */
    public static String source(Path parquet) {
        return "read_parquet('" + parquet.toAbsolutePath().toString().replace("'", "''") + "')";
    }

    /** The columns of a table expression (e.g. {@link #source}), as DuckDB describes them. */
    public static Columns describe(Statement statement, String source) throws SQLException {
        var names = new ArrayList<String>();
        var types = new ArrayList<String>();
        try (ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                names.add(rs.getString("column_name"));
                types.add(rs.getString("column_type"));
            }
        }
        return new Columns(names, types);
    }

    /**
     * Writes {@code header}, then one line per row of {@code SELECT textColumns FROM source}, each value as its text
     * (empty for NULL) or U+FFFD where it holds a comma or a line break.
     */
    public static void write(Statement statement, List<String> textColumns, String source, String header, Path csv)
            throws SQLException, IOException {
        try (var out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", textColumns) + " FROM "
                        + source)) {
            out.write(header);
            out.newLine();
            var row = new StringBuilder();
            while (rs.next()) {
                row.setLength(0);
                for (int i = 1; i <= textColumns.size(); i++) {
                    String value = rs.getString(i);
                    if (i > 1) {
                        row.append(',');
                    }
                    if (value != null) {
                        row.append(value.indexOf(',') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                                ? "\uFFFD" : value);
                    }
                }
                out.write(row.toString());
                out.newLine();
            }
        }
    }
}
