package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The analyst defines an initiative's population by rule: Danish validation, versions, shown where runs are. */
@IntegrationTest
class PopulationPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Initiatives initiatives;

    @Autowired
    Populations populations;

    @Autowired
    Runs runs;

    private static UsernamePasswordAuthenticationToken analyst() {
        var principal = AccountPrincipal.of(new UserAccount(9, "a@x.dk", "a@x.dk", "Anna Analytiker", null, null,
                Set.of(Role.ANALYST), true, false, 0, null, true, false, null, "da"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private long initiative() {
        return initiatives.start(new NewInitiative("Population " + System.nanoTime(), "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
    }

    @Test
    void savesARuleAsANewVersionEachTimeAndShowsIt() {
        long initiative = initiative();
        var saved = mvc.post().uri("/analyse/population").with(authentication(analyst())).with(csrf())
                .param("initiativeId", String.valueOf(initiative)).param("source", "RULE")
                .param("diagnoses", "dj44.1, DJ45").param("municipalities", "751 657").param("ageMin", "60")
                .param("ageMax", "80").param("dateFrom", "2024-01-01").param("dateTo", "2024-12-31")
                .param("comparison", "MATCHED").param("matchesPerTarget", "2").param("stratum", "EDUCATION");
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/analyse?initiativeId=" + initiative);
        Population first = populations.current(initiative).orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.rule()).isEqualTo(new Population.Rule(List.of("DJ441", "DJ45"), List.of("751", "657"), 60, 80,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Population.Comparison.MATCHED, 2,
                Population.MatchStratum.EDUCATION));

        var page = mvc.get().uri("/analyse/population?initiativeId=" + initiative)
                .with(user("analytiker").roles("ANALYST"));
        assertThat(page).hasStatusOk().bodyText().contains("Version 1", "Aktionsdiagnose begynder med DJ441, DJ45",
                "751, 657", "60–80 år", "2024-01-01 til og med 2024-12-31", "Eksakt matchning: 2 pr. person");

        mvc.post().uri("/analyse/population").with(authentication(analyst())).with(csrf())
                .param("initiativeId", String.valueOf(initiative)).param("source", "INCLUSIONS").exchange();
        Population second = populations.current(initiative).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.rule()).isNull();
        assertThat(populations.find(first.id()).orElseThrow().rule()).as("version 1 is unchanged")
                .isEqualTo(first.rule());
    }

    @Test
    void refusesABadRuleInDanishAndSavesNothing() {
        long initiative = initiative();
        var page = mvc.post().uri("/analyse/population").with(authentication(analyst())).with(csrf())
                .param("initiativeId", String.valueOf(initiative)).param("source", "RULE")
                .param("diagnoses", "J44").param("municipalities", "75").param("ageMin", "80").param("ageMax", "60")
                .param("dateFrom", "2024-12-31").param("dateTo", "2024-01-01").param("comparison", "MATCHED")
                .param("matchesPerTarget", "11");
        assertThat(page).hasStatusOk().bodyText().contains("data-error-summary",
                "Koden J44 er ikke en SKS-diagnosekode", "Kommunekoden 75 skal være 3 cifre",
                "Alderen til og med må ikke være lavere end alderen fra",
                "Slutdatoen må ikke ligge før startdatoen", "Skriv et antal mellem 1 og 10", "Vælg en værdi.");
        var empty = mvc.post().uri("/analyse/population").with(authentication(analyst())).with(csrf())
                .param("initiativeId", String.valueOf(initiative)).param("source", "RULE");
        assertThat(empty).hasStatusOk().bodyText().contains("Skriv mindst én diagnosekode", "Skriv en dato.");
        assertThat(populations.current(initiative)).isEmpty();
    }

    @Test
    void aRunRecordsThePopulationVersionItUsed() {
        long initiative = initiative();
        long before = runs.start(initiative, 365, Actor.SYSTEM);
        var rule = new Population.Rule(List.of("DJ44"), List.of(), null, null, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), Population.Comparison.EVERYONE_ELSE, null, null);
        Population saved = populations.save(initiative, rule, Actor.SYSTEM);
        long after = runs.start(initiative, 365, Actor.SYSTEM);
        assertThat(populations.ofRun(before)).isEmpty();
        assertThat(populations.ofRun(after)).contains(saved);
        var page = mvc.get().uri("/analyse/koersler/" + after).with(user("analytiker").roles("ANALYST"));
        assertThat(page).hasStatusOk().bodyText().contains("Aktionsdiagnose begynder med DJ44",
                "Alle andre i samme kommuner og aldre");
    }
}
