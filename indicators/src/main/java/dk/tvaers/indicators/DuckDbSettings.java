package dk.tvaers.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern SIZE =
            Pattern.compile("[1-9][0-9]{0,8}(\\.[0-9]{1,3})?\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    private DuckDbSettings() {}

    /**
     * Sets how much memory DuckDB may hold ({@code SET memory_limit}); above it, sorts, joins and groupings spill to
     * the database's temporary directory on disk. DuckDB's own default is 80 % of the machine's memory, which leaves
     * too little for the JVM and PostgreSQL beside it. Half of the limit is then kept once used
     * ({@link #retainMemory}).
     *
     * @param size a size as DuckDB writes it: a number and a unit ({@code 6GB}, {@code 512MiB})
     * @throws IllegalArgumentException when the size is not of that form (said in the message)
     */
    public static void limitMemory(Connection connection, String size) throws SQLException {
        String text = memorySize(size);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '" + text + "'");
        }
        retainMemory(connection);
    }

    /**
     * Lets DuckDB keep up to half of its memory limit once it has used it ({@code SET block_allocator_memory}),
     * instead of handing every freed block back to the operating system and taking it again page by page on the next
     * sort. On this project's 2-core virtual machines a page fault is dear: with DuckDB's default (0) a process
     * running the indicator set twice at 2 million persons took 3.5–3.9 million page faults and 36–45 s of kernel
     * time; with half of the limit kept, 2.7–3.0 million and 25–32 s, and the runs 0.93 and 0.82 of their time
     * (bench/README.md, "DuckDB 1.5 and the memory it keeps"). The memory counts against the limit as before; it is only not returned between runs, so a process
     * that ran a large run keeps up to half the limit resident (ADR 0057). DuckDB refuses to lower this setting,
     * so it is only ever raised: a later, lower limit keeps what an earlier one retained.
     */
    static void retainMemory(Connection connection) throws SQLException {
        long wanted = memoryLimitBytes(connection) / 2;
        long current = setting(connection, "block_allocator_memory");
        if (wanted > current) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET block_allocator_memory = '" + wanted + " bytes'");
            }
        }
    }

    /** The memory DuckDB keeps once used ({@code block_allocator_memory}), in bytes. */
    public static long retainedMemoryBytes(Connection connection) throws SQLException {
        return setting(connection, "block_allocator_memory");
    }

    /**
     * The size, stripped, when it is a number and a unit ({@code 6GB}, {@code 512MiB}).
     *
     * @throws IllegalArgumentException otherwise, with a sentence saying what is wanted
     */
    public static String memorySize(String size) {
        String text = size == null ? "" : size.strip();
        if (!SIZE.matcher(text).matches()) {
            throw new IllegalArgumentException("the analytic store's memory limit must be a number and a unit such as "
                    + "6GB or 512MiB, not '" + size + "'");
        }
        return text;
    }

    /** DuckDB's memory limit on this connection's database, in bytes (it shows it as "4.6 GiB"). */
    public static long memoryLimitBytes(Connection connection) throws SQLException {
        return setting(connection, "memory_limit");
    }

    private static long setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                java.sql.ResultSet rs = statement.executeQuery(
                        "SELECT value FROM duckdb_settings() WHERE name = '" + name + "'")) {
            rs.next();
            return bytes(rs.getString(1));
        }
    }

    /** A size as DuckDB shows it ("512.0 MiB", "4.6 GiB", "1000 bytes") in bytes. */
    static long bytes(String shown) {
        String[] parts = shown.strip().split("\\s+");
        double number = Double.parseDouble(parts[0]);
        long unit = switch (parts.length > 1 ? parts[1] : "bytes") {
            case "bytes", "B" -> 1L;
            case "KiB" -> 1024L;
            case "MiB" -> 1024L * 1024;
            case "GiB" -> 1024L * 1024 * 1024;
            case "TiB" -> 1024L * 1024 * 1024 * 1024;
            case "KB" -> 1000L;
            case "MB" -> 1000L * 1000;
            case "GB" -> 1000L * 1000 * 1000;
            case "TB" -> 1000L * 1000 * 1000 * 1000;
            default -> throw new IllegalArgumentException("not a size: " + shown);
        };
        return Math.round(number * unit);
    }

    /** Half of the memory this process may see (the machine's, or its container's limit), in MiB as DuckDB takes it. */
    public static String halfOfMemory() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return Math.max(256, os.getTotalMemorySize() / 2 / (1024 * 1024)) + "MiB";
    }

    /** Applies {@link #STATEMENTS} to a connection's database. */
    public static void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
