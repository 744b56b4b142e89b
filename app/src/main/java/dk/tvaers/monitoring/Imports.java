package dk.tvaers.monitoring;

import dk.tvaers.accounts.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports of event files (format v1) into the analytic store, as background jobs ({@link ImportRunner}): start one
 * from uploaded files, follow it, read its errors, and resume one that a shutdown cut off. Each successful import is
 * a new data version.
 */
@Service
public class Imports {

    /** At most this many errors are kept per import (the count of all of them is kept too). */
    static final int ERROR_LIMIT = 1000;
    /** The step key of a job that a shutdown or crash cut off. */
    static final String INTERRUPTED = "monitoring.job.interrupted";
    /** Between the arguments of an error's message in the database. */
    static final String ARGUMENT_SEPARATOR = "\u001F";

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final JdbcClient jdbc;
    private final AnalyticStore store;
    private final JobRunner runner;
    private final ImportRunner job;

    Imports(JdbcClient jdbc, AnalyticStore store, JobRunner runner, ImportRunner job) {
        this.jdbc = jdbc;
        this.store = store;
        this.runner = runner;
        this.job = job;
        // on shutdown: what did not finish is marked interrupted at once, not only at the next start
        runner.onStop(this::markUnfinished);
    }

    /**
     * Jobs that were under way when the application stopped did not finish: say so. Their uploaded files stay, so
     * that the analyst can resume them; every other upload directory and the staging tables (person-level rows) go:
     * no job runs yet at start.
     */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        // only the node that runs the jobs: another node starting must not fail the owner's running job (ADR 0023)
        if (!runner.owner()) {
            return;
        }
        markUnfinished();
        var resumable = new HashSet<>(jdbc.sql("SELECT id FROM monitoring_import WHERE status = 'FAILED' "
                + "AND step_key = :step").param("step", INTERRUPTED).query(Long.class).list());
        Path uploads = store.directory().resolve("uploads");
        if (Files.isDirectory(uploads)) {
            try (var dirs = Files.list(uploads)) {
                for (Path dir : dirs.toList()) {
                    String name = dir.getFileName().toString();
                    if (!name.matches("[0-9]{1,18}") || !resumable.contains(Long.parseLong(name))) {
                        deleteUploads(dir);
                    }
                }
            } catch (IOException e) {
                log.warn("could not list {}", uploads, e);
            }
        }
        job.dropStaging();
    }

    /** Marks the jobs that did not finish as interrupted (at start, and on shutdown once the job thread stopped). */
    private void markUnfinished() {
        jdbc.sql("UPDATE monitoring_import SET status = 'FAILED', step_key = :step, "
                + "finished_at = now() WHERE status IN ('QUEUED', 'RUNNING')").param("step", INTERRUPTED).update();
    }

    /**
     * Saves the uploaded files (file name → content) and starts their import in the background. File names must be
     * those of the format; unknown names are refused before anything is saved.
     */
    public long start(Map<String, InputStream> files, Actor actor) throws IOException {
        return start(files, actor, false);
    }

    /**
     * As {@link #start(Map, Actor)}; with {@code append} the files are new events added to the data now in the
     * store as a new data version (docs/import-format-v1.md, "Incremental imports"), not a full snapshot.
     */
    public long start(Map<String, InputStream> files, Actor actor, boolean append) throws IOException {
        for (String name : files.keySet()) {
            if (ImportFormat.spec(name) == null) {
                throw new IllegalArgumentException("unknown file " + name);
            }
        }
        return start(files, actor, append ? "APPEND" : "FULL");
    }

    /**
     * Saves uploaded OMOP CDM v5.4 tables ({@code person.csv}, {@code visit_occurrence.parquet}, …; ADR 0046) and
     * starts their import in the background: mapped into the event model as a full snapshot, what cannot be mapped
     * counted in the import's notes. Names other than the OMOP tables read are refused before anything is saved.
     */
    public long startOmop(Map<String, InputStream> files, Actor actor) throws IOException {
        for (String name : files.keySet()) {
            if (!isOmopFile(name)) {
                throw new IllegalArgumentException("unknown file " + name);
            }
        }
        return start(files, actor, "OMOP");
    }

    /** Whether the name is one of the OMOP tables an OMOP import reads, as CSV or Parquet. */
    public static boolean isOmopFile(String name) {
        return OmopImport.table(name) != null;
    }

    /** The OMOP tables an OMOP import reads, for the page: {@code person}, {@code visit_occurrence}, … */
    public static List<String> omopTables() {
        return OmopImport.TABLES.stream().map(OmopImport.Table::name).toList();
    }

    private long start(Map<String, InputStream> files, Actor actor, String kind) throws IOException {
        String names = files.keySet().stream().sorted().collect(Collectors.joining(", "));
        long id = jdbc.sql("""
                INSERT INTO monitoring_import (files, by_user_id, by_name, kind) VALUES (:files, :by, :name, :kind)
                RETURNING id""")
                .param("files", names).param("by", actor.id()).param("name", actor.name())
                .param("kind", kind)
                .query(Long.class).single();
        Path dir = uploads(store, id);
        Files.createDirectories(dir);
        for (var file : files.entrySet()) {
            Files.copy(file.getValue(), dir.resolve(file.getKey()), StandardCopyOption.REPLACE_EXISTING);
        }
        runner.submit(() -> job.run(id));
        return id;
    }

    /** Starts the OMOP import of a directory that holds OMOP tables as CSV or Parquet (see {@link #startOmop}). */
    public long startOmopFromDirectory(Path source, Actor actor) throws IOException {
        var files = new LinkedHashMap<String, InputStream>();
        try (var list = Files.list(source)) {
            for (Path file : list.sorted().toList()) {
                if (isOmopFile(file.getFileName().toString())) {
                    files.put(file.getFileName().toString(), Files.newInputStream(file));
                }
            }
            return startOmop(files, actor);
        } finally {
            for (InputStream in : files.values()) {
                in.close();
            }
        }
    }

    /** Starts the import of a directory that already holds files of the format (the generator's output). */
    public long startFromDirectory(Path source, Actor actor) throws IOException {
        return startFromDirectory(source, actor, false);
    }

    /** As {@link #startFromDirectory(Path, Actor)}, appending when {@code append} (see {@link #start}). */
    public long startFromDirectory(Path source, Actor actor, boolean append) throws IOException {
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
            return start(files, actor, append);
        } finally {
            for (InputStream in : files.values()) {
                in.close();
            }
        }
    }

    /**
     * Whether the analyst can resume this import: a shutdown or crash cut it off, its uploaded files are still
     * there, and no later import has succeeded since (resuming it would replace those newer data).
     */
    public boolean resumable(ImportJob candidate) {
        return candidate.status() == JobStatus.FAILED && INTERRUPTED.equals(candidate.stepKey())
                && Files.isDirectory(uploads(store, candidate.id()))
                && jdbc.sql("SELECT count(*) FROM monitoring_import WHERE id > :id AND status = 'SUCCEEDED'")
                        .param("id", candidate.id()).query(Long.class).single() == 0;
    }

    /**
     * Runs an interrupted import again from its stored upload, as the same import (its number stays). False when it
     * cannot be resumed ({@link #resumable}).
     */
    public boolean resume(long id) {
        ImportJob candidate = find(id).orElse(null);
        if (candidate == null || !resumable(candidate)) {
            return false;
        }
        int updated = jdbc.sql("""
                UPDATE monitoring_import SET status = 'QUEUED', progress = 0, step_key = NULL, error_count = 0,
                finished_at = NULL WHERE id = :id AND status = 'FAILED' AND step_key = :step""")
                .param("id", id).param("step", INTERRUPTED).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM monitoring_import_error WHERE import_id = :id").param("id", id).update();
        runner.submit(() -> job.run(id));
        return true;
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
                SELECT file_name, line, reason_key, column_name, arguments, dependents FROM monitoring_import_error
                WHERE import_id = :id ORDER BY id""")
                .param("id", id)
                .query((rs, n) -> new ImportFormat.RowError(rs.getString("file_name"), rs.getLong("line"),
                        rs.getString("reason_key"), rs.getString("column_name"),
                        rs.getString("arguments") == null ? List.of()
                                : Arrays.asList(rs.getString("arguments").split(ARGUMENT_SEPARATOR, -1)),
                        rs.getLong("dependents")))
                .list();
    }

    /** What an OMOP import could not map or completed, in the order found (none for an import in the format). */
    public List<ImportNote> notes(long id) {
        return jdbc.sql("SELECT note_key, row_count, examples FROM monitoring_import_note WHERE import_id = :id "
                + "ORDER BY id").param("id", id)
                .query((rs, n) -> new ImportNote(rs.getString("note_key"), rs.getLong("row_count"),
                        rs.getString("examples")))
                .list();
    }

    /** The data version now in the analytic store, if anything was imported. */
    public Optional<Integer> currentDataVersion() {
        return jdbc.sql("SELECT max(data_version) FROM monitoring_import WHERE status = 'SUCCEEDED'")
                .query(Integer.class).optional();
    }

    /** Runs the import on the calling thread (tests). */
    void run(long id) {
        job.run(id);
    }

    static Path uploads(AnalyticStore store, long id) {
        return store.directory().resolve("uploads").resolve(String.valueOf(id));
    }

    static void deleteUploads(Path dir) {
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
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                "APPEND".equals(rs.getString("kind")), "OMOP".equals(rs.getString("kind")));
    }
}
