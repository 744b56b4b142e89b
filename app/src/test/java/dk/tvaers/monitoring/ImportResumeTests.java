package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiatives;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * An import cut off by a shutdown or a crash (issue 17 item 6): it is marked interrupted, keeps its uploaded files,
 * and the analyst resumes it with "Genoptag", which runs it again from the stored upload as the same import.
 */
@IntegrationTest
class ImportResumeTests {

    @Autowired
    Imports imports;

    @Autowired
    Initiatives initiatives;

    @Autowired
    AnalyticStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @TempDir
    Path dir;

    @Test
    void anImportCutOffByACrashIsMarkedAndTheAnalystResumesItFromTheStoredUpload() throws Exception {
        long id = crashedImport(ImportFixture.copy(dir, ImportFixture.initiative(initiatives, "Genoptag")));
        imports.markInterrupted(); // what the application does when it starts again

        ImportJob interrupted = imports.find(id).orElseThrow();
        assertThat(interrupted.status()).isEqualTo(JobStatus.FAILED);
        assertThat(interrupted.stepKey()).isEqualTo("monitoring.job.interrupted");
        assertThat(Imports.uploads(store, id)).as("the upload is kept to resume from").isDirectory();
        assertThat(imports.resumable(interrupted)).isTrue();
        assertThat(mvc.get().uri("/analyse/import/" + id).with(user("a").roles("ANALYST"))).bodyText()
                .contains("Genoptag");

        assertThat(mvc.post().uri("/analyse/import/" + id + "/genoptag").with(user("a").roles("ANALYST"))
                .with(csrf())).hasRedirectedUrl("/analyse/import/" + id);
        ImportJob resumed = Awaiting.until(() -> imports.find(id).orElseThrow(), j -> j.status().finished());
        assertThat(resumed.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(resumed.persons()).isEqualTo(6);
        assertThat(resumed.dataVersion()).isEqualTo(imports.currentDataVersion().orElseThrow());
        assertThat(Imports.uploads(store, id)).as("a finished import keeps no person-level files").doesNotExist();
        assertThat(imports.resume(id)).as("a finished import is not resumed again").isFalse();
    }

    @Test
    void anInterruptedImportOlderThanASucceededOneIsNotResumedAndItsFilesGo() throws Exception {
        Path fixture = ImportFixture.copy(dir, ImportFixture.initiative(initiatives, "Forældet"));
        long id = crashedImport(fixture);
        imports.markInterrupted();
        long later = imports.startFromDirectory(fixture, Actor.SYSTEM);
        assertThat(Awaiting.until(() -> imports.find(later).orElseThrow(), j -> j.status().finished()).status())
                .isEqualTo(JobStatus.SUCCEEDED);

        assertThat(imports.resumable(imports.find(id).orElseThrow())).isFalse();
        assertThat(Imports.uploads(store, id)).doesNotExist();
        assertThat(mvc.post().uri("/analyse/import/" + id + "/genoptag").with(user("a").roles("ANALYST"))
                .with(csrf())).hasRedirectedUrl("/analyse/import/" + id);
        assertThat(imports.find(id).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void anImportThatFailsWhileTheApplicationStopsIsMarkedInterruptedAndKeepsItsUpload() throws Exception {
        long id = crashedImport(ImportFixture.copy(dir, ImportFixture.initiative(initiatives, "Nedlukning")));
        // the job fails because the shutdown interrupts it (here: persons.csv cannot be read) on a stopping runner
        Path persons = Imports.uploads(store, id).resolve("persons.csv");
        Files.delete(persons);
        Files.createDirectories(persons);
        var stopping = new JobRunner(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), true,
                java.time.Duration.ZERO);
        stopping.stop();
        new ImportRunner(jdbc, store, stopping, initiatives).run(id);

        ImportJob interrupted = imports.find(id).orElseThrow();
        assertThat(interrupted.status()).isEqualTo(JobStatus.FAILED);
        assertThat(interrupted.stepKey()).isEqualTo("monitoring.job.interrupted");
        assertThat(Imports.uploads(store, id)).as("kept to resume from").isDirectory();
        assertThat(imports.resumable(interrupted)).isTrue();
        Files.delete(persons);
        Files.copy(ImportFixture.FIXTURE.resolve("persons.csv"), persons);
        assertThat(imports.resume(id)).isTrue();
        assertThat(Awaiting.until(() -> imports.find(id).orElseThrow(), j -> j.status().finished()).status())
                .isEqualTo(JobStatus.SUCCEEDED);
    }

    /** An import whose job was running when the process died: its row says RUNNING, its upload is on disk. */
    private long crashedImport(Path files) throws Exception {
        long id = jdbc.sql("""
                INSERT INTO monitoring_import (files, by_name, status, progress, step_key)
                VALUES ('persons.csv, …', 'Test', 'RUNNING', 60, 'monitoring.import.step.loading') RETURNING id""")
                .query(Long.class).single();
        Path upload = Imports.uploads(store, id);
        Files.createDirectories(upload);
        try (var list = Files.list(files)) {
            for (Path file : list.toList()) {
                Files.copy(file, upload.resolve(file.getFileName()));
            }
        }
        return id;
    }
}
