package dk.tvaers.applications.web;

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
import dk.tvaers.applications.Consortia;
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
 * A consortium's lead (the grant's recipient) is its creator's organisation, or another only after one of that
 * organisation's people confirms (issue 10, item 9; ADR 0017). Requests and answers are in the audit log.
 */
@IntegrationTest
class ConsortiumLeadTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Consortia consortia;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherOrganisationLeadsOnlyAfterOneOfItsPeopleConfirms() throws Exception {
        long own = organisation(Sector.REGION);
        long asked = organisation(Sector.MUNICIPALITY);
        var creator = user(own, Role.STAFF);

        var created = mvc.perform(post("/konsortier/ny").with(csrf()).with(authentication(creator))
                .param("name", "Tryg udskrivelse " + SEQUENCE.incrementAndGet())
                .param("leadOrganisationId", String.valueOf(asked))).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        long id = Long.parseLong(created.getRedirectedUrl().replace("/konsortier/", ""));
        assertThat(consortia.find(id).leadOrganisationId()).as("lead before confirmation").isEqualTo(own);
        assertThat(consortia.leadRequest(id)).isPresent();

        var stranger = user(organisation(Sector.REGION), Role.STAFF);
        assertThat(status(post("/konsortier/" + id + "/ledelse/bekraeft"), stranger)).isEqualTo(404);
        assertThat(status(post("/konsortier/" + id + "/ledelse/bekraeft"), creator)).isEqualTo(404);
        assertThat(consortia.find(id).leadOrganisationId()).isEqualTo(own);

        var fromAsked = user(asked, Role.STAFF);
        String list = mvc.perform(get("/konsortier").with(authentication(fromAsked))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("lead-requests", "/konsortier/" + id);
        String page = mvc.perform(get("/konsortier/" + id).with(authentication(fromAsked))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("confirm-lead");
        assertThat(status(post("/konsortier/" + id + "/ledelse/bekraeft"), fromAsked)).isEqualTo(302);

        assertThat(consortia.find(id).leadOrganisationId()).isEqualTo(asked);
        assertThat(consortia.find(id).hasMember(asked)).isTrue();
        assertThat(consortia.leadRequest(id)).isEmpty();
        assertThat(audited("CONSORTIUM_LEAD_REQUESTED", id)).isEqualTo(1);
        assertThat(audited("CONSORTIUM_LEAD_CONFIRMED", id)).isEqualTo(1);
    }

    @Test
    void aDeclinedRequestLeavesTheCreatorsOrganisationLeading() throws Exception {
        long own = organisation(Sector.REGION);
        long asked = organisation(Sector.GENERAL_PRACTICE);
        Actor creator = actor(own);
        long id = consortia.create("Afvist " + SEQUENCE.incrementAndGet(), asked, creator.id(), creator);

        assertThat(status(post("/konsortier/" + id + "/ledelse/afvis"), user(asked, Role.INNOVATION_CONSULTANT)))
                .isEqualTo(302);
        assertThat(consortia.find(id).leadOrganisationId()).isEqualTo(own);
        assertThat(consortia.leadRequest(id)).isEmpty();
        assertThat(audited("CONSORTIUM_LEAD_DECLINED", id)).isEqualTo(1);
    }

    @Test
    void theCreatorsOwnOrganisationLeadsAtOnce() {
        long own = organisation(Sector.REGION);
        Actor creator = actor(own);
        long id = consortia.create("Egen " + SEQUENCE.incrementAndGet(), own, creator.id(), creator);
        assertThat(consortia.find(id).leadOrganisationId()).isEqualTo(own);
        assertThat(consortia.leadRequest(id)).isEmpty();
    }

    private long audited(String kind, long consortium) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE kind = :kind AND subject = :subject")
                .param("kind", kind).param("subject", "consortium " + consortium).query(Long.class).single();
    }

    private int status(MockHttpServletRequestBuilder request, UsernamePasswordAuthenticationToken who)
            throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(who))).andReturn().getResponse().getStatus();
    }

    private long organisation(Sector sector) {
        return organisations.create(new OrganisationDetails("Lead " + SEQUENCE.incrementAndGet() + " "
                + System.nanoTime(), sector, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
    }

    private Actor actor(long organisationId) {
        int n = SEQUENCE.incrementAndGet();
        long id = users.create(new UserAttributes("lead-" + n + "-" + System.nanoTime() + "@test.tvaers.dk",
                "Leder " + n, organisationId, EnumSet.of(Role.STAFF)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        return new Actor(id, "Leder " + n);
    }

    private UsernamePasswordAuthenticationToken user(long organisationId, Role... roles) {
        int n = SEQUENCE.incrementAndGet();
        long id = users.create(new UserAttributes("lead-" + n + "-" + System.nanoTime() + "@test.tvaers.dk",
                "Bruger " + n, organisationId, EnumSet.copyOf(List.of(roles))), "Rolig-Rød-Cykel-" + n, false,
                Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
