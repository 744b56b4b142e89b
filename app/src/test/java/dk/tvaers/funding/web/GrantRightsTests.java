package dk.tvaers.funding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.GrantDecision;
import dk.tvaers.funding.TrancheStatus;
import dk.tvaers.funding.Tranches;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rights on the grant's rows (ADR 0017): only the recipient's people and those of the organisations the grant is
 * shared with (the consortium) file a progress report, which is what releases money; the grant's page is for them,
 * the Task Force and finance. Anyone else gets 404, as if the grant did not exist.
 */
@IntegrationTest
class GrantRightsTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Funding funding;

    @Autowired
    Tranches trancheCycle;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Test
    void staffOfAnUnrelatedOrganisationNeitherSeesTheGrantNorReportsOnIt() throws Exception {
        long recipient = organisation();
        long grant = grant(recipient);
        long tranche = trancheCycle.tranches(grant).getFirst().id();
        var stranger = user(organisation(), Role.STAFF);
        var consultant = user(organisation(), Role.INNOVATION_CONSULTANT);

        assertThat(status(get("/finansiering/bevillinger/" + grant), stranger)).isEqualTo(404);
        assertThat(status(post("/finansiering/rater/" + tranche + "/rapport").param("body", "Alt går godt"), stranger))
                .isEqualTo(404);
        assertThat(status(post("/finansiering/rater/" + tranche + "/rapport").param("body", "Alt går godt"),
                consultant)).isEqualTo(404);
        assertThat(trancheCycle.tranche(tranche).status()).isEqualTo(TrancheStatus.PLANNED);
        assertThat(trancheCycle.reports(grant)).isEmpty();
    }

    @Test
    void theRecipientsPeopleAndTheConsortiumsReport() throws Exception {
        long recipient = organisation();
        long member = organisation();
        long grant = grant(recipient);
        funding.shareWith(grant, List.of(member));
        List<Long> tranches = trancheCycle.tranches(grant).stream().map(t -> t.id()).toList();

        var own = user(recipient, Role.STAFF);
        assertThat(status(get("/finansiering/bevillinger/" + grant), own)).isEqualTo(200);
        assertThat(status(post("/finansiering/rater/" + tranches.get(0) + "/rapport").param("body", "Første rapport"),
                own)).isEqualTo(302);

        var fromMember = user(member, Role.INNOVATION_CONSULTANT);
        assertThat(status(get("/finansiering/bevillinger/" + grant), fromMember)).isEqualTo(200);
        assertThat(status(post("/finansiering/rater/" + tranches.get(1) + "/rapport").param("body", "Anden rapport"),
                fromMember)).isEqualTo(302);

        assertThat(trancheCycle.tranches(grant)).extracting(t -> t.status())
                .containsExactly(TrancheStatus.REPORTED, TrancheStatus.REPORTED);
    }

    @Test
    void theTaskForceAndFinanceSeeEveryGrantButDoNotReport() throws Exception {
        long grant = grant(organisation());
        long tranche = trancheCycle.tranches(grant).getFirst().id();
        var taskForce = user(organisation(), Role.TASK_FORCE);
        var finance = user(organisation(), Role.FINANCE);

        assertThat(status(get("/finansiering/bevillinger/" + grant), taskForce)).isEqualTo(200);
        assertThat(status(get("/finansiering/bevillinger/" + grant), finance)).isEqualTo(200);
        var staffTaskForce = user(organisation(), Role.STAFF, Role.TASK_FORCE);
        assertThat(status(post("/finansiering/rater/" + tranche + "/rapport").param("body", "Rapport"),
                staffTaskForce)).isEqualTo(404);
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            UsernamePasswordAuthenticationToken who) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(who))).andReturn().getResponse().getStatus();
    }

    private long organisation() {
        return organisations.create(new OrganisationDetails("Rettigheder " + SEQUENCE.incrementAndGet() + " "
                + System.nanoTime(), Sector.MUNICIPALITY, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
    }

    private UsernamePasswordAuthenticationToken user(long organisationId, Role... roles) {
        int n = SEQUENCE.incrementAndGet();
        long id = users.create(new UserAttributes("grant-rights-" + n + "-" + System.nanoTime() + "@test.tvaers.dk",
                "Bruger " + n, organisationId, EnumSet.copyOf(List.of(roles))), "Rolig-Rød-Cykel-" + n, false,
                Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private long grant(long recipient) {
        long pool = funding.createPool("Rettighedspulje " + SEQUENCE.incrementAndGet() + " " + System.nanoTime(),
                Region.MIDTJYLLAND, Money.ofKroner(1_000_000), 2026, 2027);
        return funding.grant(new GrantDecision(pool, "Bevilling " + SEQUENCE.incrementAndGet(), recipient,
                Money.ofKroner(200_000), Money.ofKroner(200_000), null, List.of(
                        new GrantDecision.NewTranche(Money.ofKroner(100_000), LocalDate.of(2026, 6, 30)),
                        new GrantDecision.NewTranche(Money.ofKroner(100_000), LocalDate.of(2026, 12, 31)))),
                new Actor(null, "Task Force"));
    }
}
