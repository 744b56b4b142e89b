package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator writes Parquet directly (SyntheticParquet): for one seed the Parquet files hold exactly the rows of
 * its CSV files read with the import's column types, file by file, and the planted truth (the persons, the cut-off,
 * the number of contacts) is the same.
 */
class SyntheticParquetTests {

    @TempDir
    Path csv;

    @TempDir
    Path parquet;

    @Test
    void parquetFilesHoldTheRowsOfTheCsvFiles() throws Exception {
        var options = new SyntheticData.Options(1200, 9, 8, 0.3, 4, true);
        var fromCsv = SyntheticData.write(options, csv);
        SyntheticData.Result fromParquet;
        try (var sink = new SyntheticParquet(parquet, "500MB")) {
            fromParquet = SyntheticData.write(options, sink);
        }
        assertThat(fromParquet.persons().stream().map(p -> p.id() + p.episodes() + p.indexDate() + p.group()).toList())
                .isEqualTo(fromCsv.persons().stream().map(p -> p.id() + p.episodes() + p.indexDate() + p.group())
                        .toList());
        assertThat(fromParquet.cutoff()).isEqualTo(fromCsv.cutoff());
        assertThat(fromParquet.contacts()).isEqualTo(fromCsv.contacts());
        assertThat(parquet.resolve("generating.duckdb")).doesNotExist();

        try (var duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                Path file = parquet.resolve(spec.fileName().replace(".csv", ".parquet"));
                assertThat(file).exists();
                String types = spec.columns0().stream().map(c -> "'" + c.name() + "': '" + c.type() + "'")
                        .collect(Collectors.joining(", "));
                String fromText = "SELECT * FROM read_csv('" + csv.resolve(spec.fileName()) + "', header = true, "
                        + "delim = ',', quote = '', escape = '', auto_detect = false, timestampformat = "
                        + "'%Y-%m-%dT%H:%M', dateformat = '%Y-%m-%d', columns = {" + types + "})";
                String fromParquetFile = "SELECT * FROM read_parquet('" + file + "')";
                long rows = count(s, "SELECT count(*) FROM (" + fromText + ")");
                assertThat(count(s, "SELECT count(*) FROM (" + fromParquetFile + ")")).as(spec.fileName())
                        .isEqualTo(rows);
                assertThat(count(s, "SELECT count(*) FROM (" + fromText + " EXCEPT ALL " + fromParquetFile + ")"))
                        .as("rows of %s only in the CSV", spec.fileName()).isZero();
                assertThat(count(s, "SELECT count(*) FROM (" + fromParquetFile + " EXCEPT ALL " + fromText + ")"))
                        .as("rows of %s only in the Parquet", spec.fileName()).isZero();
                if (spec.table().equals("hospital_contact")) {
                    assertThat(rows).isEqualTo(fromCsv.contacts());
                }
            }
            // the column types are the import's (a Parquet file carries them)
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('"
                    + parquet.resolve("hospital_contacts.parquet") + "')")) {
                var types = new java.util.ArrayList<String>();
                while (rs.next()) {
                    types.add(rs.getString(1) + " " + rs.getString(2));
                }
                assertThat(types).contains("start_ts TIMESTAMP", "drg_value_ore BIGINT", "hospice BOOLEAN",
                        "tariff_year INTEGER");
            }
        }
        assertThat(Files.size(parquet.resolve("hospital_contacts.parquet"))).isPositive();
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
