package dk.tvaers.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalogue's demo data, run here by hand on the shared test database; other tests avoid its titles. */
@IntegrationTest
class CatalogDemoDataTests {

    static final List<String> TITLES = List.of("Samblik", "ViosKlinikken", "Vi samler kræfterne", "HjerteKomMidt",
            "MinSP", "V4M", "LIVA (Aalborg Kommune)", "BackTrace", "Diabetesbussen", "Sammen om dit helbred",
            "Fleksible konsultationer", "Navigatortilbud for kræftpatienter", "Sammen om diabetes");

    @Autowired
    CaseCatalog catalog;

    @Autowired
    CaseSearch search;

    @Autowired
    Stories stories;

    @Autowired
    dk.tvaers.initiatives.Initiatives initiatives;

    @Test
    void publishesTheThirteenCasesWithAnAssessmentOnceOnly() {
        var demoData = new CatalogDemoData(catalog, search, stories, initiatives);

        demoData.run(null);
        demoData.run(null);

        for (String title : TITLES) {
            var listed = search.listForEditors(title, true, 1, 10).items().stream()
                    .filter(c -> c.title().equals(title)).toList();
            assertThat(listed).as(title).hasSize(1);
            var file = catalog.find(listed.getFirst().id()).orElseThrow();
            assertThat(file.publishedAssessmentId()).as("%s is assessed", title).isNotNull();
        }
        assertThat(CatalogDemoCases.CASES).extracting(CatalogDemoCases.DemoCase::title).containsExactlyElementsOf(TITLES);
        assertThat(found("ViosKlinikken").evidenceLevel()).isEqualTo(EvidenceLevel.GOOD);
        // the two cases whose business case the economy module's demo data gives have their initiative in Tværs
        for (String title : CatalogDemoData.WITH_INITIATIVE) {
            Long initiative = catalog.find(found(title).id()).orElseThrow().initiativeId();
            assertThat(initiative).as(title).isNotNull();
            assertThat(initiatives.find(initiative).orElseThrow().title()).isEqualTo(title);
        }
        assertThat(found("Diabetesbussen").evidenceLevel()).isEqualTo(EvidenceLevel.LOW);
        assertThat(catalog.publishedVersion(found("Samblik").id()).orElseThrow().costOre()).isEqualTo(500_000_000L);
        assertThat(stories.search("navigator", 1, 10).items()).extracting(Story::caseId)
                .contains(found("Navigatortilbud for kræftpatienter").id());
    }

    private CaseSummary found(String title) {
        return search.search(new CaseSearch.Filter(title, null, null, null, null, null), CaseSearch.Sort.RELEVANCE,
                1, 50).items().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }
}
