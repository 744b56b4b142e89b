package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.indicators.DuckDbSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB holds at most the configured memory and spills the rest to disk; unset, half of the machine's memory, not
 * DuckDB's own 80 % (which leaves too little for the JVM and PostgreSQL beside it).
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
