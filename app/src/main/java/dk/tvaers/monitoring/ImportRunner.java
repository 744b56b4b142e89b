package dk.tvaers.monitoring;

import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.monitoring.ImportFormat.FileSpec;
import dk.tvaers.monitoring.ImportFormat.RowError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One import as a background job (started by {@link Imports}). All or nothing: DuckDB reads every file into its
 * staging table, checking every value and the rules across rows ({@link ImportChecks}); a single bad row refuses the
 * whole import, and then {@link RowChecker} reads the files again to name every bad row with file and line (its
 * errors are kept). The staging tables are swapped for the live tables in one DuckDB transaction, so a crash at any
 * point leaves the previous data as it was. An import cut off by a shutdown keeps its uploaded files, so the analyst can resume it.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final String ERROR = "monitoring.import.error.";

    private final JdbcClient jdbc;
    private final AnalyticStore store;
    private final JobRunner runner;
    private final Initiatives initiatives;

    ImportRunner(JdbcClient jdbc, AnalyticStore store, JobRunner runner, Initiatives initiatives) {
        this.jdbc = jdbc;
        this.store = store;
        this.runner = runner;
        this.initiatives = initiatives;
    }

    void run(long id) {
        Path dir = Imports.uploads(store, id);
        // written from Parquet by this run: removed again whatever happens, the stored upload stays as it came
        var converted = new ArrayList<Path>();
        try {
            step(id, 1, "monitoring.import.step.checking");
            String kind = jdbc.sql("SELECT kind FROM monitoring_import WHERE id = :id").param("id", id)
                    .query(String.class).single();
            if ("OMOP".equals(kind)) {
                runOmop(id, dir);
                return;
            }
            boolean append = "APPEND".equals(kind);
            // the usual case: DuckDB reads, checks and stages every file itself (ADR 0042)
            boolean clean;
            try (Connection duck = store.connect()) {
                clean = ImportChecks.stage(duck, dir, append, initiative -> initiatives.find(initiative).isPresent(),
                        done -> progress(id, 1 + 94 * done / ImportFormat.FILES.size()));
            }
            if (clean) {
                if (!append || appendAllowed(id, dir)) {
                    succeed(id, append, null);
                }
                return;
            }
            // something is wrong: the row checker reads the files again to name every bad row
            progress(id, 1);
            var present = new ArrayList<FileSpec>();
            var errors = new ArrayList<RowError>();
            long errorCount = 0;
            // Parquet files become CSV text first (checked with their row numbers below)
            var parquet = new HashSet<FileSpec>();
            for (FileSpec spec : ImportFormat.FILES) {
                if (!Files.exists(dir.resolve(spec.parquetName()))) {
                    continue;
                }
                if (Files.exists(dir.resolve(spec.fileName()))) {
                    errors.add(new RowError(spec.parquetName(), 0, ERROR + "twice", null));
                    errorCount++;
                    continue;
                }
                parquet.add(spec);
                converted.add(dir.resolve(spec.fileName()));
                RowError problem;
                try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
                    List<String> names = ImportLoading.parquetToCsv(statement, spec, dir.resolve(spec.parquetName()),
                            dir.resolve(spec.fileName()));
                    problem = names.equals(spec.columns()) ? null
                            : RowChecker.headerError(spec, spec.parquetName(), names).atLine(spec.parquetName(), 0);
                } catch (SQLException e) {
                    log.info("import {}: {} is not readable as Parquet: {}", id, spec.parquetName(), e.getMessage());
                    problem = new RowError(spec.parquetName(), 0, ERROR + "parquetUnreadable", null);
                }
                if (problem != null) {
                    errors.add(problem);
                    errorCount++;
                    Files.deleteIfExists(dir.resolve(spec.fileName()));
                }
            }
            for (FileSpec spec : ImportFormat.FILES) {
                if (Files.exists(dir.resolve(spec.fileName()))) {
                    present.add(spec);
                } else if (spec.required() && !parquet.contains(spec) && !append) {
                    errors.add(new RowError(spec.fileName(), 0, ERROR + "missingFile", null));
                    errorCount++;
                }
            }
            long totalBytes = 0;
            for (var spec : present) {
                totalBytes += Files.size(dir.resolve(spec.fileName()));
            }
            // an incremental import's persons are checked in SQL against the store's as well (appendAllowed)
            Set<String> persons = present.contains(ImportFormat.PERSONS) && !append ? new HashSet<>() : null;
            var checker = new RowChecker(persons, initiative -> initiatives.find(initiative).isPresent());
            long doneBytes = 0;
            for (var spec : present) {
                Path file = dir.resolve(spec.fileName());
                long before = doneBytes;
                long size = Files.size(file);
                long total = Math.max(1, totalBytes);
                var checked = checker.check(spec, file, Imports.ERROR_LIMIT - errors.size(), line -> progress(id,
                        1 + (int) (49 * Math.min(1.0, (before + size * 0.5) / total))));
                errors.addAll(checked.errors());
                errorCount += checked.errorCount();
                doneBytes += size;
                progress(id, 1 + (int) (49 * doneBytes / total));
            }
            if (errorCount > 0) {
                refuse(id, reported(errors, checker, parquet), errorCount);
                return;
            }
            step(id, 50, "monitoring.import.step.loading");
            if (!load(id, dir, present, parquet) || append && !appendAllowed(id, dir)) {
                return;
            }
            succeed(id, append, null);
        } catch (Exception e) {
            boolean interrupted = runner.stopping();
            log.error("import {} failed{}", id, interrupted ? " (interrupted by the shutdown)" : "", e);
            jdbc.sql("UPDATE monitoring_import SET status = 'FAILED', step_key = :step, "
                    + "finished_at = now() WHERE id = :id")
                    .param("step", interrupted ? Imports.INTERRUPTED : "monitoring.job.failed")
                    .param("id", id).update();
            // nothing person-level stays behind a failed import: its staging tables go, and its uploaded files
            // too unless the shutdown cut it off (then they stay, so that the analyst can resume it)
            if (!interrupted) {
                Imports.deleteUploads(dir);
            }
            dropStaging();
        } finally {
            for (Path file : converted) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("could not delete {}", file, e);
                }
            }
        }
    }

    /**
     * An import of OMOP CDM tables (ADR 0046): DuckDB maps them into the staging tables, what could not be mapped is
     * kept as the import's notes, and the staging tables are swapped in as a full snapshot whose source is OMOP.
     */
    private void runOmop(long id, Path dir) throws SQLException {
        OmopImport.Outcome outcome;
        try (Connection duck = store.connect()) {
            outcome = OmopImport.stage(duck, dir);
        }
        for (ImportNote note : outcome.notes()) {
            jdbc.sql("INSERT INTO monitoring_import_note (import_id, note_key, row_count, examples) "
                    + "VALUES (:id, :key, :count, :examples)").param("id", id).param("key", note.key())
                    .param("count", note.count()).param("examples", note.examples()).update();
        }
        if (outcome.refused()) {
            refuse(id, outcome.errors(), outcome.errors().size());
            return;
        }
        progress(id, 95);
        succeed(id, false, "OMOP");
    }

    /**
     * The errors as the analyst reads them: a Parquet file's row numbers (the first row is 1) and, under each refused
     * row, the count of the rows that failed only because of it.
     */
    private static List<RowError> reported(List<RowError> errors, RowChecker checker, Set<FileSpec> parquet) {
        var reported = new ArrayList<RowError>();
        for (RowError error : errors) {
            RowError e = error.withDependents(checker.dependentsOf(error.file(), error.line()));
            FileSpec spec = ImportFormat.spec(e.file());
            if (spec != null && parquet.contains(spec) && e.file().equals(spec.fileName())) {
                e = e.atLine(spec.parquetName(), e.line() - 1);
            }
            reported.add(e);
        }
        return reported;
    }

    /** Loads every file into its staging table; false when the import was refused (duplicate contact ids). */
    private boolean load(long id, Path dir, List<FileSpec> present, Set<FileSpec> parquet)
            throws SQLException, IOException {
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            ImportLoading.stage(statement, dir, present,
                    done -> progress(id, 50 + 45 * done / ImportFormat.FILES.size()));
            long duplicates = ImportLoading.count(statement,
                    "SELECT count(*) - count(DISTINCT contact_id) FROM stage_hospital_contact");
            if (duplicates > 0) {
                FileSpec spec = ImportFormat.HOSPITAL_CONTACTS;
                boolean isParquet = parquet.contains(spec);
                var errors = new ArrayList<RowError>();
                var lines = ImportLoading.duplicateContacts(statement, dir.resolve(spec.fileName()),
                        Imports.ERROR_LIMIT);
                for (var duplicate : lines.entrySet()) {
                    var at = duplicate.getValue().stream().map(l -> isParquet ? l - 1 : l).toList();
                    // the later line is the error; the message names the id and the line it repeats
                    for (int i = 1; i < at.size(); i++) {
                        errors.add(new RowError(isParquet ? spec.parquetName() : spec.fileName(), at.get(i),
                                ERROR + "duplicateContact", "contact_id",
                                List.of(duplicate.getKey(), String.valueOf(at.getFirst())), 0));
                    }
                }
                ImportLoading.dropStaging(statement);
                refuse(id, errors.subList(0, Math.min(errors.size(), Imports.ERROR_LIMIT)), duplicates);
                return false;
            }
            return true;
        }
    }

    /**
     * The rules of an incremental import against the data in the store ({@link AppendChecks#appendProblems}); when
     * one is broken the import is refused (its staging tables dropped) and false returned.
     */
    private boolean appendAllowed(long id, Path dir) throws SQLException {
        List<RowError> problems;
        try (Connection duck = store.connect()) {
            problems = AppendChecks.appendProblems(duck, dir);
        }
        if (problems.isEmpty()) {
            return true;
        }
        dropStaging();
        refuse(id, problems, problems.size());
        return false;
    }

    /**
     * Swaps (or appends) the staging tables in and records the new data version with its source: {@code OMOP}, or
     * for a full import in the format {@code TVAERS}; new events keep the source of the data they are added to.
     */
    private void succeed(long id, boolean append, String omop) throws SQLException {
        String source = omop != null ? omop : !append ? "TVAERS" : jdbc.sql("""
                SELECT source FROM monitoring_import WHERE status = 'SUCCEEDED' ORDER BY data_version DESC LIMIT 1""")
                .query(String.class).optional().orElse("TVAERS");
        long persons;
        long contacts;
        int version = jdbc.sql("SELECT coalesce(max(data_version), 0) + 1 FROM monitoring_import")
                .query(Integer.class).single();
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            persons = ImportLoading.count(statement, "SELECT count(*) FROM stage_person");
            contacts = ImportLoading.count(statement, "SELECT count(*) FROM stage_hospital_contact");
            if (append) {
                ImportLoading.append(duck, version);
            } else {
                ImportLoading.swap(duck, version);
            }
        }
        jdbc.sql("""
                UPDATE monitoring_import SET status = 'SUCCEEDED', progress = 100, step_key = NULL,
                data_version = :version, persons = :persons, contacts = :contacts, finished_at = now(),
                source = :source WHERE id = :id""")
                .param("version", version).param("source", source).param("persons", persons).param("contacts", contacts)
                .param("id", id).update();
        Imports.deleteUploads(Imports.uploads(store, id));
        // an older interrupted import can no longer be resumed (it would replace these newer data): its files go
        for (Long older : jdbc.sql("SELECT id FROM monitoring_import WHERE id < :id AND status = 'FAILED' "
                + "AND step_key = :step").param("id", id).param("step", Imports.INTERRUPTED).query(Long.class)
                .list()) {
            Imports.deleteUploads(Imports.uploads(store, older));
        }
    }

    /** Drops the staging tables of an import that did not reach the swap (they hold person-level rows). */
    void dropStaging() {
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            ImportLoading.dropStaging(statement);
        } catch (SQLException e) {
            log.warn("could not drop the staging tables", e);
        }
    }

    private void refuse(long id, List<RowError> errors, long errorCount) {
        for (var error : errors) {
            jdbc.sql("""
                    INSERT INTO monitoring_import_error (import_id, file_name, line, reason_key, column_name,
                    arguments, dependents) VALUES (:id, :file, :line, :reason, :column, :arguments, :dependents)""")
                    .param("id", id).param("file", error.file()).param("line", error.line())
                    .param("reason", error.reasonKey()).param("column", error.column())
                    .param("arguments", error.arguments().isEmpty() ? null
                            : String.join(Imports.ARGUMENT_SEPARATOR, error.arguments()))
                    .param("dependents", error.dependents()).update();
        }
        jdbc.sql("""
                UPDATE monitoring_import SET status = 'REFUSED', step_key = NULL, error_count = :count,
                finished_at = now() WHERE id = :id""").param("count", errorCount).param("id", id).update();
        Imports.deleteUploads(Imports.uploads(store, id));
    }

    private void step(long id, int progress, String stepKey) {
        jdbc.sql("UPDATE monitoring_import SET status = 'RUNNING', progress = :progress, step_key = :step "
                + "WHERE id = :id AND status IN ('QUEUED', 'RUNNING')")
                .param("progress", progress).param("step", stepKey).param("id", id).update();
    }

    private void progress(long id, int progress) {
        jdbc.sql("UPDATE monitoring_import SET progress = :progress WHERE id = :id")
                .param("progress", Math.min(99, progress)).param("id", id).update();
    }
}
