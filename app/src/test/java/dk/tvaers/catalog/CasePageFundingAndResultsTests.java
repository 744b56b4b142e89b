package dk.tvaers.catalog;

import static dk.tvaers.applications.ApplicationFixtures.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.applications.ApplicationFixtures;
import dk.tvaers.applications.Applications;
import dk.tvaers.applications.Consortia;
import dk.tvaers.applications.Decisions;
import dk.tvaers.applications.Outcome;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.GrantDecision;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A published case says how its initiative was funded (grant, pool, call, decision date) and links its Triple Aim
 * results once they are published, never before (issue 11, item 12; ADR 0036).
 */
@IntegrationTest
class CasePageFundingAndResultsTests {

    private static final Actor EVA = new Actor(null, "Eva Evaluator");

    @Autowired OrganisationDirectory organisations;
    @Autowired UserDirectory users;
    @Autowired Challenges challenges;
    @Autowired Funding funding;
    @Autowired Consortia consortia;
    @Autowired Applications applications;
    @Autowired Decisions decisions;
    @Autowired CaseCatalog catalog;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aPublishedCaseShowsItsGrantWithPoolCallAndDateAndItsResultsOnlyOncePublished() throws Exception {
        var fixtures = new ApplicationFixtures(organisations, users, challenges, funding, consortia, applications);
        long pool = fixtures.pool(2_000_000);
        long hospital = fixtures.organisation("Regionshospitalet", Sector.REGION);
        long municipality = fixtures.organisation("Kommune", Sector.MUNICIPALITY);
        Actor writer = fixtures.user(hospital, Role.STAFF);
        long consortium = consortia.create("Hospital og kommune", hospital, writer.id(), writer);
        consortia.addMember(consortium, municipality);
        long challenge = fixtures.challenge(pool);
        long application = applications.start(consortium, challenge, writer);
        applications.saveDraft(application, content("Hjemmemonitorering", hospital, municipality), List.of(), writer);
        applications.submit(application, writer);
        decisions.decide(application, Outcome.FULL, Money.ofKroner(1_000_000), "",
                List.of(new GrantDecision.NewTranche(Money.ofKroner(1_000_000), LocalDate.now().plusMonths(6))),
                "Skal nå at starte før sommer", ApplicationFixtures.TASK_FORCE);
        long initiative = decisions.of(application).orElseThrow().initiativeId();
        long caseId = catalog.create(CaseCatalogTests.draft("Hjemmemonitorering i praksis", "Borgere med KOL",
                Set.of(), Set.of(), List.of()), initiative, EVA);
        catalog.publish(caseId, 1, catalog.assess(caseId, CaseCatalogTests.assessment(3, 3, 3, 3, 3), EVA), EVA);
        String today = DateTimeFormatter.ofPattern("dd-MM-yyyy").format(LocalDate.now(ZoneId.of("Europe/Copenhagen")));
        String challengeTitle = challenges.find(challenge).title();

        String page = page(caseId);
        assertThat(page).contains("Sådan blev det finansieret").contains("1.000.000,00 kr.")
                .contains(funding.pool(pool).name()).contains("opslaget »" + challengeTitle + "«")
                .contains("bevilget " + today).doesNotContain("Triple Aim-resultater");

        long run = jdbc.sql("""
                INSERT INTO monitoring_run (initiative_id, window_days, by_name, status, progress, data_version,
                    definition_version, tariff_years, finished_at)
                VALUES (:initiative, 365, 'Analytiker', 'SUCCEEDED', 100, 1, 'v1', '2024', now()) RETURNING id""")
                .param("initiative", initiative).query(Long.class).single();
        assertThat(page(caseId)).as("a finished run that is not published").doesNotContain("Triple Aim-resultater")
                .doesNotContain("/initiativer/" + initiative + "/triple-aim");

        jdbc.sql("INSERT INTO monitoring_publication (run_id, published_by_name) VALUES (:run, 'Task Force')")
                .param("run", run).update();
        assertThat(page(caseId)).contains("Triple Aim-resultater").contains("offentliggjort " + today)
                .contains("href=\"/initiativer/" + initiative + "/triple-aim\"").contains("kræver login");
    }

    private String page(long caseId) throws Exception {
        return mvc.perform(get("/katalog/" + caseId)).andReturn().getResponse().getContentAsString();
    }
}
