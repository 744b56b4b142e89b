package dk.tvaers.monitoring;

import dk.tvaers.indicators.SyntheticData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The generator's rows written as Parquet in the import format ({@code persons.parquet}, …, the types of
 * {@link ImportFormat}), without CSV text on the way: each row is appended with its types to a DuckDB table on
 * disk (DuckDB's appender; memory bounded by {@code memoryLimit}, the rest on disk) and each table is copied to its
 * Parquet file at the end. With the generator streaming one person at a time, the national size (6 million persons,
 * 400 million contacts) can be made on one machine (bench/README.md).
 *
 * <p>Run it: {@code java -cp <app's class path> dk.tvaers.monitoring.SyntheticParquet --persons 6000000
 * --episodes 30 --seed 42 --out target/national} (the options of {@link SyntheticData#main}).
 */
public final class SyntheticParquet implements SyntheticData.Sink {

    private final Path dir;
    private final Path database;
    private final DuckDBConnection duck;
    private final List<DuckDBAppender> appenders = new ArrayList<>();
    private final List<ImportFormat.FileSpec> specs = new ArrayList<>();

    public SyntheticParquet(Path dir, String memoryLimit) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.database = dir.resolve("generating.duckdb");
        Files.deleteIfExists(database);
        try {
            duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
            try (Statement s = duck.createStatement()) {
                s.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
                s.execute("SET preserve_insertion_order = true");
                for (SyntheticData.File file : SyntheticData.FILES) {
                    ImportFormat.FileSpec spec = ImportFormat.FILES.stream()
                            .filter(f -> f.fileName().equals(file.fileName())).findFirst().orElseThrow();
                    s.execute("CREATE TABLE " + spec.table() + " (" + spec.columns0().stream()
                            .map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", ")) + ")");
                    specs.add(spec);
                    appenders.add(duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, spec.table()));
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot start writing Parquet in " + dir, e);
        }
    }

    @Override
    public void row(int file, Object... values) throws IOException {
        DuckDBAppender appender = appenders.get(file);
        try {
            appender.beginRow();
            for (Object v : values) {
                switch (v) {
                    case null -> appender.appendNull();
                    case String text -> appender.append(text);
                    case Long number -> appender.append(number.longValue());
                    case Integer number -> appender.append(number.intValue());
                    case Boolean flag -> appender.append(flag.booleanValue());
                    case LocalDate date -> appender.append(date);
                    case LocalDateTime time -> appender.append(time);
                    case BigDecimal decimal -> appender.append(decimal);
                    default -> throw new IllegalArgumentException("no Parquet type for " + v.getClass());
                }
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new IOException("cannot append to " + specs.get(file).table(), e);
        }
    }

    /** Writes the Parquet files and removes the working database. */
    @Override
    public void close() throws IOException {
        try {
            for (DuckDBAppender appender : appenders) {
                appender.close();
            }
            try (Statement s = duck.createStatement()) {
                for (ImportFormat.FileSpec spec : specs) {
                    Path file = dir.resolve(spec.fileName().replace(".csv", ".parquet"));
                    s.execute("COPY " + spec.table() + " TO '" + file.toAbsolutePath().toString().replace("'", "''")
                            + "' (FORMAT parquet, COMPRESSION zstd)");
                }
            }
            duck.close();
        } catch (SQLException e) {
            throw new IOException("cannot write the Parquet files in " + dir, e);
        } finally {
            Files.deleteIfExists(database);
            Files.deleteIfExists(dir.resolve("generating.duckdb.wal"));
        }
    }

    /** The generator's command line ({@link SyntheticData#main}'s options), writing Parquet. */
    public static void main(String[] args) throws IOException {
        int persons = 1000;
        long seed = 42;
        Path out = Path.of("target/synthetic");
        double episodes = 8;
        long initiative = SyntheticData.DEFAULT_INITIATIVE;
        String memory = "2GB";
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--persons" -> persons = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--episodes" -> episodes = Double.parseDouble(args[i + 1]);
                case "--initiative" -> initiative = Long.parseLong(args[i + 1]);
                case "--memory" -> memory = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SyntheticData.Result result;
        try (var sink = new SyntheticParquet(out, memory)) {
            result = SyntheticData.write(new SyntheticData.Options(persons, seed, episodes, 0.3, initiative, false),
                    sink);
        }
        System.out.printf("wrote %d persons and %d hospital contacts to %s (Parquet)%n", persons, result.contacts(),
                out);
    }
}
