package dk.tvaers.ideas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.tvaers.platform.web.Flash;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.ideas.AlreadySupportedException;
import dk.tvaers.ideas.Idea;
import dk.tvaers.ideas.IdeaClinic;
import dk.tvaers.ideas.IdeaPrivacy;
import dk.tvaers.ideas.IdeaSimilarity;
import dk.tvaers.ideas.IdeaStatus;
import dk.tvaers.ideas.IdeaReactions;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.SimilarItem;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.ideas.TestFiles;
import dk.tvaers.platform.mail.Mailer;
import dk.tvaers.platform.security.SecurityConfiguration;
import dk.tvaers.platform.security.SliceRateLimits;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.shared.FileType;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The idea form, the similar-ideas fragment and the public pages, with the module's services mocked. */
@WebMvcTest(controllers = {IdeaSubmissionController.class, IdeaPublicController.class, FollowController.class,
    MyIdeasController.class})
@Import({SecurityConfiguration.class, SliceRateLimits.class, TimeFormat.class})
class IdeaFormControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Ideas ideas;

    @MockitoBean
    IdeaReactions reactions;

    @MockitoBean
    IdeaClinic clinic;

    @MockitoBean
    IdeaPrivacy privacy;

    @MockitoBean
    IdeaSimilarity similarity;

    @MockitoBean
    UserDirectory users;

    @MockitoBean
    Mailer mailer;

    @MockitoBean
    Clock clock;

    private static final Idea KOL = new Idea(7, "KOL-patienter hjemme", "Genindlæggelser", "Telemedicin",
            "Patienter med KOL", InnovationType.EVERYDAY, null, IdeaStatus.SUBMITTED, Set.of(Sector.REGION), null,
            "Karen", false, null, null, null, null, null, null, null, null, 3, Instant.parse("2026-11-01T10:00:00Z"),
            Instant.parse("2026-11-01T10:00:00Z"), null);

    @BeforeEach
    void aWorkingClock() {
        given(clock.instant()).willReturn(Instant.parse("2026-11-02T10:00:00Z"));
    }

    /** Submits an idea without an account in a fresh session, and returns that session. */
    private MockHttpSession submitWithoutAccount() {
        given(ideas.submit(any(), any())).willReturn(12L);
        var session = new MockHttpSession();
        var result = mvc.post().uri("/ideer/ny").multipart().with(csrf()).session(session)
                .params(filledIn()).param("name", "Karen Borger").param("email", "karen@borger.test").exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/ideer/tak");
        return session;
    }

    @Test
    void withoutAMailServerTheThanksPageSaysNoMailWentOutAndOffersToSendItAgain() {
        given(mailer.canSend()).willReturn(false);
        var session = submitWithoutAccount();

        var thanks = mvc.get().uri("/ideer/tak").session(session).exchange();
        assertThat(thanks).hasStatusOk();
        assertThat(thanks).bodyText().doesNotContain("Vi har sendt").doesNotContain("Vi sender en e-mail")
                .contains("Vi kunne ikke sende e-mailen").contains("karen@borger.test").contains("Send e-mailen igen");

        var resend = mvc.post().uri("/ideer/tak").with(csrf()).session(session).exchange();
        assertThat(resend).hasStatus3xxRedirection().hasRedirectedUrl("/ideer/tak");
        verify(ideas, never()).resendConfirmation(anyLong());
    }

    @Test
    void theConfirmationMailIsSentAgainAtMostOnceAMinuteAndThreeTimes() {
        given(mailer.canSend()).willReturn(true);
        given(ideas.resendConfirmation(12L)).willReturn(true);
        var session = submitWithoutAccount();
        assertThat(mvc.get().uri("/ideer/tak").session(session).exchange()).bodyText()
                .contains("Vi sender en e-mail til karen@borger.test");

        mvc.post().uri("/ideer/tak").with(csrf()).session(session).exchange();
        mvc.post().uri("/ideer/tak").with(csrf()).session(session).exchange(); // the same minute: refused
        verify(ideas, org.mockito.Mockito.times(1)).resendConfirmation(12L);

        given(clock.instant()).willReturn(Instant.parse("2026-11-02T10:02:00Z"));
        mvc.post().uri("/ideer/tak").with(csrf()).session(session).exchange();
        given(clock.instant()).willReturn(Instant.parse("2026-11-02T10:04:00Z"));
        mvc.post().uri("/ideer/tak").with(csrf()).session(session).exchange();
        given(clock.instant()).willReturn(Instant.parse("2026-11-02T10:06:00Z"));
        mvc.post().uri("/ideer/tak").with(csrf()).session(session).exchange(); // a fourth: refused
        verify(ideas, org.mockito.Mockito.times(3)).resendConfirmation(12L);
        assertThat(mvc.get().uri("/ideer/tak").session(session).exchange()).bodyText()
                .doesNotContain("Send e-mailen igen");
    }

    @Test
    void anotherVisitorCannotResendSomeoneElsesMail() {
        var resend = mvc.post().uri("/ideer/tak").with(csrf()).exchange();
        assertThat(resend).hasStatus3xxRedirection().hasRedirectedUrl("/ideer");
        verify(ideas, never()).resendConfirmation(anyLong());
    }

    @BeforeEach
    void similarIdeas() {
        given(similarity.similar(anyString(), anyInt()))
                .willReturn(List.of(new SimilarItem("IDEA", 7, "KOL-patienter hjemme", "/ideer/7", 0.8)));
        given(ideas.findPublished(7)).willReturn(Optional.of(KOL));
        given(ideas.findFor(eq(7L), any())).willReturn(Optional.of(KOL));
        given(reactions.comments(eq(7L), any())).willReturn(List.of());
    }

    @Test
    void theFormOpensForEveryoneAndAsksWhoYouAreOnlyWithoutAnAccount() {
        var anonymous = mvc.get().uri("/ideer/ny").exchange();
        var citizen = mvc.get().uri("/ideer/ny").with(authentication(signedIn(5, Role.CITIZEN))).exchange();

        assertThat(anonymous).hasStatusOk();
        assertThat(anonymous).bodyText().contains("Indsend en idé").contains("Din e-mailadresse")
                .contains("enctype=\"multipart/form-data\"");
        assertThat(citizen).hasStatusOk();
        assertThat(citizen).bodyText().doesNotContain("Din e-mailadresse").doesNotContain("Indsend for en borger");
    }

    @Test
    void aPersonWithoutAnAccountSubmitsAndIsAskedToConfirm() {
        given(ideas.submit(any(), any())).willReturn(12L);

        var result = mvc.post().uri("/ideer/ny").multipart().with(csrf())
                .file(new MockMultipartFile("attachments", "plan.docx", "application/octet-stream", TestFiles.docx()))
                .params(filledIn()).param("name", "Karen Borger").param("email", "karen@borger.test").exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/ideer/tak");
        var idea = ArgumentCaptor.forClass(NewIdea.class);
        var submitter = ArgumentCaptor.forClass(Submitter.class);
        verify(ideas).submit(idea.capture(), submitter.capture());
        assertThat(submitter.getValue().mustConfirm()).isTrue();
        assertThat(idea.getValue().attachments()).singleElement()
                .satisfies(a -> assertThat(a.type()).isEqualTo(FileType.DOCX));
    }

    @Test
    void emptyFieldsAreRefusedInDanishAndWhatWasTypedIsKept() {
        var result = mvc.post().uri("/ideer/ny").multipart().with(csrf())
                .param("title", "").param("problem", "Lange ventetider i akutmodtagelsen").param("proposal", "")
                .param("beneficiaries", "").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("data-error-summary").contains("Udfyld feltet.")
                .contains("Vælg mindst én.").contains("Skriv en e-mailadresse.")
                .contains("Lange ventetider i akutmodtagelsen");
        verify(ideas, never()).submit(any(), any());
    }

    @Test
    void aProgramRenamedToPdfIsRefusedByNameAndNothingElseIsLost() {
        var result = mvc.post().uri("/ideer/ny").multipart().with(csrf())
                .file(new MockMultipartFile("attachments", "faktura.pdf", "application/pdf", TestFiles.exe()))
                .params(filledIn()).param("name", "Karen Borger").param("email", "karen@borger.test").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("data-error-summary")
                .contains("Filen faktura.pdf er ikke en PDF, PNG, JPEG eller Word-fil (DOCX).")
                .contains("Telemedicin til KOL").contains("Karen Borger").contains("karen@borger.test");
        verify(ideas, never()).submit(any(), any());
    }

    @Test
    void aFileOverTenMegabytesIsRefusedByName() {
        byte[] large = new byte[(int) FileType.MAX_BYTES + 1];
        System.arraycopy(TestFiles.pdf(), 0, large, 0, TestFiles.pdf().length);

        var result = mvc.post().uri("/ideer/ny").multipart().with(csrf())
                .file(new MockMultipartFile("attachments", "scanning.pdf", "application/pdf", large))
                .params(filledIn()).param("name", "Karen Borger").param("email", "karen@borger.test").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Filen scanning.pdf er større end 10 MB.").contains("Karen Borger");
        verify(ideas, never()).submit(any(), any());
    }

    @Test
    void aLoggedInUserSubmitsDirectly() {
        given(users.find(5)).willReturn(Optional.of(account(5, Role.CITIZEN)));
        given(ideas.submit(any(), any())).willReturn(13L);

        var result = mvc.post().uri("/ideer/ny").multipart().with(csrf()).with(authentication(signedIn(5, Role.CITIZEN)))
                .params(filledIn()).exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/mine-ideer");
        var submitter = ArgumentCaptor.forClass(Submitter.class);
        verify(ideas).submit(any(), submitter.capture());
        assertThat(submitter.getValue().userId()).isEqualTo(5L);
    }

    @Test
    void staffSubmitForACitizenAndItIsRecordedAsAssisted() {
        given(ideas.submit(any(), any())).willReturn(14L);

        var result = mvc.post().uri("/ideer/ny").multipart().with(csrf()).with(authentication(signedIn(6, Role.STAFF)))
                .params(filledIn()).param("assisted", "true").param("name", "Ejner Ældre").exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/ideer/14");
        var submitter = ArgumentCaptor.forClass(Submitter.class);
        verify(ideas).submit(any(), submitter.capture());
        assertThat(submitter.getValue().assistedById()).isEqualTo(6L);
        assertThat(submitter.getValue().name()).isEqualTo("Ejner Ældre");
    }

    @Test
    void similarIdeasComeAsAFragmentWhileTyping() {
        var result = mvc.get().uri("/ideer/lignende").header("HX-Request", "true")
                .param("problem", "KOL patienter genindlægges").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("KOL-patienter hjemme").contains("/ideer/7").doesNotContain("<html");
    }

    @Test
    void similarIdeasAndCatalogueCasesComeInTwoHeadedListsAndOnlyIdeasAreOfferedForSupport() throws Exception {
        given(similarity.similar(anyString(), anyInt())).willReturn(List.of(
                new SimilarItem("IDEA", 7, "KOL-patienter hjemme", "/ideer/7", 0.8),
                new SimilarItem("CASE", 3, "LIVA – digital livsstilscoaching", "/katalog/3", 0.7)));

        var result = mvc.get().uri("/ideer/lignende").header("HX-Request", "true")
                .param("problem", "KOL patienter genindlægges").exchange();

        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var page = org.jsoup.Jsoup.parse(body);
        assertThat(page.select("[data-similar=IDEA] a")).extracting(e -> e.attr("href")).containsExactly("/ideer/7");
        assertThat(page.select("[data-similar=CASE] a")).extracting(e -> e.attr("href")).containsExactly("/katalog/3");
        var ideasHeading = page.select("[data-similar=IDEA]").first().previousElementSibling().previousElementSibling();
        var casesHeading = page.select("[data-similar=CASE]").first().previousElementSibling().previousElementSibling();
        assertThat(ideasHeading.text()).isEqualTo("Lignende idéer");
        assertThat(casesHeading.text()).isEqualTo("Lignende cases i casekataloget");
        assertThat(page.select("[data-similar=CASE]").first().previousElementSibling().text())
                .doesNotContain("støtte");
    }

    @Test
    void theCheckButtonShowsSimilarIdeasWithoutJavaScriptAndKeepsTheForm() {
        var result = mvc.post().uri("/ideer/ny").multipart().with(csrf()).params(filledIn()).param("check", "1")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Findes din idé allerede?").contains("KOL-patienter hjemme")
                .contains("Telemedicin til KOL").doesNotContain("data-error-summary");
        verify(ideas, never()).submit(any(), any());
    }

    @Test
    void aSecondSupportIsRefusedInDanish() {
        willThrow(new AlreadySupportedException(7)).given(reactions).support(7, 5);

        var result = mvc.post().uri("/ideer/7/stoet").with(csrf()).with(authentication(signedIn(5, Role.CITIZEN)))
                .exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/ideer/7");
        assertThat(result).flash().containsEntry(Flash.ATTRIBUTE, new Flash(null, "idea.support.error.already", null));
    }

    @Test
    void thePublicListAnswersHtmxWithItsResultsOnly() {
        given(ideas.search(any(), any(), anyInt(), anyInt())).willReturn(new PageOf<>(List.of(KOL), 1, 20, 1));

        var result = mvc.get().uri("/ideer").header("HX-Request", "true").param("q", "KOL").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("KOL-patienter hjemme").contains("id=\"results\"").doesNotContain("<html");
    }

    @Test
    void theIdeaPageHidesTheSubmittersNameUnlessTheyChoseToShowIt() throws Exception {
        var result = mvc.get().uri("/ideer/7").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("KOL-patienter hjemme").contains("Navnet vises ikke")
                .doesNotContain("Karen");
        // the idea's way through the clinic as a stepper (issue 11, item 17): submitted now, the outcome to come
        var page = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.select("ol.tvaers-stepper").attr("aria-label")).isEqualTo("Idéens vej gennem idéklinikken");
        assertThat(page.select("ol.tvaers-stepper li[aria-current=step]").text()).isEqualTo("Her nu: Indsendt");
        assertThat(page.select("ol.tvaers-stepper li").last().text()).isEqualTo("Kommer: Afgjort");
    }

    @Test
    void anEmptyCommentIsRefusedAndTheUserStaysOnThePage() {
        var result = mvc.post().uri("/ideer/7/kommentarer").with(csrf())
                .with(authentication(signedIn(5, Role.CITIZEN))).param("body", " ").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("data-error-summary").contains("Udfyld feltet.");
        verify(reactions, never()).comment(anyLong(), any(), any());
    }

    private static org.springframework.util.MultiValueMap<String, String> filledIn() {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        params.add("title", "Telemedicin til KOL");
        params.add("problem", "Mange genindlæggelser");
        params.add("proposal", "Målinger hjemme");
        params.add("beneficiaries", "Patienter med KOL");
        params.add("sectors", "REGION");
        params.add("sectors", "MUNICIPALITY");
        params.add("innovationType", "EVERYDAY");
        return params;
    }

    static UserAccount account(long id, Role role) {
        return new UserAccount(id, "user" + id + "@slice.test", "user" + id + "@slice.test", "Slice " + role,
                null, null, Set.of(role), true, false, 0, null, true, false, null, "da");
    }

    static UsernamePasswordAuthenticationToken signedIn(long id, Role role) {
        var principal = AccountPrincipal.of(account(id, role));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
