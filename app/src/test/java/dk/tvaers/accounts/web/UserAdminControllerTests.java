package dk.tvaers.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.tvaers.accounts.DuplicateNameException;
import dk.tvaers.accounts.InvalidAccountException;
import dk.tvaers.shared.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user form: an invitation on success; duplicate e-mail, missing roles and the citizen rule in Danish. */
class UserAdminControllerTests extends AccountsWebSlice {

    @Test
    void createsAUserAndSendsAnInvitation() {
        given(organisations.allActive()).willReturn(List.of());
        given(users.create(any(), any(), anyBoolean(), any())).willReturn(42L);

        var result = mvc.post().uri("/admin/brugere/ny")
                .with(csrf()).with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .param("email", "mette@randers.dk").param("displayName", "Mette Hansen")
                .param("organisationId", "7").param("roles", "STAFF")
                .exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/admin/brugere");
        verify(resets).invite(42L);
    }

    @Test
    void refusesADuplicateEmailAndKeepsTheName() {
        given(organisations.allActive()).willReturn(List.of());
        given(users.create(any(), any(), anyBoolean(), any())).willThrow(new DuplicateNameException("email"));

        var result = mvc.post().uri("/admin/brugere/ny")
                .with(csrf()).with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .param("email", "mette@randers.dk").param("displayName", "Mette Hansen")
                .param("organisationId", "7").param("roles", "STAFF")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("data-error-summary")
                .contains("Der findes allerede en bruger med den e-mailadresse.")
                .contains("value=\"Mette Hansen\"")
                .containsPattern("value=\"STAFF\"[^>]*checked");
        verify(resets, never()).invite(any(Long.class));
    }

    @Test
    void explainsTheCitizenRuleBesideTheOrganisation() {
        given(organisations.allActive()).willReturn(List.of());
        given(users.create(any(), any(), anyBoolean(), any()))
                .willThrow(new InvalidAccountException("organisationId", "admin.user.error.citizenNoOrganisation"));

        var result = mvc.post().uri("/admin/brugere/ny")
                .with(csrf()).with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .param("email", "borger@example.dk").param("displayName", "Bo Borger")
                .param("organisationId", "7").param("roles", "CITIZEN")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("En borger hører ikke til en organisation.")
                .contains("href=\"#organisationId\"");
    }

    @Test
    void asksForAnEmailAndANameWhenTheyAreMissing() {
        given(organisations.allActive()).willReturn(List.of());

        var result = mvc.post().uri("/admin/brugere/ny")
                .with(csrf()).with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .param("email", "ikke-en-adresse").param("displayName", "")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("Skriv en gyldig e-mailadresse")
                .contains("Udfyld feltet.")
                .contains("value=\"ikke-en-adresse\"");
        verify(users, never()).create(any(), any(), anyBoolean(), any());
    }

    @Test
    void speaksEnglishWhenAsked() {
        given(organisations.allActive()).willReturn(List.of());

        var result = mvc.post().uri("/admin/brugere/ny?lang=en")
                .with(csrf()).with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .param("email", "").param("displayName", "")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("lang=\"en\"").contains("There is a problem with what you entered")
                .contains("Enter an e-mail address.");
    }

    @Test
    void refusesTheInnovationConsultant() {
        var result = mvc.post().uri("/admin/brugere/1/deaktiver")
                .with(csrf()).with(authentication(signedIn(3, Role.INNOVATION_CONSULTANT)))
                .exchange();

        assertThat(result).hasStatus(403);
        verify(users, never()).setActive(eq(1L), anyBoolean(), any());
    }
}
