package dk.tvaers.ideas;

import dk.tvaers.platform.security.LinkTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
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

/**
 * A thread stays between its own submitter and the clinic (issue 10, item 8): after a merge, the merged idea's
 * submitter follows the idea it went into, but neither reads nor answers that idea's submitter's thread — on
 * "Mine idéer" (with an account) or through the e-mail link (without).
 */
@IntegrationTest
class MergedThreadPrivacyTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Actor CLINIC = new Actor(null, "Idéklinikken");

    @Autowired
    MockMvc mvc;

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaClinic clinic;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMergedIdeasSubmitterNeitherSeesNorAnswersTheOtherSubmittersThread() throws Exception {
        long targetOwner = citizen();
        long mergedOwner = citizen();
        long target = ideas.submit(idea("Målidé"), Submitter.account(targetOwner, "Tove Target", null));
        long merged = ideas.submit(idea("Dublet"), Submitter.account(mergedOwner, "Mads Merged", null));
        clinic.ask(target, "Hvilken afdeling arbejder du på, og hvem er din leder?", CLINIC);
        ideas.answer(target, "Kardiologisk afdeling, min leder hedder Hemmelig Hansen", targetOwner, "Tove Target");
        clinic.ask(merged, "Har I prøvet det før?", CLINIC);

        clinic.merge(merged, target, "Samme idé", CLINIC);

        String page = mvc.perform(get("/mine-ideer").with(authentication(signedIn(mergedOwner))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Målidé");
        assertThat(page).doesNotContain("Hemmelig Hansen").doesNotContain("Hvilken afdeling");
        // their own idea (now merged) keeps its own thread with the clinic
        assertThat(page).contains("Har I prøvet det før?");

        int status = mvc.perform(post("/mine-ideer/" + target + "/svar").with(csrf())
                        .with(authentication(signedIn(mergedOwner))).param("body", "Jeg blander mig"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);
        assertThat(ideas.thread(target)).extracting(IdeaMessage::body).doesNotContain("Jeg blander mig");

        // the target's own submitter still has the whole thread
        String own = mvc.perform(get("/mine-ideer").with(authentication(signedIn(targetOwner))))
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains("Hemmelig Hansen");
    }

    @Test
    void aFollowerWithoutAccountWhoseIdeaWasMergedDoesNotReadTheThreadThroughTheLink() throws Exception {
        long targetOwner = citizen();
        long target = ideas.submit(idea("Mål uden konto"), Submitter.account(targetOwner, "Tove Target", null));
        long merged = ideas.submit(idea("Dublet uden konto"), Submitter.anonymous("Asta Anonym", "asta@x.test"));
        String token = tokenFor(merged);
        ideas.confirm(token);
        clinic.ask(target, "Må vi ringe til dig på 12345678?", CLINIC);

        clinic.merge(merged, target, "Samme idé", CLINIC);

        String page = mvc.perform(get("/ideer/foelg").param("token", token)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Mål uden konto").doesNotContain("12345678");
        mvc.perform(post("/ideer/foelg").with(csrf()).param("token", token).param("body", "Svar fra en fremmed"));
        assertThat(ideas.thread(target)).extracting(IdeaMessage::body).doesNotContain("Svar fra en fremmed");
    }

    private String tokenFor(long ideaId) {
        String token = LinkTokens.newToken();
        long follower = jdbc.sql("SELECT id FROM idea_follower WHERE idea_id = :id").param("id", ideaId)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO idea_follow_token (token_hash, follower_id) VALUES (:h, :f)")
                .param("h", LinkTokens.hash(token)).param("f", follower).update();
        return token;
    }

    private long citizen() {
        int n = SEQUENCE.incrementAndGet();
        return users.create(new UserAttributes("traad" + n + "." + System.nanoTime() + "@borger.test",
                "Borger " + n, null, EnumSet.of(Role.CITIZEN)), "Borger-Kode-2026-lang", false, Actor.SYSTEM);
    }

    private UsernamePasswordAuthenticationToken signedIn(long id) {
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private static NewIdea idea(String title) {
        return new NewIdea(title + " " + SEQUENCE.incrementAndGet(), "Et problem", "Et forslag", "Patienter",
                EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), InnovationType.EVERYDAY, Region.SYDDANMARK, false,
                List.of());
    }
}
