package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run leaves the web tier a core: DuckDB gets one thread fewer than the machine's cores unless told (ADR 0049). */
class AnalyticStoreThreadsTests {

    @TempDir
    Path dir;

    @Test
    void oneThreadFewerThanTheCoresByDefaultAtLeastOneAndTheConfiguredNumberWhenGiven() {
        assertThat(AnalyticStore.threads(0, 2)).isEqualTo(1);
        assertThat(AnalyticStore.threads(0, 1)).isEqualTo(1);
        assertThat(AnalyticStore.threads(0, 16)).isEqualTo(15);
        assertThat(AnalyticStore.threads(4, 2)).isEqualTo(4);
    }

    @Test
    void theStoreRunsWithThatManyThreads() throws Exception {
        var store = new AnalyticStore(dir.resolve("three"), 3);
        try (var connection = store.connect(); var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
        } finally {
            store.close();
        }
        var byDefault = new AnalyticStore(dir.resolve("default"));
        try (var connection = byDefault.connect(); var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(AnalyticStore.threads(0, Runtime.getRuntime().availableProcessors()));
        } finally {
            byDefault.close();
        }
    }
}
