package dk.tvaers.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.tvaers.accounts.AuditKind;
import dk.tvaers.shared.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A user's own password and profile, and the password-reset form. */
class ProfileControllerTests extends AccountsWebSlice {

    @Test
    void changesThePasswordWhenTheCurrentOneIsRight() {
        given(users.find(5L)).willReturn(Optional.of(account(5, Role.STAFF)));
        given(users.passwordMatches(5L, "gammel-adgangskode-1")).willReturn(true);

        var result = mvc.post().uri("/profil/adgangskode")
                .with(csrf()).with(authentication(signedIn(5, Role.STAFF)))
                .param("current", "gammel-adgangskode-1").param("password", "en helt ny lang sætning")
                .param("repeat", "en helt ny lang sætning")
                .exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/profil");
        verify(users).changePassword(5L, "en helt ny lang sætning", AuditKind.PASSWORD_CHANGED);
    }

    @Test
    void refusesAWrongCurrentPasswordAndAShortNewOne() {
        given(users.find(5L)).willReturn(Optional.of(account(5, Role.STAFF)));
        given(users.passwordMatches(anyLong(), any())).willReturn(false);

        var result = mvc.post().uri("/profil/adgangskode")
                .with(csrf()).with(authentication(signedIn(5, Role.STAFF)))
                .param("current", "forkert").param("password", "kort").param("repeat", "kort")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("Din nuværende adgangskode er forkert.")
                .contains("Adgangskoden skal have mindst 12 tegn.");
        verify(users, never()).changePassword(anyLong(), anyString(), any());
    }

    @Test
    void showsTheNewNameInTheHeaderAtOnce() {
        given(users.find(5L)).willReturn(Optional.of(account(5, Role.STAFF)))
                .willReturn(Optional.of(account(5, Role.STAFF)))
                .willReturn(Optional.of(new dk.tvaers.accounts.UserAccount(5, "user5@slice.test", "user5@slice.test",
                        "Mette Nyt-Navn", null, null, java.util.Set.of(Role.STAFF), true, false, 0, null, true, false,
                        null, "da")));

        var result = mvc.post().uri("/profil")
                .with(csrf()).with(authentication(signedIn(5, Role.STAFF)))
                .param("displayName", "Mette Nyt-Navn").param("email", "user5@slice.test").param("language", "da")
                .exchange();

        assertThat(result).hasStatus3xxRedirection();
        var context = (org.springframework.security.core.context.SecurityContext) result.getMvcResult().getRequest()
                .getSession().getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(((dk.tvaers.accounts.AccountPrincipal) context.getAuthentication().getPrincipal()).displayName())
                .isEqualTo("Mette Nyt-Navn");
        verify(users).updateOwnProfile(5L, "Mette Nyt-Navn", "user5@slice.test", "da");
    }

    @Test
    void refusesTwoDifferentPasswords() {
        given(resets.userFor("gyldig")).willReturn(Optional.of(5L));
        given(users.find(5L)).willReturn(Optional.of(account(5, Role.STAFF)));

        var result = mvc.post().uri("/nulstil-adgangskode")
                .with(csrf())
                .param("token", "gyldig").param("password", "en helt ny lang sætning")
                .param("repeat", "en anden lang sætning")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("De to adgangskoder er ikke ens.");
        verify(resets, never()).complete(anyString(), anyString());
    }

    @Test
    void saysPlainlyWhenTheResetLinkHasExpired() {
        given(resets.userFor("udloebet")).willReturn(Optional.empty());

        var result = mvc.get().uri("/nulstil-adgangskode?token=udloebet").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Linket er udløbet eller allerede brugt.");
    }

    @Test
    void asksForAValidAddressBeforeSendingAResetLink() {
        var result = mvc.post().uri("/glemt-adgangskode").with(csrf()).param("email", "ikke en adresse").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Skriv en gyldig e-mailadresse").contains("value=\"ikke en adresse\"");
        verify(resets, never()).request(anyString());
    }

    @Test
    void answersTheSameWhetherOrNotTheAddressIsKnown() {
        var result = mvc.post().uri("/glemt-adgangskode").with(csrf()).param("email", "hvem@som.helst.dk").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Hvis adressen hører til en bruger, har vi sendt et link til den.");
        verify(resets).request(eq("hvem@som.helst.dk"));
    }

    @Test
    void keepsTheUsernameAfterAFailedLogin() {
        var result = mvc.post().uri("/login/fejl").with(csrf()).param("username", "mette@randers.dk")
                .requestAttr("SPRING_SECURITY_LAST_EXCEPTION",
                        new org.springframework.security.authentication.BadCredentialsException("bad"))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("value=\"mette@randers.dk\"")
                .contains("E-mail eller adgangskode er forkert.").contains("data-error-summary");
    }
}
