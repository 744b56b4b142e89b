package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.indicators.DuckDbSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB holds at most the configured memory and spills the rest to disk; unset, half of the machine's memory, not
 * DuckDB's own 80 % (which leaves too little for the JVM and PostgreSQL beside it). Half of the limit is kept once
 * used (ADR 0057).
 */
class AnalyticStoreMemoryTests {

    @TempDir
    Path dir;

    @Test
    void theConfiguredLimitOrHalfTheMachinesMemory() throws Exception {
        var store = new AnalyticStore(dir.resolve("limited"), 1, "512MiB");
        try {
            assertThat(limitInBytes(store)).isEqualTo(512L * 1024 * 1024);
        } finally {
            store.close();
        }
        var byDefault = new AnalyticStore(dir.resolve("default"), 1, "");
        try {
            long half = Long.parseLong(DuckDbSettings.halfOfMemory().replace("MiB", "")) * 1024 * 1024;
            // DuckDB shows the limit with one decimal ("11.7 GiB")
            assertThat(limitInBytes(byDefault)).isCloseTo(half, org.assertj.core.data.Percentage.withPercentage(1));
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            assertThat(limitInBytes(byDefault)).isLessThan(os.getTotalMemorySize() * 6 / 10);
        } finally {
            byDefault.close();
        }
    }

    @Test
    void halfOfTheLimitIsKeptOnceUsedAndALaterLowerLimitIsTakenWithoutAnError() throws Exception {
        var store = new AnalyticStore(dir.resolve("kept"), 1, "512MiB");
        try (var connection = store.connect()) {
            // DuckDB's default is 0: every freed block goes back to the operating system (ADR 0057)
            assertThat(DuckDbSettings.retainedMemoryBytes(connection)).isEqualTo(256L * 1024 * 1024);
            // DuckDB refuses to lower what it keeps; a lower limit later is still taken and keeps the earlier half
            DuckDbSettings.limitMemory(connection, "256MiB");
            assertThat(DuckDbSettings.memoryLimitBytes(connection)).isEqualTo(256L * 1024 * 1024);
            assertThat(DuckDbSettings.retainedMemoryBytes(connection)).isEqualTo(256L * 1024 * 1024);
            DuckDbSettings.limitMemory(connection, "1GiB");
            assertThat(DuckDbSettings.retainedMemoryBytes(connection)).isEqualTo(512L * 1024 * 1024);
            // and the store still computes
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT count(*) FROM (SELECT range % 1000 AS k, count(*) "
                            + "FROM range(3000000) GROUP BY k)")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1000);
            }
        } finally {
            store.close();
        }
    }

    @Test
    void aLimitThatIsNotASizeIsRefusedWithASentenceAndNeverReachesSql() {
        for (String bad : new String[] {"lots", "6", "6GB'; DROP TABLE x; --", "-1GB", "0GB", "6 G B"}) {
            assertThatThrownBy(() -> new AnalyticStore(dir.resolve("bad"), 1, bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("memory limit must be a number and a unit");
        }
    }

    private static long limitInBytes(AnalyticStore store) throws Exception {
        try (var connection = store.connect()) {
            return DuckDbSettings.memoryLimitBytes(connection);
        }
    }
}
