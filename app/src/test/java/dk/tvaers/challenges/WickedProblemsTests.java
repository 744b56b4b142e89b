package dk.tvaers.challenges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/** The rules of wicked problems: one score per Task Force member, results for the Task Force only, the ranking. */
@IntegrationTest
class WickedProblemsTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    WickedProblems problems;

    @Autowired
    Challenges challenges;

    @Autowired
    UserDirectory users;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void eachTaskForceMemberHasOneScorePerProblemWhichTheyCanChange() {
        AccountPrincipal staff = aUser(Role.STAFF);
        AccountPrincipal member = aUser(Role.TASK_FORCE);
        long id = problems.submit(aProblem("Ensomhed blandt ældre"), staff);

        problems.score(id, 2, 3, 4, "Først sådan", member);
        problems.score(id, 5, 4, 3, "Ved nærmere eftertanke", member);

        assertThat(problems.scores(id, member)).singleElement().satisfies(score -> {
            assertThat(score.scorerName()).isEqualTo(member.displayName());
            assertThat(List.of(score.size(), score.reach(), score.urgency())).containsExactly(5, 4, 3);
            assertThat(score.comment()).isEqualTo("Ved nærmere eftertanke");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM wicked_problem_score WHERE wicked_problem_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(problems.find(id, staff).status()).isEqualTo(WickedProblemStatus.BEING_PRIORITISED);
        assertThat(problems.result(id, member)).get().satisfies(result -> {
            assertThat(result.scorers()).isEqualTo(1);
            assertThat(result.total()).isEqualTo(12.0);
        });
        assertThatThrownBy(() -> problems.score(id, 0, 3, 3, "", member)).isInstanceOf(ChallengeRuleException.class)
                .extracting(e -> ((ChallengeRuleException) e).messageKey()).isEqualTo("wicked.error.scoreRange");
    }

    @Test
    void onlyTheTaskForceScoresAndSeesTheResults() throws Exception {
        AccountPrincipal submitter = aUser(Role.STAFF);
        AccountPrincipal otherStaff = aUser(Role.STAFF, Role.INNOVATION_CONSULTANT);
        AccountPrincipal member = aUser(Role.TASK_FORCE);
        long id = problems.submit(aProblem("Medicinhåndtering ved udskrivning"), submitter);
        problems.score(id, 4, 5, 3, "Rammer alle tre sektorer hver dag", member);

        assertThatThrownBy(() -> problems.score(id, 5, 5, 5, "", submitter)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> problems.scores(id, submitter)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> problems.result(id, otherStaff)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> problems.ranking(otherStaff)).isInstanceOf(AccessDeniedException.class);
        // a submitter sees their own problem and its status, no one else's
        assertThat(problems.find(id, submitter).status()).isEqualTo(WickedProblemStatus.BEING_PRIORITISED);
        assertThatThrownBy(() -> problems.find(id, otherStaff)).isInstanceOf(NotFoundException.class);
        assertThat(problems.search(new WickedProblems.Filter(null, null, null), otherStaff, 1, 100).items())
                .extracting(WickedProblem::id).doesNotContain(id);
        assertThat(problems.search(new WickedProblems.Filter("medicinhåndtering", null, null), member, 1, 100)
                .items()).extracting(WickedProblem::id).contains(id);
        assertThat(problems.search(new WickedProblems.Filter(null, Sector.MUNICIPALITY,
                WickedProblemStatus.BEING_PRIORITISED), submitter, 1, 100).items()).extracting(WickedProblem::id)
                .containsExactly(id);
        assertThat(problems.search(new WickedProblems.Filter(null, Sector.GENERAL_PRACTICE, null), submitter, 1, 100)
                .items()).isEmpty();
        assertThat(problems.search(new WickedProblems.Filter(null, null, WickedProblemStatus.RECEIVED), submitter, 1,
                100).items()).isEmpty();

        // the same on the pages
        String own = mvc.perform(get("/vilde-problemer/" + id).with(authentication(signedIn(submitter))))
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains("Medicinhåndtering ved udskrivning").contains("Under prioritering")
                .doesNotContain("Rammer alle tre sektorer hver dag").doesNotContain(member.displayName());
        String tf = mvc.perform(get("/vilde-problemer/" + id).with(authentication(signedIn(member))))
                .andReturn().getResponse().getContentAsString();
        assertThat(tf).contains("Rammer alle tre sektorer hver dag").contains(member.displayName());
        assertThat(mvc.perform(get("/vilde-problemer/" + id).with(authentication(signedIn(otherStaff))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/vilde-problemer/prioritering").with(authentication(signedIn(submitter))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/vilde-problemer/" + id + "/score").with(authentication(signedIn(submitter)))
                .with(csrf()).param("size", "5").param("reach", "5").param("urgency", "5"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(problems.scores(id, member)).hasSize(1);
    }

    @Test
    void theOldEnglishAddressMovesPermanentlyToTheDanishOneWithItsPathAndQuery() throws Exception {
        AccountPrincipal submitter = aUser(Role.STAFF);
        long id = problems.submit(aProblem("Ventetid på genoptræning"), submitter);

        var moved = mvc.perform(get("/wicked-problems/" + id).with(authentication(signedIn(submitter))))
                .andReturn().getResponse();
        assertThat(moved.getStatus()).isEqualTo(301);
        assertThat(moved.getHeader("Location")).isEqualTo("/vilde-problemer/" + id);
        var list = mvc.perform(get("/wicked-problems?q=genoptraening")
                .with(authentication(signedIn(submitter)))).andReturn().getResponse();
        assertThat(list.getStatus()).isEqualTo(301);
        assertThat(list.getHeader("Location")).isEqualTo("/vilde-problemer?q=genoptraening");
        assertThat(mvc.perform(get(moved.getHeader("Location")).with(authentication(signedIn(submitter))))
                .andReturn().getResponse().getContentAsString()).contains("Ventetid på genoptræning");
    }

    @Test
    void theRankingIsByTheSumOfAverageScoresAndEqualSumsShareAPlace() {
        AccountPrincipal staff = aUser(Role.STAFF);
        AccountPrincipal first = aUser(Role.TASK_FORCE);
        AccountPrincipal second = aUser(Role.TASK_FORCE);
        long split = problems.submit(aProblem("Uenighed"), staff);
        long high = problems.submit(aProblem("Høj prioritet"), staff);
        long even = problems.submit(aProblem("Enighed"), staff);
        long unscored = problems.submit(aProblem("Uscoret"), staff);
        problems.score(split, 5, 5, 5, "Meget vigtigt", first);
        problems.score(split, 1, 1, 2, "Ikke vigtigt", second); // averages 3, 3, 3.5: total 9.5
        problems.score(high, 4, 4, 4, "", first); // total 12
        problems.score(even, 3, 3, 3, "", first);
        problems.score(even, 3, 4, 3, "", second); // averages 3, 3.5, 3: total 9.5

        Map<Long, PrioritisedProblem> ranking = problems.ranking(first).stream()
                .collect(Collectors.toMap(p -> p.problem().id(), Function.identity()));

        assertThat(ranking).containsKeys(split, high, even).doesNotContainKey(unscored);
        assertThat(ranking.get(split).size()).isEqualTo(3.0);
        assertThat(ranking.get(split).urgency()).isEqualTo(3.5);
        assertThat(ranking.get(split).total()).isEqualTo(9.5);
        assertThat(ranking.get(split).scorers()).isEqualTo(2);
        assertThat(ranking.get(high).rank()).isLessThan(ranking.get(split).rank());
        assertThat(ranking.get(even).rank()).isEqualTo(ranking.get(split).rank());
        List<Long> order = problems.ranking(first).stream().map(p -> p.problem().id())
                .filter(id -> id == split || id == high || id == even).toList();
        assertThat(order).containsExactly(high, split, even);
        // every rank is one more than the number of problems with a higher total
        List<PrioritisedProblem> all = problems.ranking(first);
        for (PrioritisedProblem p : all) {
            long higher = all.stream().filter(o -> o.total() > p.total() + 1e-9).count();
            assertThat(p.rank()).isEqualTo(higher + 1);
        }
    }

    @Test
    void aPrioritisedProblemBecomesAPublishedWickedProblemChallengeOnce() {
        AccountPrincipal staff = aUser(Role.STAFF);
        AccountPrincipal member = aUser(Role.TASK_FORCE);
        long id = problems.submit(aProblem("Overgange mellem sektorer"), staff);
        Instant deadline = Instant.now().plus(Duration.ofDays(40));

        assertThatThrownBy(() -> problems.publishAsChallenge(id, "Overgange", "Beskrivelse", Region.MIDTJYLLAND, null,
                deadline, member)).extracting(e -> ((ChallengeRuleException) e).messageKey())
                .isEqualTo("wicked.error.notPrioritised");
        problems.score(id, 5, 5, 4, "", member);
        assertThatThrownBy(() -> problems.publishAsChallenge(id, "Overgange", "Beskrivelse", Region.MIDTJYLLAND, null,
                deadline, staff)).isInstanceOf(AccessDeniedException.class);

        long challengeId = problems.publishAsChallenge(id, "Overgange mellem sektorer", "Når patienten skifter sektor",
                Region.MIDTJYLLAND, null, deadline, member);

        Challenge challenge = challenges.find(challengeId);
        assertThat(challenge.kind()).isEqualTo(ChallengeKind.WICKED_PROBLEM);
        assertThat(challenge.openAt(Instant.now())).isTrue();
        assertThat(problems.find(id, staff).challengeId()).isEqualTo(challengeId);
        assertThat(problems.find(id, staff).status()).isEqualTo(WickedProblemStatus.PUBLISHED);
        assertThat(problems.problemOf(challengeId)).contains(id);
        assertThatThrownBy(() -> problems.publishAsChallenge(id, "Igen", "Igen", Region.MIDTJYLLAND, null, deadline,
                member)).extracting(e -> ((ChallengeRuleException) e).messageKey())
                .isEqualTo("wicked.error.alreadyPublished");
    }

    private static NewWickedProblem aProblem(String title) {
        return new NewWickedProblem(title + " " + SEQUENCE.incrementAndGet(), "Ingen kender løsningen",
                "Borgere med flere kroniske sygdomme", EnumSet.of(Sector.REGION, Sector.MUNICIPALITY),
                Region.MIDTJYLLAND);
    }

    private AccountPrincipal aUser(Role... roles) {
        int n = SEQUENCE.incrementAndGet();
        long org = organisations.create(new OrganisationDetails("Wicked kommune " + n + " " + System.nanoTime(),
                Sector.MUNICIPALITY, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        String name = "Wenche Wicked " + n;
        long id = users.create(new UserAttributes("wicked" + n + "." + System.nanoTime() + "@kommune.test", name, org,
                Set.of(roles)), "Wicked-Kode-2026-lang", false, Actor.SYSTEM);
        return AccountPrincipal.of(users.find(id).orElseThrow());
    }

    private static UsernamePasswordAuthenticationToken signedIn(AccountPrincipal principal) {
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
