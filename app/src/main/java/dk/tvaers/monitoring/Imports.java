package dk.tvaers.monitoring;

import dk.tvaers.accounts.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports of event files (format v1) into the analytic store, as background jobs. All or nothing: every row of every
 * file is checked first and a single bad row refuses the whole import (its errors, with file and line, are kept);
 * then the files are loaded into staging tables and swapped for the live tables in one DuckDB transaction, so a
 * crash at any point leaves the previous data as it was. Each successful import is a new data version.
 */
@Service
public class Imports {

    /** At most this many errors are kept per import (the count of all of them is kept too). */
    static final int ERROR_LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final JdbcClient jdbc;
    private final AnalyticStore store;
    private final JobRunner runner;

    Imports(JdbcClient jdbc, AnalyticStore store, JobRunner runner) {
        this.jdbc = jdbc;
        this.store = store;
        this.runner = runner;
        // on shutdown: what did not finish is marked interrupted at once, not only at the next start
        runner.onStop(this::markUnfinished);
    }

    /**
     * Jobs that were under way when the application stopped did not finish: say so, and remove what they left in the
     * analytic store's directory (uploaded files) and in the store (staging tables): no job runs yet at start.
     */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        // only the node that runs the jobs: another node starting must not fail the owner's running job (ADR 0023)
        if (!runner.owner()) {
            return;
        }
        markUnfinished();
        Path uploads = store.directory().resolve("uploads");
        if (Files.isDirectory(uploads)) {
            try (var dirs = Files.list(uploads)) {
                for (Path dir : dirs.toList()) {
                    deleteUploads(dir);
                }
            } catch (IOException e) {
                log.warn("could not list {}", uploads, e);
            }
        }
        dropStaging();
    }

    /** Marks the jobs that did not finish as interrupted (at start, and on shutdown once the job thread stopped). */
    private void markUnfinished() {
        jdbc.sql("UPDATE monitoring_import SET status = 'FAILED', step_key = 'monitoring.job.interrupted', "
                + "finished_at = now() WHERE status IN ('QUEUED', 'RUNNING')").update();
    }

    /**
     * Saves the uploaded files (file name → content) and starts their import in the background. File names must be
     * those of the format; unknown names are refused before anything is saved.
     */
    public long start(Map<String, InputStream> files, Actor actor) throws IOException {
        for (String name : files.keySet()) {
            if (ImportFormat.spec(name) == null) {
                throw new IllegalArgumentException("unknown file " + name);
            }
        }
        String names = files.keySet().stream().sorted().collect(Collectors.joining(", "));
        long id = jdbc.sql("""
                INSERT INTO monitoring_import (files, by_user_id, by_name) VALUES (:files, :by, :name) RETURNING id""")
                .param("files", names).param("by", actor.id()).param("name", actor.name())
                .query(Long.class).single();
        Path dir = uploads(id);
        Files.createDirectories(dir);
        for (var file : files.entrySet()) {
            Files.copy(file.getValue(), dir.resolve(file.getKey()), StandardCopyOption.REPLACE_EXISTING);
        }
        runner.submit(() -> run(id));
        return id;
    }

    /** Starts the import of a directory that already holds files of the format (the generator's output). */
    public long startFromDirectory(Path source, Actor actor) throws IOException {
        var files = new LinkedHashMap<String, InputStream>();
        try {
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                for (String name : List.of(spec.fileName(), spec.parquetName())) {
                    Path file = source.resolve(name);
                    if (Files.exists(file)) {
                        files.put(name, Files.newInputStream(file));
                    }
                }
            }
            return start(files, actor);
        } finally {
            for (InputStream in : files.values()) {
                in.close();
            }
        }
    }

    public Optional<ImportJob> find(long id) {
        return jdbc.sql("SELECT * FROM monitoring_import WHERE id = :id").param("id", id).query(Imports::map)
                .optional();
    }

    public List<ImportJob> recent(int limit) {
        return jdbc.sql("SELECT * FROM monitoring_import ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query(Imports::map).list();
    }

    public List<ImportFormat.RowError> errors(long id) {
        return jdbc.sql("""
                SELECT file_name, line, reason_key, column_name FROM monitoring_import_error
                WHERE import_id = :id ORDER BY id""")
                .param("id", id)
                .query((rs, n) -> new ImportFormat.RowError(rs.getString("file_name"), rs.getLong("line"),
                        rs.getString("reason_key"), rs.getString("column_name")))
                .list();
    }

    /** The data version now in the analytic store, if anything was imported. */
    public Optional<Integer> currentDataVersion() {
        return jdbc.sql("SELECT max(data_version) FROM monitoring_import WHERE status = 'SUCCEEDED'")
                .query(Integer.class).optional();
    }

    // --- the job ---

    void run(long id) {
        try {
            step(id, "RUNNING", 1, "monitoring.import.step.checking");
            Path dir = uploads(id);
            var present = new ArrayList<ImportFormat.FileSpec>();
            var errors = new ArrayList<ImportFormat.RowError>();
            long errorCount = 0;
            // Parquet files become CSV text first (checked with their row numbers below)
            var parquet = new HashSet<ImportFormat.FileSpec>();
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                if (!Files.exists(dir.resolve(spec.parquetName()))) {
                    continue;
                }
                if (Files.exists(dir.resolve(spec.fileName()))) {
                    errors.add(new ImportFormat.RowError(spec.parquetName(), 0, "monitoring.import.error.twice", null));
                    errorCount++;
                    continue;
                }
                parquet.add(spec);
                String problem;
                try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
                    problem = parquetToCsv(statement, spec, dir.resolve(spec.parquetName()), dir.resolve(spec.fileName()))
                            ? null : "monitoring.import.error.parquetColumns";
                } catch (SQLException e) {
                    log.info("import {}: {} is not readable as Parquet: {}", id, spec.parquetName(), e.getMessage());
                    problem = "monitoring.import.error.parquetUnreadable";
                }
                if (problem != null) {
                    errors.add(new ImportFormat.RowError(spec.parquetName(), 0, problem, null));
                    errorCount++;
                    Files.deleteIfExists(dir.resolve(spec.fileName()));
                }
            }
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                if (Files.exists(dir.resolve(spec.fileName()))) {
                    present.add(spec);
                } else if (spec.required() && !parquet.contains(spec)) {
                    errors.add(new ImportFormat.RowError(spec.fileName(), 0, "monitoring.import.error.missingFile",
                            null));
                    errorCount++;
                }
            }
            long totalBytes = 0;
            for (var spec : present) {
                totalBytes += Files.size(dir.resolve(spec.fileName()));
            }
            Set<String> persons = present.contains(ImportFormat.PERSONS) ? new HashSet<>() : null;
            long doneBytes = 0;
            for (var spec : present) {
                Path file = dir.resolve(spec.fileName());
                long before = doneBytes;
                long size = Files.size(file);
                long total = Math.max(1, totalBytes);
                var checked = ImportFormat.check(spec, file, persons, ERROR_LIMIT - errors.size(), line -> progress(id,
                        1 + (int) (49 * Math.min(1.0, (before + size * 0.5) / total))));
                if (parquet.contains(spec)) {
                    // reported as the Parquet file and its row number (the first row is 1)
                    for (var error : checked.errors()) {
                        errors.add(new ImportFormat.RowError(spec.parquetName(), error.line() - 1, error.reasonKey(),
                                error.column()));
                    }
                } else {
                    errors.addAll(checked.errors());
                }
                errorCount += checked.errorCount();
                doneBytes += size;
                progress(id, 1 + (int) (49 * doneBytes / total));
            }
            if (errorCount > 0) {
                refuse(id, errors, errorCount);
                return;
            }
            step(id, "RUNNING", 50, "monitoring.import.step.loading");
            var counts = load(id, dir, present);
            if (counts == null) {
                return;
            }
            int version = jdbc.sql("SELECT coalesce(max(data_version), 0) + 1 FROM monitoring_import")
                    .query(Integer.class).single();
            try (Connection duck = store.connect()) {
                swap(duck, version);
            }
            jdbc.sql("""
                    UPDATE monitoring_import SET status = 'SUCCEEDED', progress = 100, step_key = NULL,
                    data_version = :version, persons = :persons, contacts = :contacts, finished_at = now()
                    WHERE id = :id""")
                    .param("version", version).param("persons", counts[0]).param("contacts", counts[1])
                    .param("id", id).update();
            deleteUploads(dir);
        } catch (Exception e) {
            log.error("import {} failed", id, e);
            jdbc.sql("UPDATE monitoring_import SET status = 'FAILED', step_key = :step, "
                    + "finished_at = now() WHERE id = :id")
                    .param("step", runner.stopping() ? "monitoring.job.interrupted" : "monitoring.job.failed")
                    .param("id", id).update();
            // nothing person-level stays behind a failed import: its uploaded files and its staging tables go
            deleteUploads(uploads(id));
            dropStaging();
        }
    }

    /** Drops the staging tables of an import that did not reach the swap (they hold person-level rows). */
    void dropStaging() {
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                statement.execute("DROP TABLE IF EXISTS stage_" + spec.table());
            }
        } catch (SQLException e) {
            log.warn("could not drop the staging tables", e);
        }
    }

    /** Loads every file into its staging table; returns {persons, contacts}, or null when the import was refused. */
    private long[] load(long id, Path dir, List<ImportFormat.FileSpec> present) throws SQLException {
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            stage(statement, dir, present, done -> progress(id, 50 + 45 * done / ImportFormat.FILES.size()));
            long duplicates = single(statement, "SELECT count(*) - count(DISTINCT contact_id) FROM stage_hospital_contact");
            if (duplicates > 0) {
                refuse(id, List.of(new ImportFormat.RowError(ImportFormat.HOSPITAL_CONTACTS.fileName(), 0,
                        "monitoring.import.error.duplicateContacts", "contact_id")), duplicates);
                for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                    statement.execute("DROP TABLE IF EXISTS stage_" + spec.table());
                }
                return null;
            }
            return new long[] {single(statement, "SELECT count(*) FROM stage_person"),
                single(statement, "SELECT count(*) FROM stage_hospital_contact")};
        }
    }

    /**
     * Writes a Parquet file of the format as the CSV text of the same rows, so that it is checked row by row and
     * loaded like CSV: dates as YYYY-MM-DD, timestamps as YYYY-MM-DDTHH:MM (with seconds they keep them, and are
     * refused), everything else as DuckDB writes it as text. A value with a comma or line break is made invalid
     * (U+FFFD) so that its row is reported, not split. Returns false when the columns are not the format's.
     */
    static boolean parquetToCsv(Statement statement, ImportFormat.FileSpec spec, Path parquet, Path csv)
            throws SQLException, IOException {
        String source = "read_parquet('" + parquet.toAbsolutePath().toString().replace("'", "''") + "')";
        var names = new ArrayList<String>();
        var types = new ArrayList<String>();
        try (ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                names.add(rs.getString("column_name"));
                types.add(rs.getString("column_type"));
            }
        }
        if (!names.equals(spec.columns())) {
            return false;
        }
        var select = new ArrayList<String>();
        for (int i = 0; i < names.size(); i++) {
            String c = "\"" + names.get(i) + "\"";
            String type = types.get(i);
            if (type.startsWith("TIMESTAMP")) {
                select.add("CASE WHEN date_trunc('minute', " + c + ") = " + c + " THEN strftime(" + c
                        + ", '%Y-%m-%dT%H:%M') ELSE CAST(" + c + " AS VARCHAR) END");
            } else if (type.equals("DATE")) {
                select.add("strftime(" + c + ", '%Y-%m-%d')");
            } else {
                select.add("CAST(" + c + " AS VARCHAR)");
            }
        }
        try (var out = Files.newBufferedWriter(csv, java.nio.charset.StandardCharsets.UTF_8);
                ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", select) + " FROM " + source)) {
            out.write(String.join(",", names));
            out.newLine();
            var row = new StringBuilder();
            while (rs.next()) {
                row.setLength(0);
                for (int i = 1; i <= names.size(); i++) {
                    String value = rs.getString(i);
                    if (i > 1) {
                        row.append(',');
                    }
                    if (value != null) {
                        row.append(value.matches("(?s).*[,\\r\\n].*") ? "\uFFFD" : value);
                    }
                }
                out.write(row.toString());
                out.newLine();
            }
        }
        return true;
    }

    /** Creates the staging tables and loads the present files into them (absent optional files: empty tables). */
    static void stage(Statement statement, Path dir, List<ImportFormat.FileSpec> present,
            java.util.function.IntConsumer progress) throws SQLException {
        int i = 0;
        for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
            statement.execute("DROP TABLE IF EXISTS stage_" + spec.table());
            String columns = spec.columns0().stream().map(c -> c.name() + " " + c.type())
                    .collect(Collectors.joining(", "));
            statement.execute("CREATE TABLE stage_" + spec.table() + " (" + columns + ")");
            if (present.contains(spec)) {
                String types = spec.columns0().stream().map(c -> "'" + c.name() + "': '" + c.type() + "'")
                        .collect(Collectors.joining(", "));
                statement.execute("INSERT INTO stage_" + spec.table() + " SELECT * FROM read_csv('"
                        + dir.resolve(spec.fileName()).toAbsolutePath().toString().replace("'", "''")
                        + "', header = true, delim = ',', quote = '', escape = '', auto_detect = false, "
                        + "timestampformat = '%Y-%m-%dT%H:%M', dateformat = '%Y-%m-%d', columns = {" + types + "})");
            }
            progress.accept(++i);
        }
    }

    /**
     * Replaces the live tables by the staging tables in one DuckDB transaction: either all of the new data is live
     * with its data version, or (on any failure, a crash included) all of the previous data still is.
     */
    static void swap(Connection duck, int version) throws SQLException {
        boolean autoCommit = duck.getAutoCommit();
        duck.setAutoCommit(false);
        try (Statement statement = duck.createStatement()) {
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                statement.execute("DROP TABLE IF EXISTS " + spec.table());
                statement.execute("ALTER TABLE stage_" + spec.table() + " RENAME TO " + spec.table());
            }
            statement.execute("CREATE TABLE IF NOT EXISTS data_version (version INTEGER, cutoff_ts TIMESTAMP)");
            statement.execute("DELETE FROM data_version");
            statement.execute("INSERT INTO data_version SELECT " + version + ", max(greatest(start_ts, "
                    + "coalesce(end_ts, start_ts))) FROM hospital_contact");
            duck.commit();
        } catch (SQLException | RuntimeException e) {
            duck.rollback();
            throw e;
        } finally {
            duck.setAutoCommit(autoCommit);
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void refuse(long id, List<ImportFormat.RowError> errors, long errorCount) {
        for (var error : errors) {
            jdbc.sql("""
                    INSERT INTO monitoring_import_error (import_id, file_name, line, reason_key, column_name)
                    VALUES (:id, :file, :line, :reason, :column)""")
                    .param("id", id).param("file", error.file()).param("line", error.line())
                    .param("reason", error.reasonKey()).param("column", error.column()).update();
        }
        jdbc.sql("""
                UPDATE monitoring_import SET status = 'REFUSED', step_key = NULL, error_count = :count,
                finished_at = now() WHERE id = :id""").param("count", errorCount).param("id", id).update();
        deleteUploads(uploads(id));
    }

    private void step(long id, String status, int progress, String stepKey) {
        jdbc.sql("UPDATE monitoring_import SET status = :status, progress = :progress, step_key = :step WHERE id = :id "
                + "AND status IN ('QUEUED', 'RUNNING')")
                .param("status", status).param("progress", progress).param("step", stepKey).param("id", id).update();
    }

    private void progress(long id, int progress) {
        jdbc.sql("UPDATE monitoring_import SET progress = :progress WHERE id = :id")
                .param("progress", Math.min(99, progress)).param("id", id).update();
    }

    private Path uploads(long id) {
        return store.directory().resolve("uploads").resolve(String.valueOf(id));
    }

    private static void deleteUploads(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.warn("could not delete the uploaded files in {}", dir, e);
        }
    }

    static ImportJob map(ResultSet rs, int row) throws SQLException {
        return new ImportJob(rs.getLong("id"), JobStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
                rs.getString("step_key"), rs.getString("files"), rs.getLong("error_count"),
                (Integer) rs.getObject("data_version"), (Long) rs.getObject("persons"),
                (Long) rs.getObject("contacts"), rs.getString("by_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
    }
}
