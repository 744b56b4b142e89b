package dk.tvaers.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.ideas.IdeaClinic;
import dk.tvaers.ideas.IdeaReactions;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.Moderation;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Following and notices on the real database: events become one notice per follower and event, a mail at once or
 * in a digest as each follower chose, digests in pages, and the centre and the badge show them.
 */
@IntegrationTest
class NotificationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.serverSetup());

    @Autowired
    MockMvc mvc;

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaReactions reactions;

    @Autowired
    IdeaClinic clinic;

    @Autowired
    Follows follows;

    @Autowired
    Notifications notifications;

    @Autowired
    Digests digests;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Moderation moderation;

    @Autowired
    NotificationSources sources;

    @Autowired
    dk.tvaers.registrations.Schemes schemes;

    @Autowired
    dk.tvaers.registrations.Registrations registrations;

    @Autowired
    dk.tvaers.registrations.Pro pro;

    @Autowired
    dk.tvaers.initiatives.Initiatives initiatives;

    @Autowired
    dk.tvaers.accounts.OrganisationDirectory organisations;

    /**
     * A red PRO answer tells the professionals of the course's unit, each as they chose (a mail at once by default, in
     * Tværs only, or not at all), nobody else, without the citizen's id, and once however often the event comes.
     */
    @Test
    void aRedProAnswerTellsTheUnitsProfessionalsByTheirPreferencesOnce() throws Exception {
        var made = dk.tvaers.registrations.RegistrationFixtures.scheme(schemes, initiatives, organisations, "A", "A");
        long unit = made.units().get(0);
        AccountPrincipal atOnce = aProfessional(unit);
        AccountPrincipal inApp = aProfessional(unit);
        AccountPrincipal off = aProfessional(unit);
        AccountPrincipal otherUnit = aProfessional(made.units().get(1));
        notifications.choose(inApp.userId(), Map.of(NotificationKind.COURSE_TRIAGED_RED, Delivery.IN_APP));
        notifications.choose(off.userId(), Map.of(NotificationKind.COURSE_TRIAGED_RED, Delivery.OFF));
        var viewer = new dk.tvaers.registrations.Viewer(atOnce.userId(), atOnce.displayName(), unit,
                Set.of(Role.STAFF));
        long course = registrations.open(made.schemeId(), "roedborger7", java.time.LocalDate.of(2024, 5, 1), viewer);
        long questionnaire = dk.tvaers.registrations.RegistrationFixtures.questionnaire(pro, made.schemeId());
        var scored = pro.answer(pro.link(course, questionnaire, viewer), Map.of("MOBILITY", 1, "SELFCARE", 1,
                "ACTIVITIES", 1, "PAIN", 1, "ANXIETY", 5, "EXPERIENCE", 4)).orElseThrow();
        assertThat(scored.triage()).isEqualTo(dk.tvaers.registrations.Questionnaire.Triage.RED);

        MimeMessage notice = await(atOnce.getUsername(), 1).getFirst();
        assertThat(String.valueOf(notice.getContent())).contains("Et rødt svar på spørgeskemaet")
                .contains("/registreringer/forloeb/" + course).doesNotContain("roedborger7");
        awaitNotices(inApp.userId(), 1);
        assertThat(notifications.of(inApp.userId(), 1, 20).items()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.COURSE_TRIAGED_RED);
            assertThat(n.delivery()).isEqualTo(Delivery.IN_APP);
        });
        assertThat(mailsTo(inApp.getUsername())).isEmpty();
        assertThat(notifications.unread(off.userId())).isZero();
        assertThat(notifications.unread(otherUnit.userId())).isZero();

        long caseId = jdbc.sql("SELECT id FROM triage_case WHERE course_id = :c").param("c", course)
                .query(Long.class).single();
        sources.courseTriagedRed(new dk.tvaers.registrations.CourseTriagedRed(caseId, course, unit, made.schemeId(),
                "Hjerterehabilitering, sådan har du det"));
        assertThat(notifications.of(atOnce.userId(), 1, 20).total()).as("the same event again").isEqualTo(1);
        assertThat(notifications.of(inApp.userId(), 1, 20).total()).isEqualTo(1);
    }

    private AccountPrincipal aProfessional(long organisation) {
        int n = SEQUENCE.incrementAndGet();
        long id = users.create(new UserAttributes("fagperson" + n + "-" + System.nanoTime() + "@kommune.test",
                "Fagperson " + n, organisation, EnumSet.of(Role.STAFF)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        return AccountPrincipal.of(users.find(id).orElseThrow());
    }

    /** ADR 0034: the author of a hidden comment is told at once, though they follow nothing; followers are not. */
    @Test
    void aModeratorHidingACommentTellsItsAuthorOnly() throws Exception {
        AccountPrincipal author = aCitizen();
        AccountPrincipal follower = aCitizen();
        long idea = anIdeaBy(aCitizen());
        follows.follow(follower.userId(), SubjectType.IDEA, idea);
        reactions.comment(idea, "Køb vores app", new Actor(author.userId(), author.displayName()));
        long comment = reactions.comments(idea).getLast().id();
        moderation.report(idea, comment, "Reklame", new Actor(follower.userId(), follower.displayName()));
        long report = moderation.queue(new Moderation.Filter(Moderation.State.OPEN, "Køb vores app"), 1, 20).items()
                .stream().filter(r -> r.commentId() == comment).findFirst().orElseThrow().id();

        moderation.hide(report, "Reklame er ikke tilladt", new Actor(null, "Moderator"));

        MimeMessage notice = await(author.getUsername(), 1).getFirst();
        assertThat(String.valueOf(notice.getContent())).contains("En moderator har skjult din kommentar")
                .contains("/ideer/" + idea);
        assertThat(notifications.of(author.userId(), 1, 20).items()).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(NotificationKind.MODERATION));
        awaitNotices(follower.userId(), 1); // the comment itself
        assertThat(notifications.of(follower.userId(), 1, 20).items()).extracting(Notification::kind)
                .doesNotContain(NotificationKind.MODERATION);
    }

    @Test
    void aFollowerIsToldOnceAtOnceAndTheSubmitterOnlyInTvaers() throws Exception {
        AccountPrincipal submitter = aCitizen();
        AccountPrincipal follower = aCitizen();
        AccountPrincipal bystander = aCitizen();
        long idea = anIdeaBy(submitter);
        assertThat(follows.follow(follower.userId(), SubjectType.IDEA, idea)).isTrue();
        assertThat(follows.follow(follower.userId(), SubjectType.IDEA, idea)).as("following twice is once").isTrue();
        follows.follow(submitter.userId(), SubjectType.IDEA, idea);

        clinic.reject(idea, "Uden for området", new Actor(null, "Konsulent"));

        MimeMessage notice = await(follower.getUsername(), 1).getFirst();
        assertThat(notice.getSubject()).contains("Tværs: nyt om");
        assertThat(String.valueOf(notice.getContent())).contains("har fået status: Afvist").contains("/ideer/" + idea);
        awaitNotices(submitter.userId(), 1);
        assertThat(notifications.of(submitter.userId(), 1, 20).items()).singleElement()
                .satisfies(n -> assertThat(n.delivery()).as("the ideas module mails its submitter already")
                        .isEqualTo(Delivery.IN_APP));
        assertThat(notifications.unread(bystander.userId())).isZero();
        // the ideas module's own mail to the submitter and nothing from notifications: one mail
        Thread.sleep(500);
        assertThat(mailsTo(submitter.getUsername())).hasSize(1);
        assertThat(notifications.unread(follower.userId())).isEqualTo(1);
    }

    @Test
    void theSameEventTwiceMakesOneNotice() {
        AccountPrincipal follower = aCitizen();
        long idea = anIdeaBy(aCitizen());
        follows.follow(follower.userId(), SubjectType.IDEA, idea);
        notifications.choose(follower.userId(), Map.of(NotificationKind.IDEA_COMMENT, Delivery.IN_APP));
        var happening = new Notifications.Happening("idea-comment:test-" + idea, NotificationKind.IDEA_COMMENT, idea,
                "Titel", null, null);
        assertThat(notifications.notify(happening, user -> false)).isEqualTo(1);
        assertThat(notifications.notify(happening, user -> false)).isZero();
        assertThat(notifications.unread(follower.userId())).isEqualTo(1);
    }

    @Test
    void aDigestRunMailsEachDueRecipientOnceInPagesAndNothingTwice() throws Exception {
        long idea = anIdeaBy(aCitizen());
        AccountPrincipal daily1 = aCitizen();
        AccountPrincipal daily2 = aCitizen();
        AccountPrincipal daily3 = aCitizen();
        AccountPrincipal off = aCitizen();
        AccountPrincipal commenter = aCitizen();
        for (AccountPrincipal user : List.of(daily1, daily2, daily3, off, commenter)) {
            follows.follow(user.userId(), SubjectType.IDEA, idea);
        }
        notifications.choose(off.userId(), Map.of(NotificationKind.IDEA_COMMENT, Delivery.OFF));

        reactions.comment(idea, "Godt forslag", new Actor(commenter.userId(), commenter.displayName()));
        reactions.comment(idea, "Enig", new Actor(commenter.userId(), commenter.displayName()));
        awaitNotices(daily3.userId(), 2);
        assertThat(notifications.unread(commenter.userId())).as("not told of their own comment").isZero();
        assertThat(notifications.unread(off.userId())).isZero();
        notifications.open(daily2.userId(), notifications.of(daily2.userId(), 1, 20).items().getFirst().id());

        int pages = digests.run(Delivery.DAILY, Instant.now(), 1);
        assertThat(pages).as("one event per page of one recipient").isGreaterThanOrEqualTo(3);

        MimeMessage digest = await(daily1.getUsername(), 1).getFirst();
        assertThat(digest.getSubject()).isEqualTo("Tværs: 2 nye notifikationer i dag");
        assertThat(String.valueOf(digest.getContent())).contains("ny kommentar til idéen").contains("/notifikationer");
        assertThat(await(daily2.getUsername(), 1).getFirst().getSubject()).as("only what is unread")
                .isEqualTo("Tværs: 1 ny notifikation i dag");
        await(daily3.getUsername(), 1);

        assertThat(digests.run(Delivery.DAILY, Instant.now(), 1)).as("nobody is due any more").isZero();
        Thread.sleep(500);
        assertThat(mailsTo(daily1.getUsername())).hasSize(1);
        assertThat(mailsTo(off.getUsername())).isEmpty();
    }

    @Test
    void theCentreTheBadgeAndTheSettingsWorkThroughTheWebForTheirOwnerOnly() throws Exception {
        AccountPrincipal user = aCitizen();
        AccountPrincipal other = aCitizen();
        long idea = anIdeaBy(aCitizen());
        var auth = auth(user);
        mvc.perform(post("/foelg").with(csrf()).with(authentication(auth)).param("type", "IDEA")
                        .param("id", String.valueOf(idea)).param("tilbage", "/ideer/" + idea))
                .andExpect(redirectedUrl("/ideer/" + idea));
        assertThat(follows.follows(user.userId(), SubjectType.IDEA, idea)).isTrue();
        mvc.perform(get("/ideer/" + idea).with(authentication(auth)))
                .andExpect(content().string(Matchers.containsString("Følg ikke længere")));
        mvc.perform(post("/foelg").with(csrf()).with(authentication(auth)).param("type", "IDEA").param("id", "999999999"))
                .andExpect(status().isNotFound());

        mvc.perform(post("/notifikationer/indstillinger").with(csrf()).with(authentication(auth))
                .param("IDEA_COMMENT", "IN_APP").param("IDEA_STATUS", "nonsense"))
                .andExpect(redirectedUrl("/notifikationer/indstillinger"));
        assertThat(notifications.preferences(user.userId())).containsEntry(NotificationKind.IDEA_COMMENT, Delivery.IN_APP)
                .containsEntry(NotificationKind.IDEA_STATUS, Delivery.IMMEDIATE);

        reactions.comment(idea, "Spændende", new Actor(other.userId(), other.displayName()));
        awaitNotices(user.userId(), 1);
        mvc.perform(get("/notifikationer").with(authentication(auth))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("tvaers-badge")))
                .andExpect(content().string(Matchers.containsString("Der er en ny kommentar til idéen")));
        long id = notifications.of(user.userId(), 1, 20).items().getFirst().id();
        mvc.perform(get("/notifikationer/" + id).with(authentication(auth(other)))).andExpect(status().isNotFound());
        assertThat(notifications.unread(user.userId())).isEqualTo(1);
        mvc.perform(get("/notifikationer/" + id).with(authentication(auth))).andExpect(redirectedUrl("/ideer/" + idea));
        assertThat(notifications.unread(user.userId())).isZero();
    }

    private long anIdeaBy(AccountPrincipal submitter) {
        return ideas.submit(new NewIdea("Følg mig " + SEQUENCE.incrementAndGet(), "Problem", "Forslag", "Borgere",
                Set.of(Sector.REGION), InnovationType.EVERYDAY, Region.SYDDANMARK, false, List.of()),
                Submitter.account(submitter.userId(), submitter.displayName(), submitter.getUsername()));
    }

    private AccountPrincipal aCitizen() {
        int n = SEQUENCE.incrementAndGet();
        long id = users.create(new UserAttributes("foelger" + n + "-" + System.nanoTime() + "@borger.test", "Følger " + n,
                null, EnumSet.of(Role.CITIZEN)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        return AccountPrincipal.of(users.find(id).orElseThrow());
    }

    private static UsernamePasswordAuthenticationToken auth(AccountPrincipal principal) {
        return new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities());
    }

    private void awaitNotices(long userId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (notifications.of(userId, 1, 100).total() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " notices for user " + userId);
    }

    private List<MimeMessage> await(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<MimeMessage> found = List.of();
        while (System.nanoTime() < deadline) {
            found = mailsTo(address);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " mails to " + address + ", got " + found.size());
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
