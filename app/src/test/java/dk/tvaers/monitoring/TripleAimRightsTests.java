package dk.tvaers.monitoring;

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
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who sees Triple Aim results (issue 10, item 14; ADR 0017): the initiative's people, analysts, consultants and the
 * Task Force until the results are published; then everyone logged in. Every view and download is audited.
 */
@IntegrationTest
class TripleAimRightsTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Test
    void unpublishedResultsAreForTheInitiativesPeopleAnalystsConsultantsAndTheTaskForce() throws Exception {
        long owner = organisation();
        long initiative = initiative(owner);
        long run = succeededRun(initiative);
        String xlsx = "/initiativer/" + initiative + "/triple-aim.xlsx";
        String pdf = "/initiativer/" + initiative + "/triple-aim.pdf";

        var citizen = user(null, Role.CITIZEN);
        var stranger = user(organisation(), Role.STAFF);
        assertThat(status(get(xlsx), citizen)).isEqualTo(404);
        assertThat(status(get(pdf), citizen)).isEqualTo(404);
        assertThat(status(get(xlsx), stranger)).isEqualTo(404);
        // the machine-readable results (issue 12) follow the same rule
        String csv = "/initiativer/" + initiative + "/triple-aim.csv";
        String json = "/initiativer/" + initiative + "/triple-aim.json";
        assertThat(status(get(csv), citizen)).isEqualTo(404);
        assertThat(status(get(json), stranger)).isEqualTo(404);
        assertThat(status(get(csv), user(owner, Role.STAFF))).isEqualTo(200);
        assertThat(status(get(json), user(organisation(), Role.ANALYST))).isEqualTo(200);
        String page = mvc.perform(get("/initiativer/" + initiative + "/triple-aim").with(authentication(stranger)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("download-excel");

        assertThat(status(get(xlsx), user(owner, Role.STAFF))).isEqualTo(200);
        assertThat(status(get(xlsx), user(organisation(), Role.ANALYST))).isEqualTo(200);
        assertThat(status(get(xlsx), user(organisation(), Role.INNOVATION_CONSULTANT))).isEqualTo(200);
        assertThat(status(get(xlsx), user(organisation(), Role.TASK_FORCE))).isEqualTo(200);
        assertThat(audited("RESULTS_DOWNLOADED", initiative, run)).isEqualTo(6);
    }

    @Test
    void publishedResultsAreForEveryoneLoggedInAndOnlyTheRightPeoplePublish() throws Exception {
        long owner = organisation();
        long initiative = initiative(owner);
        long run = succeededRun(initiative);
        String publish = "/initiativer/" + initiative + "/triple-aim/offentliggoer";
        var citizen = user(null, Role.CITIZEN);

        assertThat(status(post(publish), user(organisation(), Role.STAFF))).isEqualTo(404);
        assertThat(status(post(publish), user(organisation(), Role.ANALYST))).isEqualTo(404);
        assertThat(status(get("/initiativer/" + initiative + "/triple-aim.xlsx"), citizen)).isEqualTo(404);

        var taskForce = user(organisation(), Role.TASK_FORCE);
        String before = mvc.perform(get("/initiativer/" + initiative + "/triple-aim").with(authentication(taskForce)))
                .andReturn().getResponse().getContentAsString();
        assertThat(before).contains("results-unpublished", "publish-results");
        assertThat(status(post(publish), taskForce)).isEqualTo(302);

        assertThat(status(get("/initiativer/" + initiative + "/triple-aim.xlsx"), citizen)).isEqualTo(200);
        String after = mvc.perform(get("/initiativer/" + initiative + "/triple-aim").with(authentication(citizen)))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("download-excel", "results-published");
        assertThat(audited("RESULTS_PUBLISHED", initiative, run)).isEqualTo(1);
        assertThat(audited("RESULTS_VIEWED", initiative, run)).isEqualTo(2);
        assertThat(audited("RESULTS_DOWNLOADED", initiative, run)).isEqualTo(1);
    }

    private long audited(String kind, long initiative, long run) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE kind = :kind AND subject = :subject")
                .param("kind", kind).param("subject", "initiative " + initiative + ", run " + run)
                .query(Long.class).single();
    }

    private int status(MockHttpServletRequestBuilder request, UsernamePasswordAuthenticationToken who)
            throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(who))).andReturn().getResponse().getStatus();
    }

    private long succeededRun(long initiative) {
        return jdbc.sql("""
                INSERT INTO monitoring_run (initiative_id, window_days, by_name, status, progress, data_version,
                    definition_version, tariff_years, finished_at)
                VALUES (:initiative, 365, 'Analytiker', 'SUCCEEDED', 100, 1, 'v1', '2024', now()) RETURNING id""")
                .param("initiative", initiative).query(Long.class).single();
    }

    private long initiative(long owner) {
        return initiatives.start(new NewInitiative("Resultater " + SEQUENCE.incrementAndGet() + " " + System.nanoTime(),
                "", InitiativeKind.PROJECT, InnovationType.EVERYDAY, owner, EnumSet.of(Sector.REGION), null),
                Actor.SYSTEM);
    }

    private long organisation() {
        return organisations.create(new OrganisationDetails("Resultatorg " + SEQUENCE.incrementAndGet() + " "
                + System.nanoTime(), Sector.REGION, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
    }

    private UsernamePasswordAuthenticationToken user(Long organisationId, Role... roles) {
        int n = SEQUENCE.incrementAndGet();
        long id = users.create(new UserAttributes("resultat-" + n + "-" + System.nanoTime() + "@test.tvaers.dk",
                "Bruger " + n, organisationId, EnumSet.copyOf(List.of(roles))), "Rolig-Rød-Cykel-" + n, false,
                Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
