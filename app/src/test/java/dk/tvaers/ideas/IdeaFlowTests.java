package dk.tvaers.ideas;

import dk.tvaers.platform.security.LinkTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The idea flow on the real database, through the web layer: submit, confirm, clinic, thread, score, outcome. */
@IntegrationTest
class IdeaFlowTests {

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
    IdeaAttachments attachments;

    @Autowired
    IdeaClinic clinic;

    @Autowired
    IdeaPrivacy privacy;

    @Autowired
    Initiatives initiatives;

    @Autowired
    UserDirectory users;

    @Autowired
    OrganisationDirectory organisations;

    @Test
    void anIdeaWithoutAnAccountCountsOnlyOnceItsEmailIsConfirmed() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        String email = "karen" + n + "@borger.test";
        var result = mvc.perform(ideaForm("Medicinpåmindelse via sms " + n)
                        .file(new MockMultipartFile("attachments", "skitse.pdf", "application/pdf", TestFiles.pdf()))
                        .param("name", "Karen Borger").param("email", email))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/ideer/tak")).andReturn();
        long id = latestIdeaTitled("Medicinpåmindelse via sms " + n);
        assertThat(ideas.find(id).orElseThrow().status()).isEqualTo(IdeaStatus.UNCONFIRMED);
        assertThat(attachments.of(id)).singleElement()
                .satisfies(a -> assertThat(a.contentType()).isEqualTo("application/pdf"));
        mvc.perform(get("/ideer/" + id)).andExpect(status().isNotFound());
        assertThat(clinic.queue(new IdeaClinic.QueueFilter(null, null, null, null, null, null), 1, 1000).items())
                .noneMatch(idea -> idea.id() == id);

        MimeMessage confirmation = ReceivedMails.await(mail, email, 1, Duration.ofSeconds(15)).get(0);
        String token = ReceivedMails.token(confirmation, ReceivedMails.CONFIRM);
        mvc.perform(get("/ideer/bekraeft").param("token", token))
                .andExpect(redirectedUrl("/ideer/foelg?token=" + token));

