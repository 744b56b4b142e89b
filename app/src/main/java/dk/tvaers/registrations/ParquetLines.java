package dk.tvaers.registrations;

import dk.tvaers.platform.database.ParquetAsCsv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Parquet file of the registrations format read by an in-memory DuckDB and written as the CSV text of the same rows
 * ({@link ParquetAsCsv}), so that it is checked and loaded exactly as a CSV file, with the same messages: dates as
 * YYYY-MM-DD, everything else as DuckDB writes it as text.
 */
final class ParquetLines {

    /** The first bytes of every Parquet file. */
    static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetLines() {}

    /** Writes the Parquet file as CSV; throws {@link RegistrationsRejectedException} when it cannot be read as the format. */
    static void toCsv(Path parquet, Path csv) throws IOException {
        List<String> expected = Arrays.asList(RegistrationImport.HEADER.split(","));
        String source = ParquetAsCsv.source(parquet);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            var columns = ParquetAsCsv.describe(statement, source);
            if (!columns.names().equals(expected)) {
                throw new RegistrationsRejectedException(List.of(new Problem(1, "", "registration.error.header",
                        List.of(RegistrationImport.HEADER))));
            }
            var select = new ArrayList<String>();
            for (int i = 0; i < columns.names().size(); i++) {
                String c = "\"" + columns.names().get(i) + "\"";
                select.add(columns.types().get(i).equals("DATE") ? "strftime(" + c + ", '%Y-%m-%d')"
                        : "CAST(" + c + " AS VARCHAR)");
            }
            ParquetAsCsv.write(statement, select, source, RegistrationImport.HEADER, csv);
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
