package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.security.RateLimitExceededException;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Moderation on the real database (ADR 0034): a report through the page, a moderator hides and restores; hidden
 * content leaves the public page, list, search, similar-ideas hint and CSV export, its author still sees it with the
 * reason, and the audit log keeps every step; reports are bounded per user.
 */
@IntegrationTest
class ModerationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaReactions reactions;

    @Autowired
    IdeaSimilarity similarity;

    @Autowired
    Moderation moderation;

    @Autowired
    IdeaClinic clinic;

    @Autowired
    UserDirectory users;

    @Autowired
    AuditLog audit;

    @Autowired
    OrganisationDirectory organisations;

    @Test
    void aReportedCommentIsHiddenFromThePublicButItsAuthorSeesWhyAndARestoreBringsItBack() throws Exception {
        AccountPrincipal author = aUser(Role.CITIZEN);
        AccountPrincipal reporter = aUser(Role.CITIZEN);
        AccountPrincipal moderator = aUser(Role.INNOVATION_CONSULTANT);
        long idea = anIdea("Kommentarspor", null);
        String body = "Ring til min nabo på 12345678 " + SEQUENCE.incrementAndGet();
        reactions.comment(idea, body, new Actor(author.userId(), author.displayName()));
        long comment = reactions.comments(idea).getLast().id();

        mvc.perform(post("/ideer/" + idea + "/anmeld").param("kommentar", String.valueOf(comment))
                        .param("reason", " ").with(csrf()).with(authentication(auth(reporter))))
                .andExpect(status().isOk());
        mvc.perform(post("/ideer/" + idea + "/anmeld").param("kommentar", String.valueOf(comment))
                        .param("reason", "Et telefonnummer på en anden person").with(csrf())
                        .with(authentication(auth(reporter))))
                .andExpect(status().is3xxRedirection());
        var report = moderation.queue(new Moderation.Filter(Moderation.State.OPEN, body), 1, 20).items();
        assertThat(report).singleElement().satisfies(r -> {
            assertThat(r.commentId()).isEqualTo(comment);
            assertThat(r.content()).isEqualTo(body);
        });
        long reportId = report.getFirst().id();

        mvc.perform(post("/moderation/" + reportId + "/skjul").param("reason", "Oplysninger om en anden person")
                .with(csrf()).with(authentication(auth(moderator)))).andExpect(status().is3xxRedirection());

        assertThat(page(idea, null)).doesNotContain(body);
        assertThat(page(idea, reporter)).doesNotContain(body);
        assertThat(page(idea, author)).contains(body).contains("En moderator har skjult din kommentar")
                .contains("Oplysninger om en anden person");
        assertThat(moderation.find(reportId).orElseThrow().state()).isEqualTo(Moderation.State.HIDDEN);
        assertThat(audited(AuditKind.CONTENT_REPORTED, "idea " + idea + " comment " + comment)).isEqualTo(1);
        assertThat(audited(AuditKind.CONTENT_HIDDEN, "idea " + idea + " comment " + comment)).isEqualTo(1);
        // hidden content cannot be reported again
        mvc.perform(get("/ideer/" + idea + "/anmeld").param("kommentar", String.valueOf(comment))
                .with(authentication(auth(reporter)))).andExpect(status().isNotFound());

        mvc.perform(post("/moderation/" + reportId + "/gendan").with(csrf()).with(authentication(auth(moderator))))
                .andExpect(status().is3xxRedirection());
        assertThat(page(idea, null)).contains(body);
        assertThat(audited(AuditKind.CONTENT_RESTORED, "idea " + idea + " comment " + comment)).isEqualTo(1);
    }

    @Test
    void aHiddenIdeaLeavesEveryPublicListSearchHintAndExport() throws Exception {
        AccountPrincipal author = aUser(Role.CITIZEN);
        AccountPrincipal moderator = aUser(Role.INNOVATION_CONSULTANT);
        String marker = "Skjulested" + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 100000;
        long idea = anIdea(marker, author);
        assertThat(searchIds(marker)).containsExactly(idea);
        assertThat(similarity.similarTo(marker, 10)).extracting(SimilarItem::id).contains(idea);

        assertThat(moderation.report(idea, null, "Reklame", new Actor(aUser(Role.CITIZEN).userId(), "Anmelder")))
                .isTrue();
        long reportId = moderation.queue(new Moderation.Filter(Moderation.State.OPEN, marker), 1, 20).items()
                .getFirst().id();
        moderation.hide(reportId, "Reklame for et firma", new Actor(moderator.userId(), moderator.displayName()));

        assertThat(searchIds(marker)).isEmpty();
        assertThat(similarity.similarTo(marker, 10)).extracting(SimilarItem::id).doesNotContain(idea);
        assertThat(ideas.findPublished(idea)).isEmpty();
        String csv = mvc.perform(get("/ideer/eksport").param("q", marker)).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv).doesNotContain(marker);
        mvc.perform(get("/ideer/" + idea)).andExpect(status().isNotFound());
        mvc.perform(post("/ideer/" + idea + "/stoet").with(csrf()).with(authentication(auth(aUser(Role.CITIZEN)))))
                .andExpect(status().isNotFound());
        assertThat(page(idea, author)).contains("En moderator har skjult din idé").contains("Reklame for et firma");
        assertThat(audited(AuditKind.CONTENT_HIDDEN, "idea " + idea)).isEqualTo(1);

        moderation.restore(reportId, new Actor(moderator.userId(), moderator.displayName()));
        assertThat(searchIds(marker)).containsExactly(idea);
    }

    @Test
    void dismissingLeavesTheContentPublicAndClosesEveryOpenReportOfIt() {
        AccountPrincipal moderator = aUser(Role.INNOVATION_CONSULTANT);
        String marker = "Afvisning" + SEQUENCE.incrementAndGet() + "y" + System.nanoTime() % 100000;
        long idea = anIdea(marker, null);
        moderation.report(idea, null, "Kedelig", new Actor(aUser(Role.CITIZEN).userId(), "En"));
        moderation.report(idea, null, "Forkert", new Actor(aUser(Role.CITIZEN).userId(), "To"));
        var open = moderation.queue(new Moderation.Filter(Moderation.State.OPEN, marker), 1, 20).items();
        assertThat(open).hasSize(2);

        moderation.dismiss(open.getFirst().id(), new Actor(moderator.userId(), moderator.displayName()));

        assertThat(moderation.queue(new Moderation.Filter(Moderation.State.OPEN, marker), 1, 20).items()).isEmpty();
        assertThat(moderation.queue(new Moderation.Filter(Moderation.State.DISMISSED, marker), 1, 20).items())
                .hasSize(2);
        assertThat(searchIds(marker)).containsExactly(idea);
        assertThat(audited(AuditKind.REPORT_DISMISSED, "idea " + idea)).isEqualTo(1);
    }

    @Test
    void reportsAreBoundedPerUser() {
        AccountPrincipal reporter = aUser(Role.CITIZEN);
        long idea = anIdea("Mange anmeldelser", null);
        Actor actor = new Actor(reporter.userId(), reporter.displayName());
        for (int i = 0; i < 10; i++) {
            assertThat(moderation.report(idea, null, "Igen " + i, actor)).isTrue();
        }
        assertThatThrownBy(() -> moderation.report(idea, null, "Én for meget", actor))
                .isInstanceOf(RateLimitExceededException.class);
        // another user is not bounded by the first one's reports
        assertThat(moderation.report(idea, null, "Første", new Actor(aUser(Role.CITIZEN).userId(), "Anden"))).isTrue();
    }

    private String page(long idea, AccountPrincipal viewer) throws Exception {
        var request = get("/ideer/" + idea);
        if (viewer != null) {
            request = request.with(authentication(auth(viewer)));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theClinicQueueAndPageMarkAHiddenIdeaInWordsWithItsReason() throws Exception {
        AccountPrincipal moderator = aUser(Role.INNOVATION_CONSULTANT);
        Actor actor = new Actor(moderator.userId(), moderator.displayName());
        String marker = "Klinikmærke" + SEQUENCE.incrementAndGet();
        long hidden = anIdea(marker + " skjult", aUser(Role.CITIZEN));
        long shown = anIdea(marker + " synlig", aUser(Role.CITIZEN));
        clinic.assign(hidden, moderator.userId(), moderator.displayName(), actor);
        clinic.assign(shown, moderator.userId(), moderator.displayName(), actor);
        moderation.report(hidden, null, "Reklame", new Actor(aUser(Role.CITIZEN).userId(), "Anmelder"));
        long reportId = moderation.queue(new Moderation.Filter(Moderation.State.OPEN, marker), 1, 20).items()
                .getFirst().id();
        moderation.hide(reportId, "Reklame for et firma", actor);

        String queue = mvc.perform(get("/idekliniken").param("tildelt", String.valueOf(moderator.userId()))
                .with(authentication(auth(moderator)))).andReturn().getResponse().getContentAsString();

        assertThat(queue).contains(marker + " skjult").contains(marker + " synlig")
                .contains("Skjult af en moderator: Reklame for et firma");
        assertThat(queue.split("data-hidden", -1)).hasSize(2);
        assertThat(mvc.perform(get("/idekliniken/" + hidden).with(authentication(auth(moderator)))).andReturn()
                .getResponse().getContentAsString())
                .contains("En moderator har skjult idéen for offentligheden. Begrundelse: Reklame for et firma");
    }

    private List<Long> searchIds(String text) {
        return ideas.search(new Ideas.Filter(text, null, null, null), Ideas.Sort.NEWEST, 1, 20).items().stream()
                .map(Idea::id).toList();
    }

    private long audited(AuditKind kind, String subject) {
        return audit.search(new AuditLog.Filter(kind, subject, null, null), 1, 100).items().stream()
                .filter(e -> e.subject().equals(subject)).count();
    }

    private long anIdea(String title, AccountPrincipal submitter) {
        NewIdea idea = new NewIdea(title, "Problemet ved " + title, "Forslaget", "Borgere", Set.of(Sector.REGION),
                InnovationType.EVERYDAY, Region.SYDDANMARK, false, List.of());
        return ideas.submit(idea, submitter == null ? Submitter.assisted("Bodil", null, 1, "Medarbejder")
                : Submitter.account(submitter.userId(), submitter.displayName(), submitter.getUsername()));
    }

    private AccountPrincipal aUser(Role role) {
        int n = SEQUENCE.incrementAndGet();
        Long organisation = role == Role.CITIZEN ? null : organisations.create(new OrganisationDetails(
                "Moderationskommune " + n + "-" + System.nanoTime(), Sector.MUNICIPALITY, Region.SYDDANMARK, null),
                Actor.SYSTEM).id();
        long id = users.create(new UserAttributes("moderation" + n + "-" + System.nanoTime() + "@test.dk",
                "Bruger " + n, organisation, EnumSet.of(role)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        return AccountPrincipal.of(users.find(id).orElseThrow());
    }

    private static UsernamePasswordAuthenticationToken auth(AccountPrincipal principal) {
        return new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities());
    }
}
