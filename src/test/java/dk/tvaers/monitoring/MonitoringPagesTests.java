package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The analyst's job pages: a progress bar that works with and without JavaScript, and import form errors. */
@IntegrationTest
class MonitoringPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Initiatives initiatives;

    private long runningRun() {
        long initiative = initiatives.start(new NewInitiative("Løbende " + System.nanoTime(), "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        return jdbc.sql("""
                INSERT INTO monitoring_run (initiative_id, window_days, by_name, status, progress, step_key)
                VALUES (:initiative, 365, 'Test', 'RUNNING', 40, 'monitoring.run.step.stays') RETURNING id""")
                .param("initiative", initiative).query(Long.class).single();
    }

    @Test
    void aRunningRunShowsItsProgressBarARefreshLinkAndPollsWithHtmx() {
        long id = runningRun();
        var page = mvc.get().uri("/analyse/koersler/" + id).with(user("analytiker").roles("ANALYST"));
        assertThat(page).hasStatusOk().bodyText()
                .contains("<progress id=\"run-progress\" max=\"100\" value=\"40\">")
                .contains("40 % færdig", "Danner sygehusophold", "href=\"/analyse/koersler/" + id + "\"")
                .contains("hx-trigger=\"every 1s\"");
        var fragment = mvc.get().uri("/analyse/koersler/" + id).header("HX-Request", "true")
                .with(user("analytiker").roles("ANALYST"));
        assertThat(fragment).hasStatusOk().bodyText().startsWith("<div id=\"job-status\"").doesNotContain("<html");
    }

    @Test
    void anImportWithoutFilesAsksForThem() {
        var page = mvc.post().uri("/analyse/import").with(user("analytiker").roles("ANALYST")).with(csrf())
                .multipart();
        assertThat(page).hasStatusOk().bodyText().contains("data-error-summary", "Vælg mindst én fil.");
    }

    @Test
    void acceptsParquetFilesOfTheFormatAndRefusesOtherNames() {
        var refused = mvc.post().uri("/analyse/import").with(user("analytiker").roles("ANALYST")).with(csrf())
                .multipart().file(new MockMultipartFile("files", "persons.xlsx", null, new byte[] {1}));
        assertThat(refused).hasStatusOk().bodyText().contains("Filen persons.xlsx hører ikke til importformatet.");
        assertThat(ImportFormat.spec("persons.parquet")).isSameAs(ImportFormat.PERSONS);
        assertThat(ImportFormat.spec("hospital_contacts.parquet")).isSameAs(ImportFormat.HOSPITAL_CONTACTS);
        assertThat(ImportFormat.spec("persons.xlsx")).isNull();
    }

    @Test
    void theDashboardSaysSoWhenNothingWasComputed() {
        long initiative = initiatives.start(new NewInitiative("Uberegnet " + System.nanoTime(), "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        var page = mvc.get().uri("/initiativer/" + initiative + "/triple-aim").with(user("borger").roles("STAFF"));
        assertThat(page).hasStatusOk().bodyText().contains("Der er endnu ingen beregning for dette initiativ.");
    }
}
