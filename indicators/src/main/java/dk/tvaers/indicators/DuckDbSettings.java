package dk.tvaers.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The settings of every DuckDB database that runs the indicator set: the application's analytic store and the
 * engine without the application (the benchmarks, the Spark comparison), so that a benchmark measures the engine as
 * the application runs it.
 */
public final class DuckDbSettings {

    /**
     * {@code preserve_insertion_order = false}: no step depends on the order rows were written in (every order is an
     * explicit {@code ORDER BY}), and without it DuckDB need not keep that order through its parallel operators,
     * which saves memory and time on large tables.
     */
    public static final List<String> STATEMENTS = List.of("SET preserve_insertion_order = false");

    private DuckDbSettings() {}

    /** Applies {@link #STATEMENTS} to a connection's database. */
    public static void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
