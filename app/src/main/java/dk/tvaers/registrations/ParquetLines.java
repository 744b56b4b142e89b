package dk.tvaers.registrations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Parquet file of the registrations format read by an in-memory DuckDB and written as the CSV text of the same rows
 * (row n is line n + 1, after the header), so that it is checked and loaded exactly as a CSV file, with the same
 * messages: dates as YYYY-MM-DD, everything else as DuckDB writes it as text; a value with a comma or line break is
 * made invalid (U+FFFD) so that its row is reported, not split.
 */
final class ParquetLines {

    /** The first bytes of every Parquet file. */
    static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetLines() {}

    /** Writes the Parquet file as CSV; throws {@link RegistrationsRejectedException} when it cannot be read as the format. */
    static void toCsv(Path parquet, Path csv) throws IOException {
        List<String> expected = Arrays.asList(RegistrationImport.HEADER.split(","));
        String source = "read_parquet('" + parquet.toAbsolutePath().toString().replace("'", "''") + "')";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            var names = new ArrayList<String>();
            var types = new ArrayList<String>();
            try (ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (rs.next()) {
                    names.add(rs.getString("column_name"));
                    types.add(rs.getString("column_type"));
                }
            }
            if (!names.equals(expected)) {
                throw new RegistrationsRejectedException(List.of(new Problem(1, "", "registration.error.header",
                        List.of(RegistrationImport.HEADER))));
            }
            var select = new ArrayList<String>();
            for (int i = 0; i < names.size(); i++) {
                String c = "\"" + names.get(i) + "\"";
                select.add(types.get(i).equals("DATE") ? "strftime(" + c + ", '%Y-%m-%d')" : "CAST(" + c + " AS VARCHAR)");
            }
            try (var out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                    ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", select) + " FROM " + source)) {
                out.write(RegistrationImport.HEADER);
                out.newLine();
                var row = new StringBuilder();
                while (rs.next()) {
                    row.setLength(0);
                    for (int i = 1; i <= names.size(); i++) {
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
        } catch (SQLException e) {
            throw new RegistrationsRejectedException(List.of(new Problem(0, "", "registration.error.parquet",
                    List.of())));
        }
    }

    /** Whether the stream starts as a Parquet file; the stream must support mark and reset. */
    static boolean isParquet(InputStream in) throws IOException {
        in.mark(MAGIC.length);
        byte[] first = in.readNBytes(MAGIC.length);
        in.reset();
        return Arrays.equals(first, MAGIC);
    }
}
