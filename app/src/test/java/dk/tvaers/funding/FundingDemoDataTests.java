package dk.tvaers.funding;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Task Force's demo pools and grants (2012–2014): the figures add up, each grant pays for a project, and a second
 * load changes nothing.
 */
@IntegrationTest
class FundingDemoDataTests {

    @Autowired
    Funding funding;

    @Autowired
    Tranches trancheCycle;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    Initiatives initiatives;

    @Test
    void loadsTheTaskForcePoolsAndGrantsOnce() {
        var demo = new FundingDemoData(funding, trancheCycle, organisations, initiatives);

        demo.run(null);
        demo.run(null);

        Pool pool2012 = funding.pools().stream().filter(pool -> pool.name().equals(FundingDemoData.POOL_2012))
                .findFirst().orElseThrow();
        Pool pool2014 = funding.pools().stream().filter(pool -> pool.name().equals(FundingDemoData.POOL_2014))
                .findFirst().orElseThrow();
        PoolFigures figures = funding.figures(pool2012.id());
        assertThat(pool2012.amount()).isEqualTo(Money.ofKroner(20_000_000));
        assertThat(pool2014.amount()).isEqualTo(Money.ofKroner(10_000_000));
        assertThat(funding.grants(pool2012.id())).hasSize(FundingDemoData.GRANTS.size());
        assertThat(figures.granted()).isEqualTo(Money.ofKroner(6_950_000));
        assertThat(figures.paid()).isEqualTo(Money.ofKroner(3_475_000));
        assertThat(figures.remaining()).isEqualTo(Money.ofKroner(13_050_000));
        assertThat(funding.grants(pool2012.id())).extracting(Grant::title)
                .contains("Telemedicinsk servicecenter – tryghed for borgere med kronisk sygdom",
                        "Eksperiment: Slip sundheden fri");
        assertThat(funding.grants(pool2012.id())).allSatisfy(grant -> {
            var project = initiatives.find(grant.initiativeId()).orElseThrow();
            assertThat(project.kind()).isEqualTo(InitiativeKind.PROJECT);
            assertThat(project.title()).isEqualTo(grant.title());
        });
    }
}
