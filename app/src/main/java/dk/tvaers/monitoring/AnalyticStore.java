package dk.tvaers.monitoring;

import dk.tvaers.indicators.DuckDbSettings;
import dk.tvaers.platform.TvaersProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The analytic store: one DuckDB database file under {@code <data-dir>/analytics/}. Person-level rows live only
 * here. One connection is held open for the application's life; each piece of work gets its own duplicate of it
 * (DuckDB's way to share one database between threads of a process).
 */
@Component
class AnalyticStore {

    private final Path directory;
    private final DuckDBConnection connection;

    @Autowired
    AnalyticStore(TvaersProperties properties, @Value("${tvaers.analytics.threads:0}") int threads,
            @Value("${tvaers.analytics.memory-limit:}") String memoryLimit) {
        this(properties.dataDir().resolve("analytics"), threads, memoryLimit);
    }

    AnalyticStore(Path directory) {
        this(directory, 0);
    }

    AnalyticStore(Path directory, int threads) {
        this(directory, threads, "");
    }

    /**
     * @param threads DuckDB's worker threads for runs, imports and queries; 0: one fewer than the machine's cores (at
     *     least one), so a run never takes the last core from the pages this process serves (ADR 0049). A node that
     *     only computes may give it every core.
     * @param memoryLimit how much memory DuckDB may hold before it spills to disk ({@code 6GB}); empty: half of the
     *     machine's memory (DuckDB's own default, 80 %, leaves too little for the JVM and PostgreSQL beside it)
     */
    AnalyticStore(Path directory, int threads, String memoryLimit) {
        this.directory = directory;
        String limit = DuckDbSettings.memorySize(memoryLimit == null || memoryLimit.isBlank()
                ? DuckDbSettings.halfOfMemory() : memoryLimit);
        try {
            Files.createDirectories(directory);
            connection = (DuckDBConnection) DriverManager.getConnection(
                    "jdbc:duckdb:" + directory.resolve("tvaers.duckdb").toAbsolutePath());
            DuckDbSettings.apply(connection);
            DuckDbSettings.limitMemory(connection, limit);
            try (var statement = connection.createStatement()) {
                statement.execute("SET threads = " + threads(threads, Runtime.getRuntime().availableProcessors()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the analytic store in " + directory, e);
        }
    }

    /** The worker threads for a setting of {@code tvaers.analytics.threads} on a machine with so many cores. */
    static int threads(int configured, int cores) {
        return configured > 0 ? configured : Math.max(1, cores - 1);
    }

    Path directory() {
        return directory;
    }

    /** A connection of its own for one piece of work; close it when done. */
    Connection connect() throws SQLException {
        return connection.duplicate();
    }

    @PreDestroy
    void close() throws SQLException {
        connection.close();
    }
}
