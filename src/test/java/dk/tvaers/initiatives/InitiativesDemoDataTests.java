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

    @Test
    void loadsTheFourteenLaboratoriesOnce() {
        var demo = new InitiativesDemoData(initiatives, organisations);

        demo.run(null);
        demo.run(null);

        var laboratories = initiatives.search(new Initiatives.Filter(null, null, InitiativeKind.LABORATORY, null), 1, 100)
                .items().stream().filter(i -> InitiativesDemoData.LABORATORIES.contains(i.title())).toList();
        assertThat(laboratories).hasSize(14).allMatch(Initiative::crossSector);
        assertThat(laboratories).filteredOn(i -> i.phase() == Phase.USEFUL).hasSize(2);
    }
}
