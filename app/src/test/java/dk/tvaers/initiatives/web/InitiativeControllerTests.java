package dk.tvaers.initiatives.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeDocuments;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.LaboratoryPriorities;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.initiatives.TrialActions;
import dk.tvaers.platform.security.SecurityConfiguration;
import dk.tvaers.platform.security.SliceRateLimits;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(InitiativeController.class)
@Import({SecurityConfiguration.class, SliceRateLimits.class, TimeFormat.class, InitiativeControllerTests.FixedClock.class})
class InitiativeControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Initiatives initiatives;

    @MockitoBean
    OrganisationDirectory organisations;

    @MockitoBean
    UserDirectory users;

    @MockitoBean
    TrialActions trialActions;

    @MockitoBean
    InitiativeMembers members;

    @MockitoBean
    InitiativeDocuments documents;

    @MockitoBean
    LaboratoryPriorities priorities;

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
        }
    }

    private static final Initiative KOL = new Initiative(3, "KOL i eget hjem", "", InitiativeKind.LABORATORY,
            InnovationType.EVERYDAY, Phase.NEW, null, null, Set.of(Sector.REGION, Sector.MUNICIPALITY), 12L,
            Instant.parse("2026-11-01T10:00:00Z"));

    @BeforeEach
    void anInitiative() {
        given(initiatives.find(3)).willReturn(Optional.of(KOL));
        given(initiatives.history(3)).willReturn(List.of());
    }

    @Test
    void showsTheInitiativeWithItsPhaseAndTheIdeaItCameFrom() {
        var result = mvc.get().uri("/initiativer/3").with(authentication(as(Role.STAFF))).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("KOL i eget hjem").contains("Nyt").contains("Idé nr. 12")
                .contains("Tværsektorielt").doesNotContain("Flyt fase")
                .contains("href=\"/ideer/12\"");
    }

    @Test
    void letsAConsultantMoveThePhase() {
        var result = mvc.post().uri("/initiativer/3/fase").with(csrf()).with(authentication(as(Role.INNOVATION_CONSULTANT)))
                .param("phase", "USEFUL").param("note", "Business case godkendt").exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/initiativer/3");
        verify(initiatives).movePhase(org.mockito.ArgumentMatchers.eq(3L), org.mockito.ArgumentMatchers.eq(Phase.USEFUL),
                org.mockito.ArgumentMatchers.eq("Business case godkendt"), any());
    }

    @Test
    void saysSoWhenThePhaseIsTheSameAsNow() {
        var result = mvc.post().uri("/initiativer/3/fase").with(csrf()).with(authentication(as(Role.INNOVATION_CONSULTANT)))
                .param("phase", "NEW").param("note", "").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("data-error-summary")
                .contains("Initiativet er allerede i den fase. Vælg en anden.");
        verify(initiatives, never()).movePhase(anyLong(), any(), any(), any());
    }

    @Test
    void refusesStaffWhoTryToMoveThePhase() {
        var result = mvc.post().uri("/initiativer/3/fase").with(csrf()).with(authentication(as(Role.STAFF)))
                .param("phase", "USEFUL").exchange();

        assertThat(result).hasStatus(403);
        verify(initiatives, never()).movePhase(anyLong(), any(), any(), any());
    }

    @Test
    void asksForTitleKindAndSectorsWhenStartingOne() {
        given(organisations.allActive()).willReturn(List.of());

        var result = mvc.post().uri("/initiativer/ny").with(csrf()).with(authentication(as(Role.TASK_FORCE)))
                .param("title", "").param("summary", "Noget om hjemmebehandling").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Udfyld feltet.").contains("Vælg mindst én.")
                .contains("Noget om hjemmebehandling");
    }

    private static UsernamePasswordAuthenticationToken as(Role role) {
        var principal = AccountPrincipal.of(new UserAccount(9, "u@x.dk", "u@x.dk", "U", null, null, Set.of(role), true,
                false, 0, null, true, false, null, "da"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