        assertThat(ideas.find(id).orElseThrow().status()).isEqualTo(IdeaStatus.SUBMITTED);
        mvc.perform(get("/ideer/" + id)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Medicinpåmindelse via sms " + n)))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Karen Borger"))));
        mvc.perform(get("/ideer/foelg").param("token", token)).andExpect(status().isOk());
        mvc.perform(get("/ideer/foelg").param("token", "forkert")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Linket virker ikke")));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/ideer/tak");
    }

    @Test
    void theClinicAsksTheSubmitterAnswersAndThePrioritisedIdeaBecomesAnInitiative() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        String email = "ole" + n + "@borger.test";
        mvc.perform(ideaForm("Fælles plejeplan " + n).param("name", "Ole Borger").param("email", email)
                .param("showName", "true")).andExpect(status().is3xxRedirection());
        long id = latestIdeaTitled("Fælles plejeplan " + n);
        ideas.confirm(ReceivedMails.token(ReceivedMails.await(mail, email, 1, Duration.ofSeconds(15)).get(0),
                ReceivedMails.CONFIRM));
        var consultant = aConsultant();

        // the queue is oldest first and paged: the consultant finds the new idea by its title
        mvc.perform(get("/idekliniken").param("q", "plejeplan " + n).with(authentication(consultant)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Fælles plejeplan " + n)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Viser 1–1 af 1")));
        mvc.perform(post("/idekliniken/" + id + "/spoerg").with(csrf()).with(authentication(consultant))
                .param("body", "Hvilke kommuner har du talt med?")).andExpect(status().is3xxRedirection());
        assertThat(ideas.find(id).orElseThrow().status()).isEqualTo(IdeaStatus.IN_REVIEW);

        // the confirmation, the question, and the status change to "under review"
        List<MimeMessage> mails = ReceivedMails.await(mail, email, 3, Duration.ofSeconds(15));
        MimeMessage question = mails.stream().filter(m -> ReceivedMails.text(m).contains("Hvilke kommuner"))
                .findFirst().orElseThrow();
        String follow = ReceivedMails.token(question, ReceivedMails.FOLLOW);
        mvc.perform(post("/ideer/foelg").with(csrf()).param("token", follow).param("body", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Udfyld feltet.")));
        mvc.perform(post("/ideer/foelg").with(csrf()).param("token", follow).param("body", "Odense og Svendborg"))
                .andExpect(redirectedUrl("/ideer/foelg?token=" + follow));
        assertThat(ideas.thread(id)).extracting(IdeaMessage::body)
                .containsExactly("Hvilke kommuner har du talt med?", "Odense og Svendborg");

        var score = post("/idekliniken/" + id + "/score").with(csrf()).with(authentication(consultant));
        for (ScoreCriterion criterion : clinic.criteria(true)) {
            score.param("score" + criterion.id(), "4").param("why" + criterion.id(), "Godt begrundet");
        }
        mvc.perform(score).andExpect(status().is3xxRedirection());
        assertThat(clinic.prioritised()).anySatisfy(a -> {
            assertThat(a.ideaId()).isEqualTo(id);
            assertThat(a.assessors()).isEqualTo(1);
            assertThat(a.averageScore()).isEqualByComparingTo("4");
        });
        // the scorecard keeps the consultant's scores after saving, with the total and the average
        var page = org.jsoup.Jsoup.parse(mvc.perform(get("/idekliniken/" + id).with(authentication(consultant)))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        int criteria = clinic.criteria(true).size();
        for (ScoreCriterion criterion : clinic.criteria(true)) {
            assertThat(page.select("#score" + criterion.id() + " option[selected]").text()).isEqualTo("4");
            assertThat(page.select("#why" + criterion.id()).text()).isEqualTo("Godt begrundet");
        }
        assertThat(page.select("[data-score-totals] tbody td")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly((4 * criteria) + " af " + (5 * criteria), "4,0");
        // the overview on top says the average and the next step (issue 11, item 19)
        assertThat(page.select(".tvaers-overview #overall-score").text()).isEqualTo("Gennemsnit 4,0 af 5 (" + criteria + " scorer)");
        assertThat(page.select(".tvaers-overview").first().elementSiblingIndex())
                .isLessThan(page.select("#scorekort").first().elementSiblingIndex());

        mvc.perform(post("/idekliniken/" + id + "/udfald").with(csrf()).with(authentication(consultant))
                .param("outcome", "PRIORITISED").param("note", "Vi starter et projekt"))
                .andExpect(redirectedUrl("/idekliniken/" + id));
        Idea decided = ideas.find(id).orElseThrow();
        assertThat(decided.status()).isEqualTo(IdeaStatus.PRIORITISED);
        assertThat(decided.outcomeByName()).startsWith("Karin Konsulent");
        assertThat(decided.outcomeAt()).isNotNull();
        var initiative = initiatives.find(decided.initiativeId()).orElseThrow();
        assertThat(initiative.phase()).isEqualTo(Phase.NEW);
        assertThat(initiative.sourceIdeaId()).isEqualTo(id);

        List<MimeMessage> all = ReceivedMails.await(mail, email, 4, Duration.ofSeconds(15));
        assertThat(all).anySatisfy(m -> assertThat(ReceivedMails.subject(m)).contains("Prioriteret"));
        mvc.perform(get("/ideer/" + id)).andExpect(content().string(org.hamcrest.Matchers.containsString("Ole Borger")));
    }

    @Test
    void aPersonSupportsAnIdeaOnlyOnce() throws Exception {
        long id = ideas.submit(anIdea("Støt mig " + SEQUENCE.incrementAndGet()), Submitter.assisted("Bo", null, 1, "Staff"));
        var citizen = aCitizen();
        long userId = ((AccountPrincipal) citizen.getPrincipal()).userId();

        mvc.perform(post("/ideer/" + id + "/stoet").with(csrf()).with(authentication(citizen)))
                .andExpect(redirectedUrl("/ideer/" + id));
        assertThatThrownBy(() -> reactions.support(id, userId)).isInstanceOf(AlreadySupportedException.class);
        var again = mvc.perform(post("/ideer/" + id + "/stoet").with(csrf()).with(authentication(citizen)))
                .andExpect(redirectedUrl("/ideer/" + id)).andReturn();
        assertThat(((Flash) again.getFlashMap().get(Flash.ATTRIBUTE)).problem()).isEqualTo("idea.support.error.already");
        assertThat(ideas.find(id).orElseThrow().supports()).isEqualTo(1);
    }

    @Test
    void mergingMovesSupportsAndFollowersToTheOtherIdea() {
        Actor consultant = new Actor(null, "Konsulent");
        long from = ideas.submit(anIdea("Dublet " + SEQUENCE.incrementAndGet()), Submitter.anonymous("Asta", "asta@x.test"));
        ideas.confirm(tokenFor(from));
        long into = ideas.submit(anIdea("Original " + SEQUENCE.incrementAndGet()), Submitter.assisted("Bent", null, 1, "S"));
        long both = aCitizenId();
        long onlyFrom = aCitizenId();
        reactions.support(from, both);
        reactions.support(into, both);
        reactions.support(from, onlyFrom);

        clinic.merge(from, into, "Samme idé", consultant);

        assertThat(ideas.find(into).orElseThrow().supports()).isEqualTo(2);
        assertThat(ideas.find(from).orElseThrow().supports()).isZero();
        assertThat(ideas.find(from).orElseThrow().status()).isEqualTo(IdeaStatus.MERGED);
        assertThat(ideas.find(from).orElseThrow().mergedIntoId()).isEqualTo(into);
        assertThat(reactions.supports(into, onlyFrom)).isTrue();
        // the follower of the merged idea now follows the idea it went into
        assertThat(ideas.followerByToken(lastToken).orElseThrow().ideaId()).isEqualTo(into);
        assertThatThrownBy(() -> clinic.merge(into, into, null, consultant)).isInstanceOf(InvalidOutcomeException.class);
        assertThatThrownBy(() -> clinic.reject(from, "for sent", consultant)).isInstanceOf(InvalidOutcomeException.class);
    }

    @Test
    void rejectionAndReferralKeepTheirReasonAndWhoDecided() {
        Actor consultant = new Actor(null, "Karin Konsulent");
        long rejected = ideas.submit(anIdea("Afvis " + SEQUENCE.incrementAndGet()), Submitter.assisted("C", null, 1, "S"));
        long referred = ideas.submit(anIdea("Henvis " + SEQUENCE.incrementAndGet()), Submitter.assisted("D", null, 1, "S"));

        clinic.reject(rejected, "Findes allerede i Region Syddanmark", consultant);
        clinic.refer(referred, "Kommunernes Landsforening", consultant);

        Idea r = ideas.find(rejected).orElseThrow();
        assertThat(r.status()).isEqualTo(IdeaStatus.REJECTED);
        assertThat(r.outcomeNote()).isEqualTo("Findes allerede i Region Syddanmark");
        assertThat(r.outcomeByName()).isEqualTo("Karin Konsulent");
        assertThat(r.outcomeAt()).isNotNull();
        assertThat(clinic.history(referred)).last().satisfies(change -> {
            assertThat(change.to()).isEqualTo(IdeaStatus.REFERRED);
            assertThat(change.note()).isEqualTo("Kommunernes Landsforening");
            assertThat(change.byName()).isEqualTo("Karin Konsulent");
        });
    }

    @Test
    void myIdeasIsPagedSoACitizenWithManyIdeasStillGetsThePageAndAnswersOnLaterPagesReturnThere() throws Exception {
        var citizen = aCitizen();
        var principal = (AccountPrincipal) citizen.getPrincipal();
        String prefix = "Mange idéer " + SEQUENCE.incrementAndGet() + " nr. ";
        for (int i = 1; i <= 23; i++) {
            ideas.submit(new NewIdea(prefix + i, "Et problem", "Et forslag", "Borgere",
                    EnumSet.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY, null, false, List.of()),
                    Submitter.account(principal.userId(), principal.displayName(), null));
        }
        String first = mvc.perform(get("/mine-ideer").with(authentication(citizen))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Viser 1–10 af 23").contains(prefix + "23<").doesNotContain(prefix + "13<")
                .contains("?side=3");
        String third = mvc.perform(get("/mine-ideer").param("side", "3").with(authentication(citizen)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(third).contains("Viser 21–23 af 23").contains(prefix + "1<").doesNotContain(prefix + "4<");
        long oldest = latestIdeaTitled(prefix + "1");
        mvc.perform(post("/mine-ideer/{id}/svar", oldest).with(csrf()).with(authentication(citizen))
                        .param("body", "").param("side", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(prefix + "1<")));
    }

    @Test
    void aSubmitterTakesOutTheirDataAndDeletesTheirAccountWhileTheirIdeaStays() throws Exception {
        var citizen = aCitizen();
        var principal = (AccountPrincipal) citizen.getPrincipal();
        String title = "Min egen idé " + SEQUENCE.incrementAndGet();
        mvc.perform(ideaForm(title).with(authentication(citizen)).param("showName", "true"))
                .andExpect(redirectedUrl("/mine-ideer"));
        long id = latestIdeaTitled(title);
        reactions.comment(id, "Min kommentar", new Actor(principal.userId(), principal.displayName()));
        long other = aCitizenId();
        reactions.comment(id, "En andens kommentar", new Actor(other, "Anden Borger"));

        mvc.perform(get("/mine-ideer").with(authentication(citizen))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(title)));
        mvc.perform(get("/mine-ideer/mine-data").with(authentication(citizen))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(title)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Min kommentar")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(principal.getUsername())));

        mvc.perform(post("/mine-ideer/slet-konto").with(csrf()).with(authentication(citizen)).param("confirm", "nej"))
                .andExpect(redirectedUrl("/mine-ideer#slet"));
        assertThat(users.find(principal.userId()).orElseThrow().active()).isTrue();
        mvc.perform(post("/mine-ideer/slet-konto").with(csrf()).with(authentication(citizen)).param("confirm", "SLET"))
                .andExpect(redirectedUrl("/"));

        var account = users.find(principal.userId()).orElseThrow();
        assertThat(account.active()).isFalse();
        assertThat(account.email()).isNull();
        assertThat(account.displayName()).isEqualTo(UserDirectory.DELETED_NAME);
        Idea idea = ideas.find(id).orElseThrow();
        assertThat(idea.submitterName()).isNull();
        assertThat(idea.publicSubmitterName()).isNull();
        assertThat(reactions.comments(id)).extracting(IdeaComment::authorName, IdeaComment::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple(UserDirectory.DELETED_NAME, "Min kommentar"),
                org.assertj.core.groups.Tuple.tuple("Anden Borger", "En andens kommentar"));
    }

    // --- helpers ---

    private String lastToken;

    private String tokenFor(long ideaId) {
        // a follow link as the confirmation mail would carry, made directly for tests that do not read mail
        String token = LinkTokens.newToken();
        long follower = jdbc().sql("SELECT id FROM idea_follower WHERE idea_id = :id").param("id", ideaId)
                .query(Long.class).single();
        jdbc().sql("INSERT INTO idea_follow_token (token_hash, follower_id) VALUES (:h, :f)")
                .param("h", LinkTokens.hash(token)).param("f", follower).update();
        lastToken = token;
        return token;
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

    private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return jdbcClient;
    }

    private long latestIdeaTitled(String title) {
        return jdbc().sql("SELECT max(id) FROM idea WHERE title = :t").param("t", title).query(Long.class).single();
    }

    private static NewIdea anIdea(String title) {
        return new NewIdea(title, "Et problem", "Et forslag", "Patienter", EnumSet.of(Sector.REGION, Sector.MUNICIPALITY),
                InnovationType.EVERYDAY, Region.SYDDANMARK, false, List.of());
    }

    private static MockMultipartHttpServletRequestBuilder ideaForm(String title) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/ideer/ny").with(csrf())
                .param("title", title)
                .param("problem", "Patienter glemmer at tage deres medicin efter udskrivelsen")
                .param("proposal", "En påmindelse på sms fra kommunens hjemmepleje")
                .param("beneficiaries", "Ældre medicinske patienter")
                .param("sectors", "REGION", "MUNICIPALITY")
                .param("innovationType", "EVERYDAY")
                .param("region", "SYDDANMARK");
    }

    private UsernamePasswordAuthenticationToken aConsultant() {
        int n = SEQUENCE.incrementAndGet();
        long org = organisations.create(new OrganisationDetails("Idéklinik " + n + " " + System.nanoTime(),
                Sector.REGION, Region.SYDDANMARK, null), Actor.SYSTEM).id();
        long id = users.create(new UserAttributes("konsulent" + n + "." + System.nanoTime() + "@region.test",
                "Karin Konsulent " + n, org, Set.of(Role.INNOVATION_CONSULTANT)), "Konsulent-Kode-2026-lang", false,
                Actor.SYSTEM);
        return signedIn(id);
    }

    private UsernamePasswordAuthenticationToken aCitizen() {
        return signedIn(aCitizenId());
    }

    private long aCitizenId() {
        int n = SEQUENCE.incrementAndGet();
        return users.create(new UserAttributes("borger" + n + "." + System.nanoTime() + "@borger.test",
                "Birte Borger " + n, null, EnumSet.of(Role.CITIZEN)), "Borger-Kode-2026-lang", false, Actor.SYSTEM);
    }

    private UsernamePasswordAuthenticationToken signedIn(long id) {
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
