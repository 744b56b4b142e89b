package dk.tvaers.monitoring;

import dk.tvaers.indicators.Indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Only an initiative's newest runs keep their per-person table in the analytic store, and the pages say so; the PDF
 * carries the dashboard's charts.
 */
@IntegrationTest
class HousekeepingTests {


    @Autowired
    Imports imports;

    @Autowired
    Runs runs;

    @Autowired
    Populations populations;

    @Autowired
    Initiatives initiatives;

    @Autowired
    AnalyticStore store;

    @Autowired
    MockMvcTester mvc;

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void aRunWhoseTargetGroupIsEmptyStopsAndSaysWhy() throws Exception {
        long importId = imports.startFromDirectory(ImportFixture.copy(dir.resolve("fixture-" + System.nanoTime()),
                ImportFixture.initiative(initiatives, "Fixtur")), Actor.SYSTEM);
        assertThat(Awaiting.until(() -> imports.find(importId).orElseThrow(), j -> j.status().finished()).status())
                .isEqualTo(JobStatus.SUCCEEDED);
        // the fixture's inclusion events are for initiative 9, not this one
        long initiative = initiatives.start(new NewInitiative("Tom " + System.nanoTime(), "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        long id = runs.start(initiative, 365, Actor.SYSTEM);
        IndicatorRun run = Awaiting.until(() -> runs.find(id).orElseThrow(), r -> r.status().finished());
        assertThat(run.status()).isEqualTo(JobStatus.FAILED);
        assertThat(run.stepKey()).isEqualTo("monitoring.run.error.emptyPopulation");
        assertThat(runs.results(id)).isEmpty();
        assertThat(runs.latestSucceeded(initiative)).isEmpty();
        assertThat(tableExists(id)).isFalse();
        assertThat(mvc.get().uri("/analyse/koersler/" + id).with(user("analytiker").roles("ANALYST")))
                .hasStatusOk().bodyText().contains("Stoppet: målgruppen er tom.");
    }

    @Test
    void keepsThePerPersonTablesOfOnlyTheNewestRunsOfAnInitiative() throws Exception {
        long importId = imports.startFromDirectory(ImportFixture.copy(dir.resolve("fixture-" + System.nanoTime()),
                ImportFixture.initiative(initiatives, "Fixtur")), Actor.SYSTEM);
        assertThat(Awaiting.until(() -> imports.find(importId).orElseThrow(), j -> j.status().finished()).status())
                .isEqualTo(JobStatus.SUCCEEDED);
        long initiative = initiatives.start(new NewInitiative("Oprydning " + System.nanoTime(), "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        populations.save(initiative, new Population.Rule(List.of("DJ"), List.of(), null, null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Population.Comparison.EVERYONE_ELSE, null, null),
                Actor.SYSTEM);
        int kept = runs.personTablesKept();
        assertThat(kept).isEqualTo(Runs.DEFAULT_PERSON_TABLES_KEPT);
        var ids = new ArrayList<Long>();
        for (int i = 0; i <= kept; i++) {
            long id = runs.start(initiative, 365, Actor.SYSTEM);
            assertThat(Awaiting.until(() -> runs.find(id).orElseThrow(), r -> r.status().finished()).status())
                    .isEqualTo(JobStatus.SUCCEEDED);
            ids.add(id);
        }
        assertThat(tableExists(ids.getFirst())).as("the oldest run's table is dropped").isFalse();
        for (long id : ids.subList(1, ids.size())) {
            assertThat(tableExists(id)).as("run %d keeps its table", id).isTrue();
        }
        assertThat(runs.personTableKept(ids.getFirst())).isFalse();
        assertThat(runs.personTableKept(ids.getLast())).isTrue();
        assertThat(mvc.get().uri("/analyse/koersler/" + ids.getFirst()).with(user("a").roles("ANALYST")))
                .hasStatusOk().bodyText().contains("Tabellen pr. person for denne kørsel er slettet",
                        "kun de seneste 3 kørsler");
        // results are for analysts (and the initiative's people) until published (issue 10 item 14)
        assertThat(mvc.get().uri("/initiativer/" + initiative + "/triple-aim").with(user("a").roles("ANALYST")))
                .hasStatusOk().bodyText().contains("Tabellen pr. person for denne kørsel er gemt");

        // the PDF draws the same charts (Batik: form XObjects) beside the tables
        var pdf = mvc.get().uri("/initiativer/" + initiative + "/triple-aim.pdf").with(user("a").roles("ANALYST"))
                .exchange().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            int charts = 0;
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    charts++;
                }
            }
            assertThat(charts).as("one chart per indicator").isGreaterThanOrEqualTo(Indicator.catalogue().size() - 2);
            // and the run charts over time (issue 12 item 9), as on the page
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Forløb måned for måned", "Akutte sygehuskontakter pr. 100 personer pr. måned");
            // drawn by PdfDocuments like every PDF: tagged PDF/UA with its language, its fonts embedded
            var catalogue = document.getDocumentCatalog();
            assertThat(catalogue.getStructureTreeRoot()).as("tagged: a structure tree").isNotNull();
            assertThat(catalogue.getMarkInfo()).isNotNull();
            assertThat(catalogue.getMarkInfo().isMarked()).isTrue();
            assertThat(catalogue.getLanguage()).isEqualTo("da");
        }
    }

    private boolean tableExists(long runId) throws SQLException {
        try (var duck = store.connect(); var statement = duck.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'run_" + runId + "_person'")) {
            rs.next();
            return rs.getLong(1) == 1;
        }
    }
}
