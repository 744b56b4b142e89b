package dk.tvaers.monitoring;

import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.indicators.IndicatorResult;
import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.TvaersApplication;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.platform.operations.Backups;
import dk.tvaers.platform.operations.Restore;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backup and restore of everything (ADR 0022): Tværs with demo data, an import and a run is backed up while a
 * writer keeps inserting into PostgreSQL; the backup is restored into a new data directory and Tværs started on it
 * finds the same rows, the same run results and the same analytic store, and the writer's rows as a gap-free prefix
 * (the database as it was at one moment, not a torn copy).
 */
class BackupRoundTripTests {

    private static final List<String> TABLES = List.of("organisation", "user_account", "initiative", "idea",
            "catalog_case", "grant_award", "idea_attachment", "initiative_document", "monitoring_import", "monitoring_run", "monitoring_result",
            "flyway_schema_history");
    private static final List<String> DUCK_TABLES = List.of("person", "hospital_contact", "data_version");

    @Test
    void aBackupTakenWhileWritingRestoresIntoANewDirectoryWithTheSameData() throws Exception {
        Path root = Path.of("target", "test-data", "backup-" + UUID.randomUUID()).toAbsolutePath();
        Path backup = root.resolve("backup");
        Map<String, Long> counts;
        Map<String, Long> duckCounts;
        List<IndicatorResult> results;
        long runId;
        long writtenBeforeBackup;
        long writtenAfterBackup;
        try (var original = start(root.resolve("data"))) {
            JdbcClient jdbc = original.getBean(JdbcClient.class);
            long initiative = original.getBean(Initiatives.class).start(new NewInitiative("Sikkerhedskopi-projekt", "",
                    InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
            Path files = root.resolve("synthetic");
            SyntheticData.write(new SyntheticData.Options(500, 3, 8, 0.3, initiative, true), files);
            var imports = original.getBean(Imports.class);
            long importId = imports.startFromDirectory(files, Actor.SYSTEM);
            assertThat(Awaiting.until(() -> imports.find(importId).orElseThrow(), j -> j.status().finished()).status())
                    .isEqualTo(JobStatus.SUCCEEDED);
            var runs = original.getBean(Runs.class);
            runId = runs.start(initiative, 365, Actor.SYSTEM);
            assertThat(Awaiting.until(() -> runs.find(runId).orElseThrow(), r -> r.status().finished()).status())
                    .isEqualTo(JobStatus.SUCCEEDED);
            results = runs.results(runId);

            // a writer busy in PostgreSQL during the whole backup: one row per transaction, numbered 1, 2, 3, ...
            jdbc.sql("CREATE TABLE backup_probe (n BIGINT PRIMARY KEY)").update();
            var writing = new AtomicBoolean(true);
            var written = new AtomicLong();
            Thread writer = Thread.ofPlatform().start(() -> {
                while (writing.get()) {
                    long n = written.get() + 1;
                    jdbc.sql("INSERT INTO backup_probe VALUES (:n)").param("n", n).update();
                    written.set(n);
                }
            });
            while (written.get() < 50) {
                Thread.sleep(10);
            }
            counts = counts(jdbc);
            duckCounts = duckCounts(original.getBean(AnalyticStore.class));
            writtenBeforeBackup = written.get();
            var manifest = original.getBean(Backups.class).backup(backup);
            writtenAfterBackup = written.get();
            writing.set(false);
            writer.join();
            assertThat(manifest.get("postgres")).startsWith("base backup of the embedded cluster");
            assertThat(writtenAfterBackup).as("the writer kept writing during the backup")
                    .isGreaterThan(writtenBeforeBackup);
        }

        Path restored = root.resolve("restored");
        Restore.run(backup, restored);
        try (var copy = start(restored)) {
            JdbcClient jdbc = copy.getBean(JdbcClient.class);
            assertThat(counts(jdbc)).isEqualTo(counts);
            assertThat(duckCounts(copy.getBean(AnalyticStore.class))).isEqualTo(duckCounts);
            assertThat(copy.getBean(Runs.class).results(runId)).isEqualTo(results);
            long rows = jdbc.sql("SELECT count(*) FROM backup_probe").query(Long.class).single();
            long highest = jdbc.sql("SELECT coalesce(max(n), 0) FROM backup_probe").query(Long.class).single();
            assertThat(rows).as("the writer's rows are a prefix without gaps").isEqualTo(highest);
            assertThat(rows).isBetween(writtenBeforeBackup, writtenAfterBackup);
            assertThat(Files.exists(restored.resolve("postgres").resolve("backup_label"))).as("recovery done").isFalse();
        }
    }

    private static Map<String, Long> counts(JdbcClient jdbc) {
        var counts = new LinkedHashMap<String, Long>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private static Map<String, Long> duckCounts(AnalyticStore store) throws Exception {
        var counts = new LinkedHashMap<String, Long>();
        try (Connection duck = store.connect(); Statement statement = duck.createStatement()) {
            for (String table : DUCK_TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM duckdb_tables()")) {
                rs.next();
                counts.put("tables", rs.getLong(1));
            }
        }
        return counts;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments win over the test profile's random data directory
        return new SpringApplicationBuilder(TvaersApplication.class).profiles("test")
                .run("--tvaers.data-dir=" + dataDir, "--server.port=0", "--tvaers.demo-data=true");
    }
}
