package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.challenges.NewWickedProblem;
import dk.tvaers.challenges.WickedProblems;
import dk.tvaers.ideas.IdeaClinic;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/** "Mine sider": every module's counts for the signed-in user move with the work, and the page shows them. */
@IntegrationTest
class WorklistTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    Worklists worklists;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaClinic clinic;

    @Autowired
    WickedProblems wickedProblems;

    @Test
    void theConsultantsCountsFollowNewIdeasAssignmentsAndReplies() {
        AccountPrincipal consultant = aUser(Role.INNOVATION_CONSULTANT);
        AccountPrincipal citizen = aUser(Role.CITIZEN);
        long newBefore = count(consultant, "worklist.ideas.new");

        long id = ideas.submit(anIdea("Arbejdsliste " + SEQUENCE.incrementAndGet()),
                Submitter.account(citizen.userId(), citizen.displayName(), null));
        assertThat(count(consultant, "worklist.ideas.new")).isEqualTo(newBefore + 1);
        assertThat(count(consultant, "worklist.ideas.assigned")).isZero();
        assertThat(count(citizen, "worklist.ideas.mine")).isEqualTo(1);

        clinic.assign(id, consultant.userId(), consultant.displayName(), new Actor(consultant.userId(), "K"));
        assertThat(count(consultant, "worklist.ideas.new")).isEqualTo(newBefore);
        assertThat(count(consultant, "worklist.ideas.assigned")).isEqualTo(1);
        assertThat(item(consultant, "worklist.ideas.assigned").oldest()).isNotNull();
        assertThat(item(consultant, "worklist.ideas.assigned").href()).isEqualTo("/idekliniken?tildelt=" + consultant.userId());

        long repliesBefore = count(consultant, "worklist.ideas.replies");
        clinic.ask(id, "Hvem har du talt med?", new Actor(consultant.userId(), "K"));
        assertThat(count(citizen, "worklist.ideas.questions")).isEqualTo(1);
        assertThat(count(citizen, "worklist.ideas.news")).as("a status change by the clinic is news").isEqualTo(1);
        ideas.answer(id, "Med to kommuner.", citizen.userId(), citizen.displayName());
        assertThat(count(citizen, "worklist.ideas.questions")).isZero();
        assertThat(count(consultant, "worklist.ideas.replies")).isEqualTo(repliesBefore + 1);
    }

    @Test
    void aTaskForceMemberSeesTheWickedProblemsTheyHaveNotScored() {
        AccountPrincipal taskForce = aUser(Role.TASK_FORCE);
        AccountPrincipal staff = aUser(Role.STAFF);
        long before = count(taskForce, "worklist.wicked.toScore");
        long id = wickedProblems.submit(new NewWickedProblem("Problem " + SEQUENCE.incrementAndGet(), "Beskrivelse",
                "De berørte", Set.of(Sector.REGION), Region.SYDDANMARK), staff);
        assertThat(count(taskForce, "worklist.wicked.toScore")).isEqualTo(before + 1);
        wickedProblems.score(id, 3, 4, 5, "", taskForce);
        assertThat(count(taskForce, "worklist.wicked.toScore")).isEqualTo(before);
    }

    @Test
    void anAdministratorSeesInvitedUsersWhoNeverLoggedIn() {
        AccountPrincipal admin = aUser(Role.ADMINISTRATOR);
        long before = count(admin, "worklist.accounts.neverLoggedIn");
        AccountPrincipal invited = aUser(Role.STAFF);
        assertThat(count(admin, "worklist.accounts.neverLoggedIn")).isEqualTo(before + 1);
        // as accounts.LoginAuditor records a successful login
        jdbc.sql("UPDATE user_account SET last_login_at = now() WHERE id = :id").param("id", invited.userId()).update();
        assertThat(count(admin, "worklist.accounts.neverLoggedIn")).isEqualTo(before);
    }

    @Test
    void aUserSeesOnlyTheirRolesItemsAndEveryContributorAnswersOnThePage() throws Exception {
        AccountPrincipal citizen = aUser(Role.CITIZEN);
        assertThat(worklists.of(citizen).keySet()).containsExactly(Role.CITIZEN);

        AccountPrincipal everyone = aUser(Role.STAFF, Role.INNOVATION_CONSULTANT, Role.TASK_FORCE, Role.ANALYST,
                Role.ADMINISTRATOR, Role.FINANCE);
        Map<Role, List<WorklistItem>> all = worklists.of(everyone);
        assertThat(all.keySet()).containsExactly(Role.STAFF, Role.INNOVATION_CONSULTANT, Role.TASK_FORCE, Role.ANALYST,
                Role.ADMINISTRATOR, Role.FINANCE);
        assertThat(all.values().stream().flatMap(List::stream).map(WorklistItem::labelKey)).contains(
                "worklist.applications.toDecide", "worklist.funding.reportsToApprove", "worklist.wicked.toScore",
                "worklist.funding.tranchesToPay", "worklist.applications.consortia", "worklist.applications.drafts",
                "worklist.funding.reportsDue", "worklist.monitoring.working", "worklist.monitoring.failed");

        var auth = new UsernamePasswordAuthenticationToken(everyone, null, everyone.getAuthorities());
        mvc.perform(get("/mine-sider").with(authentication(auth))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Frigivne rater, der venter på udbetaling")))
                .andExpect(content().string(Matchers.containsString("Nye idéer, som ingen har taget")));
        mvc.perform(get("/").with(authentication(auth))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Det venter på dig")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Velkommen"))));
    }

    private long count(AccountPrincipal user, String key) {
        return item(user, key).count();
    }

    private WorklistItem item(AccountPrincipal user, String key) {
        return worklists.of(user).values().stream().flatMap(List::stream)
                .filter(item -> item.labelKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no worklist item " + key));
    }

    private AccountPrincipal aUser(Role... roles) {
        int n = SEQUENCE.incrementAndGet();
        Set<Role> set = EnumSet.copyOf(List.of(roles));
        Long organisation = set.contains(Role.CITIZEN) ? null : organisations.create(new OrganisationDetails(
                "Arbejdslistekommune " + n + " " + System.nanoTime(), Sector.MUNICIPALITY, Region.SYDDANMARK, null),
                Actor.SYSTEM).id();
        long id = users.create(new UserAttributes("arbejde" + n + "-" + System.nanoTime() + "@test.dk", "Bruger " + n,
                organisation, set), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        return AccountPrincipal.of(users.find(id).orElseThrow());
    }

    private static NewIdea anIdea(String title) {
        return new NewIdea(title, "Et problem", "Et forslag", "Patienter", Set.of(Sector.REGION), InnovationType.EVERYDAY,
                Region.SYDDANMARK, false, List.of());
    }
}
