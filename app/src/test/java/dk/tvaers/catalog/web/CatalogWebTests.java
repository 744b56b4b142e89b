package dk.tvaers.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.catalog.Adoptions;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseSearch;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.catalog.CaseSection;
import dk.tvaers.catalog.CaseSummary;
import dk.tvaers.catalog.CatalogCase;
import dk.tvaers.catalog.EvidenceLevel;
import dk.tvaers.catalog.Stories;
import dk.tvaers.catalog.Theme;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.security.SecurityConfiguration;
import dk.tvaers.platform.security.SliceRateLimits;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The catalogue's pages with the real security, layout and bundles: forms, errors that keep input, htmx. */
@WebMvcTest({CaseEditorController.class, CaseAssessmentController.class, CatalogController.class})
@Import({SecurityConfiguration.class, SliceRateLimits.class, TimeFormat.class})
class CatalogWebTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CaseCatalog catalog;

    @MockitoBean
    CaseSearch search;

    @MockitoBean
    Adoptions adoptions;

    @MockitoBean
    Stories stories;

    @MockitoBean
    CatalogPdf pdf;

    @MockitoBean
    Initiatives initiatives;

    @MockitoBean
    OrganisationDirectory organisations;

    @MockitoBean
    UserDirectory users;

    @Test
    void savesANewCaseWithItsSectionsAndMoneyInOre() {
        given(catalog.create(any(), any(), any())).willReturn(7L);

        var result = mvc.post().uri("/katalog/ny").with(csrf()).with(authentication(as(Role.ANALYST)))
                .param("title", "Diabetesbussen").param("targetGroup", "Sårbare borgere med diabetes")
                .param("purpose", "Opspore senkomplikationer").param("themes", "SOCIAL_INEQUALITY")
                .param("region", "SJAELLAND").param("cost", "1.650.000").param("actors", "Region Sjælland\nLolland Kommune")
                .exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/katalog/7/redaktion");
        var draft = ArgumentCaptor.forClass(CaseDraft.class);
        verify(catalog).create(draft.capture(), eq(null), any());
        assertThat(draft.getValue().costOre()).isEqualTo(165_000_000L);
        assertThat(draft.getValue().fundingOre()).isNull();
        assertThat(draft.getValue().themes()).containsExactly(Theme.SOCIAL_INEQUALITY);
        assertThat(draft.getValue().region()).isEqualTo(Region.SJAELLAND);
        assertThat(draft.getValue().sections().get(CaseSection.TARGET_GROUP)).isEqualTo("Sårbare borgere med diabetes");
        assertThat(draft.getValue().actors()).containsExactly("Region Sjælland", "Lolland Kommune");
    }

    @Test
    void showsTheErrorsAboveTheFormAndKeepsWhatWasTyped() {
        var result = mvc.post().uri("/katalog/ny").with(csrf()).with(authentication(as(Role.INNOVATION_CONSULTANT)))
                .param("title", "").param("targetGroup", "Aeldre med multisygdom").param("purpose", "")
                .param("cost", "fem kroner").param("results", "Gode indikationer").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("data-error-summary", "Udfyld feltet.",
                "Skriv et beløb i hele kroner, fx 1.650.000.", "href=\"#title\"", "href=\"#purpose\"",
                "Aeldre med multisygdom", "Gode indikationer", "value=\"fem kroner\"");
        verify(catalog, never()).create(any(), any(), any());
    }

    @Test
    void asksForAScoreAndAJustificationForEveryParameter() {
        given(catalog.find(5)).willReturn(Optional.of(new CatalogCase(5, null, 1, null, null, null,
                EvidenceLevel.NOT_ASSESSED, Instant.EPOCH)));
        given(catalog.version(anyLong(), anyInt())).willReturn(Optional.empty());

        var result = mvc.post().uri("/katalog/5/vurdering").with(csrf()).with(authentication(as(Role.ANALYST)))
                .param("theoryScore", "3").param("theoryNote", "Bygger paa tidligere projekter")
                .param("effectScore", "").param("effectNote", "").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("data-error-summary", "Vælg en værdi.", "Bygger paa tidligere projekter",
                "href=\"#effectScore\"", "href=\"#transferabilityNote\"");
        verify(catalog, never()).assess(anyLong(), any(), any());
    }

    @Test
    void onlyAnalystsPublish() {
        var result = mvc.post().uri("/katalog/5/udgiv").with(csrf()).with(authentication(as(Role.INNOVATION_CONSULTANT)))
                .param("version", "1").exchange();

        assertThat(result).hasStatus(403);
        verify(catalog, never()).publish(anyLong(), anyInt(), any(), any());
    }

    @Test
    void answersHtmxWithOnlyTheResults() {
        given(search.search(any(), any(), anyInt(), anyInt())).willReturn(new PageOf<>(List.of(new CaseSummary(3,
                "Samblik", "Datadeling om type 2-diabetes", Region.MIDTJYLLAND, Set.of(), Set.of(Theme.DATA_SHARING),
                EvidenceLevel.LOW, null, Instant.EPOCH)), 1, 20, 1));

        var fragment = mvc.get().uri("/katalog?q=diabetes&tema=DATA_SHARING").header("HX-Request", "true").exchange();
        var page = mvc.get().uri("/katalog?q=diabetes&tema=DATA_SHARING").exchange();

        assertThat(fragment).hasStatusOk();
        assertThat(fragment).bodyText().contains("id=\"results\"", "Samblik", "Lav evidens",
                "/katalog/eksport/pdf?q=diabetes&amp;tema=DATA_SHARING").doesNotContain("<html", "<h1");
        assertThat(page).bodyText().contains("<html", "<h1>Casekatalog</h1>", "Samblik");
    }

    private static UsernamePasswordAuthenticationToken as(Role role) {
        var principal = AccountPrincipal.of(new UserAccount(9, "u@x.dk", "u@x.dk", "U", null, null, Set.of(role), true,
                false, 0, null, true, false, null, "da"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
