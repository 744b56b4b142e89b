package dk.tvaers.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.DuplicateNameException;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The organisation form and list: success, errors that keep the input, and the htmx fragment. */
class OrganisationAdminControllerTests extends AccountsWebSlice {

    private static final Organisation RANDERS =
            new Organisation(7, "Randers Kommune", Sector.MUNICIPALITY, Region.MIDTJYLLAND, null, true);

    @Test
    void createsAnOrganisationAndReturnsToTheList() {
        given(organisations.create(any(), any())).willReturn(RANDERS);

        var result = mvc.post().uri("/admin/organisationer/ny")
                .with(csrf()).with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .param("name", "Randers Kommune").param("sector", "MUNICIPALITY").param("region", "MIDTJYLLAND")
                .param("cvr", "")
                .exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/admin/organisationer");
        verify(organisations).create(eq(new OrganisationDetails("Randers Kommune", Sector.MUNICIPALITY,
                Region.MIDTJYLLAND, "")), eq(new Actor(1L, "user1@slice.test")));
    }

    @Test
    void showsTheErrorSummaryAndKeepsWhatWasTypedWhenTheNameIsMissing() {
        var result = mvc.post().uri("/admin/organisationer/ny")
                .with(csrf()).with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .param("name", "").param("sector", "GENERAL_PRACTICE").param("region", "")
                .param("cvr", "1234")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("data-error-summary")
                .contains("Der er problemer med det, du har indtastet")
                .contains("Udfyld feltet.")
                .contains("Vælg en værdi.")
                .contains("Et CVR-nummer består af 8 cifre.")
                .contains("value=\"1234\"")
                .containsPattern("value=\"GENERAL_PRACTICE\"[^>]*selected");
        verify(organisations, never()).create(any(), any());
    }

    @Test
    void refusesATooLongNameAndKeepsIt() {
        String tooLong = "Kommune ".repeat(30);

        var result = mvc.post().uri("/admin/organisationer/ny")
                .with(csrf()).with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .param("name", tooLong).param("sector", "MUNICIPALITY").param("region", "MIDTJYLLAND")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Teksten er for lang.").contains(tooLong.strip());
        verify(organisations, never()).create(any(), any());
    }

    @Test
    void refusesADuplicateNameInDanish() {
        given(organisations.create(any(), any())).willThrow(new DuplicateNameException("name"));

        var result = mvc.post().uri("/admin/organisationer/ny")
                .with(csrf()).with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .param("name", "Randers Kommune").param("sector", "MUNICIPALITY").param("region", "MIDTJYLLAND")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Der findes allerede en organisation med det navn.")
                .contains("value=\"Randers Kommune\"");
    }

    @Test
    void answersAnHtmxSearchWithTheResultsFragmentOnly() {
        given(organisations.search(any(), anyInt(), anyInt())).willReturn(new PageOf<>(List.of(RANDERS), 1, 20, 1));

        var result = mvc.get().uri("/admin/organisationer?q=randers")
                .header("HX-Request", "true")
                .with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("id=\"results\"").contains("Randers Kommune")
                .doesNotContain("<html").doesNotContain("<h1");
    }

    @Test
    void showsTheWholePageWithoutHtmx() {
        given(organisations.search(any(), anyInt(), anyInt())).willReturn(new PageOf<>(List.of(RANDERS), 1, 20, 1));

        var result = mvc.get().uri("/admin/organisationer")
                .with(authentication(signedIn(1, Role.ADMINISTRATOR)))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("<html").contains("lang=\"da\"").contains("Organisationer")
                .contains("Randers Kommune");
    }

    @Test
    void refusesStaff() {
        var result = mvc.get().uri("/admin/organisationer")
                .with(authentication(signedIn(2, Role.STAFF)))
                .exchange();

        assertThat(result).hasStatus(403);
    }
}
