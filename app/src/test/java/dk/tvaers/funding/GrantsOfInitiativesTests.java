package dk.tvaers.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeFundingSource;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The funding module tells the initiative page which grants pay for it, with tranches and progress reports. */
@IntegrationTest
class GrantsOfInitiativesTests {

    private static final Actor TASK_FORCE = new Actor(null, "Torben Task Force");

    @Autowired
    Funding funding;

    @Autowired
    Tranches trancheCycle;

    @Autowired
    Initiatives initiatives;

    @Autowired
    List<InitiativeFundingSource> sources;

    @Autowired
    MockMvcTester mvc;

    @Test
    void theInitiativePageShowsTheGrantsTranchesAndProgressReports() {
        long project = initiatives.start(new NewInitiative("Telemedicin i hjemmet " + System.nanoTime(), "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), TASK_FORCE);
        long pool = funding.createPool("Statuspulje " + System.nanoTime(), Region.MIDTJYLLAND,
                Money.ofKroner(5_000_000), 2012, 2014);
        long grant = funding.grant(new GrantDecision(pool, "Telemedicinsk servicecenter", null,
                Money.ofKroner(300_000), Money.ofKroner(300_000), null, List.of(
                        new GrantDecision.NewTranche(Money.ofKroner(100_000), LocalDate.of(2013, 6, 30)),
                        new GrantDecision.NewTranche(Money.ofKroner(200_000), LocalDate.of(2013, 12, 31)))),
                TASK_FORCE);
        funding.linkInitiative(grant, project);
        long first = trancheCycle.tranches(grant).getFirst().id();
        trancheCycle.submitReport(first, "40 borgere er inkluderet, servicecentret er åbent", new Actor(null, "Pia Projektleder"));
        trancheCycle.approveReport(first, "Godt på vej", TASK_FORCE);

        var grants = sources.stream().flatMap(s -> s.grantsOf(project, LocalDate.of(2014, 1, 15)).stream()).toList();
        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.grantId()).isEqualTo(grant);
            assertThat(g.amount()).isEqualTo(Money.ofKroner(300_000));
            assertThat(g.tranches()).extracting(InitiativeFundingSource.FundedTranche::statusKey,
                    InitiativeFundingSource.FundedTranche::overdue).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("tranche.status.RELEASED", false),
                            org.assertj.core.groups.Tuple.tuple("tranche.status.PLANNED", true));
            assertThat(g.reports()).singleElement().satisfies(r -> {
                assertThat(r.trancheNumber()).isEqualTo(1);
                assertThat(r.decisionKey()).isEqualTo("report.decision.APPROVED");
            });
        });

        var page = mvc.get().uri("/initiativer/" + project).with(user("medarbejder").roles("STAFF"));
        assertThat(page).hasStatusOk().bodyText()
                .contains("href=\"/finansiering/bevillinger/" + grant + "\"", "Telemedicinsk servicecenter")
                .contains("40 borgere er inkluderet, servicecentret er åbent", "Pia Projektleder")
                .contains("31-12-2013");
        assertThat(sources.stream().flatMap(s -> s.grantsOf(initiatives.start(new NewInitiative("Uden penge", "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), TASK_FORCE),
                LocalDate.of(2014, 1, 15)).stream())).isEmpty();
    }
}
