package dk.tvaers.initiatives;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.OrganisationDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The fourteen laboratories of the demo data, cross-sector, loaded once. */
@IntegrationTest
class InitiativesDemoDataTests {

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    LaboratoryPriorities priorities;

    @Test
    void loadsTheFourteenLaboratoriesOnce() {
        var demo = new InitiativesDemoData(initiatives, organisations, priorities);

        demo.run(null);
        var laboratories = demoLaboratories();
        demo.run(null);

        assertThat(laboratories).extracting(Initiative::title)
                .containsExactlyInAnyOrderElementsOf(InitiativesDemoData.LABORATORIES);
        assertThat(laboratories).allMatch(Initiative::crossSector);
        assertThat(laboratories).filteredOn(i -> i.phase() == Phase.USEFUL).hasSize(2);
        assertThat(demoLaboratories()).as("a second load adds nothing").hasSameSizeAs(laboratories);
        assertThat(priorities.ranked()).extracting(LaboratoryPriority::laboratory)
                .filteredOn(laboratories::contains)
                .as("the steering group's order").extracting(Initiative::title)
                .containsExactlyElementsOf(InitiativesDemoData.LABORATORIES);
    }

    /** The laboratories the demo data loaded (other tests on the shared database use other titles). */
    private java.util.List<Initiative> demoLaboratories() {
        return initiatives.search(new Initiatives.Filter(null, null, InitiativeKind.LABORATORY, null), 1, 500)
                .items().stream().filter(i -> InitiativesDemoData.LABORATORIES.contains(i.title()))
                .filter(i -> i.summary().startsWith("Tværsektorielt laboratorium")).toList();
    }
}
