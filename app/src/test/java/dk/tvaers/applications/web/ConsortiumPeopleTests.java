package dk.tvaers.applications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.applications.Consortia;
import dk.tvaers.applications.Consortium;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A consortium's editor adds contact people and assigns innovation consultants by their login, both through the
 * same steps: back to the consortium with a notice, or the page again with the refused rule beside the field.
 */
@IntegrationTest
class ConsortiumPeopleTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Consortia consortia;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Test
    void aContactAndAConsultantAreAddedByLoginAndAWrongLoginIsShownBesideTheField() throws Exception {
        long own = organisations.create(new OrganisationDetails("Folk " + SEQUENCE.incrementAndGet() + " "
                + System.nanoTime(), Sector.REGION, Region.SYDDANMARK, null), Actor.SYSTEM).id();
        long creatorId = user(own, Role.STAFF);
        long id = consortia.create("Folk " + SEQUENCE.incrementAndGet(), own, creatorId,
                new Actor(creatorId, "Opretter"));
        var editor = authenticated(creatorId);
        String contactLogin = users.find(user(own, Role.STAFF)).orElseThrow().email();
        String consultantLogin = users.find(user(own, Role.INNOVATION_CONSULTANT)).orElseThrow().email();

        var added = post(editor, "/konsortier/" + id + "/kontakter", contactLogin);
        assertThat(added.getRedirectedUrl()).isEqualTo("/konsortier/" + id);
        var assigned = post(editor, "/konsortier/" + id + "/konsulenter", consultantLogin);
        assertThat(assigned.getRedirectedUrl()).isEqualTo("/konsortier/" + id);
        Consortium consortium = consortia.find(id);
        assertThat(consortium.contacts()).extracting(Consortium.Person::email).contains(contactLogin);
        assertThat(consortium.consultants()).extracting(Consortium.Person::email).containsExactly(consultantLogin);

        var refused = post(editor, "/konsortier/" + id + "/konsulenter", contactLogin);
        assertThat(refused.getStatus()).as("a staff member is not a consultant: the page again").isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("form-error-message");
        assertThat(consortia.find(id).consultants()).hasSize(1);
    }

    private MockHttpServletResponse post(UsernamePasswordAuthenticationToken who, String path, String login)
            throws Exception {
        return mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).param("login", login)
                        .with(csrf()).with(authentication(who))).andReturn().getResponse();
    }

    private long user(long organisationId, Role role) {
        int n = SEQUENCE.incrementAndGet();
        return users.create(new UserAttributes("folk-" + n + "-" + System.nanoTime() + "@test.tvaers.dk",
                "Person " + n, organisationId, EnumSet.of(role)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
    }

    private UsernamePasswordAuthenticationToken authenticated(long userId) {
        var principal = AccountPrincipal.of(users.find(userId).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
