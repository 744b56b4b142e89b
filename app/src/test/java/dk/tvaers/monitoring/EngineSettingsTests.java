package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.DuckDbSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine without the application (the benchmarks) opens DuckDB with the analytic store's settings and memory,
 * so a benchmark measures the indicator set as the application runs it (bench/README.md, "Engine profile").
 */
class EngineSettingsTests {

    @TempDir
    Path dir;

    @Test
    void theStandaloneEngineAndTheAnalyticStoreRunWithTheSameSettings() throws Exception {
        assertThat(DuckDbSettings.STATEMENTS).contains("SET preserve_insertion_order = false");
        var store = new AnalyticStore(dir.resolve("store"));
        try (Connection application = store.connect();
                Connection standalone = StandaloneEngine.open(Files.createDirectories(dir.resolve("bench"))
                        .resolve("bench.duckdb"))) {
            for (String sql : DuckDbSettings.STATEMENTS) {
                String[] nameValue = sql.substring("SET ".length()).split(" = ");
                assertThat(setting(application, nameValue[0])).as("the analytic store: " + sql)
                        .isEqualToIgnoringCase(nameValue[1]);
                assertThat(setting(standalone, nameValue[0])).as("the standalone engine: " + sql)
                        .isEqualToIgnoringCase(nameValue[1]);
            }
            // the same memory limit (half the machine's unless configured) and half of it kept once used
            assertThat(DuckDbSettings.memoryLimitBytes(standalone))
                    .isEqualTo(DuckDbSettings.memoryLimitBytes(application));
            assertThat(DuckDbSettings.retainedMemoryBytes(standalone))
                    .isEqualTo(DuckDbSettings.retainedMemoryBytes(application));
        } finally {
            store.close();
        }
    }

    private static String setting(Connection connection, String name) throws Exception {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(current_setting('" + name + "') AS VARCHAR)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
