package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.catalog.CaseSection;
import dk.tvaers.catalog.DiseaseGroup;
import dk.tvaers.catalog.NewAssessment;
import dk.tvaers.catalog.Parameter;
import dk.tvaers.catalog.Stories;
import dk.tvaers.catalog.Theme;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** axe-core on every page of the case catalogue and the stories, public and editorial, and on its forms with errors. */
class CatalogPagesAccessibilityTests extends BrowserTest {

    @Autowired
    CaseCatalog catalog;

    @Autowired
    Stories stories;

    /** A case with every section, an assessment and published: what the public pages show (also PagesAsSeenTests). */
    static long aPublishedCase(CaseCatalog catalog, String title) {
        Map<CaseSection, String> sections = new EnumMap<>(CaseSection.class);
        for (CaseSection section : CaseSection.values()) {
            sections.put(section, "Tekst om " + section.name().toLowerCase() + ".\nEn linje mere.");
        }
        long id = catalog.create(new CaseDraft(title, "Et kort resumé", Region.SJAELLAND, Set.of(DiseaseGroup.LUNG),
                Set.of(Theme.DATA_SHARING, Theme.SOCIAL_INEQUALITY), Set.of(Sector.REGION, Sector.MUNICIPALITY),
                List.of("Region Sjælland", "En forening"), sections, 5_000_000_00L, 1_650_000_00L, 3_700_000_00L), null,
                Actor.SYSTEM);
        Map<Parameter, Integer> scores = new EnumMap<>(Parameter.class);
        Map<Parameter, String> notes = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            scores.put(p, p.ordinal() % 4 + 1);
            notes.put(p, "Begrundelse");
        }
        long assessment = catalog.assess(id, new NewAssessment(scores, notes), Actor.SYSTEM);
        catalog.publish(id, 1, assessment, Actor.SYSTEM);
        return id;
    }

    @Test
    void publicCataloguePagesHaveNoSeriousAccessibilityProblems() {
        String title = "Tilgængelig case " + unique();
        long id = aPublishedCase(catalog, title);
        long story = stories.write("En god historie", "Kort indledning.", "Selve historien.", id, null, Actor.SYSTEM);

        scan("/katalog", "Casekatalog");
        scan("/katalog?q=tilg%C3%A6ngelig&tema=DATA_SHARING&sortering=TITLE", "Casekatalog");
        scan("/katalog?q=findes-slet-ikke", "Casekatalog");
        scan("/katalog/" + id, title);
        scan("/historier", "Historier");
        scan("/historier/" + story, "En god historie");
        scan("/katalog/" + id + "?lang=en", title);
        assertNoProblems();
    }

    @Test
    void editorialPagesAndFormsWithErrorsHaveNoSeriousAccessibilityProblems() {
        String title = "Redaktionscase " + unique();
        long id = aPublishedCase(catalog, title);
        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());

        scan("/katalog/redaktion", "Alle cases og udkast");
        scan("/katalog/ny", "Skriv en ny case");
        scan("/katalog/" + id + "/redaktion", title);
        scan("/katalog/" + id + "/rediger", "Redigér case");
        scan("/katalog/" + id + "/vurdering", "Vurdér " + title);
        scan("/katalog/" + id + "/versioner/1", title);
        scan("/historier/ny", "Skriv en historie");

        open("/katalog/ny");
        type("#cost", "mange penge");
        submitAndScan("a case without title and sections");
        open("/katalog/" + id + "/vurdering");
        submitAndScan("an assessment without scores");
        open("/historier/ny");
        type("#caseId", "999999");
        submitAndScan("a story without text and with an unknown case");
        assertNoProblems();
    }
}
