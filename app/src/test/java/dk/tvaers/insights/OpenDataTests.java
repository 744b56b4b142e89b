package dk.tvaers.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.catalog.AdoptionStatus;
import dk.tvaers.catalog.Adoptions;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.catalog.NewAdoption;
import dk.tvaers.catalog.Stories;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The open datasets (issue 15): every dataset in CSV and JSON for anonymous visitors, with no personal data in any of
 * them, only confirmed ideas, and validators that answer 304 when nothing changed.
 */
@IntegrationTest
class OpenDataTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Ideas ideas;

    @Autowired
    UserDirectory users;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    CaseCatalog catalog;

    @Autowired
    Adoptions adoptions;

    @Autowired
    Stories stories;

    @Test
    void noDatasetHoldsANameEmailOrPersonIdOfAPerson() throws Exception {
        String unique = Long.toString(System.nanoTime(), 36);
        String citizenName = "Borgilda Persondata" + unique;
        String citizenEmail = "borgilda." + unique + "@privat.example";
        long citizen = users.create(new UserAttributes(citizenEmail, citizenName, null, EnumSet.of(Role.CITIZEN)),
                "Rolig-Rød-Cykel-42", false, Actor.SYSTEM);
        // even an idea whose submitter chose to show the name on the idea page: the dataset leaves it out
        ideas.submit(new NewIdea("Åben idé " + unique, "Et problem", "Forslag",
                "Patienter", EnumSet.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY, Region.MIDTJYLLAND, true,
                List.of()), Submitter.account(citizen, citizenName, citizenEmail));
        String anonymousName = "Anonyma Indsender" + unique;
        String anonymousEmail = "anonyma." + unique + "@privat.example";
        ideas.submit(new NewIdea("Ubekræftet idé " + unique, "Problem", "Forslag", "Patienter",
                EnumSet.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY, Region.MIDTJYLLAND, true, List.of()),
                Submitter.anonymous(anonymousName, anonymousEmail));
        long organisation = organisations.create(new OrganisationDetails("Åben kommune " + unique,
                Sector.MUNICIPALITY, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long caseId = catalog.create(new CaseDraft("Åben case " + unique, "Resumé", Region.MIDTJYLLAND, Set.of(),
                Set.of(), Set.of(Sector.REGION), List.of(), Map.of(), null, null, null), null,
                new Actor(citizen, citizenName));
        catalog.publish(caseId, 1, null, new Actor(null, "Redaktør " + unique));
        String contact = "Kontakta Medarbejder" + unique;
        adoptions.record(caseId, organisation, new NewAdoption(LocalDate.of(2026, 2, 1), "Tilpasset", contact,
                AdoptionStatus.RUNNING), new Actor(null, "Registrator " + unique));
        stories.write("Åben historie " + unique, "Indledning", "Brødtekst", caseId, null,
                new Actor(null, "Forfatter " + unique));

        boolean sawIdea = false;
        for (OpenDataset dataset : OpenDataset.values()) {
            for (String format : List.of("csv", "json", "api")) {
                String url = format.equals("api") ? "/api/v1/" + dataset.slug() + "?antal=1000"
                        : "/aabne-data/" + dataset.slug() + "." + format;
                String body = mvc.perform(get(url))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(body).as("%s.%s", dataset.slug(), format)
                        .doesNotContain(citizenName).doesNotContain(citizenEmail).doesNotContain(anonymousName)
                        .doesNotContain(anonymousEmail).doesNotContain(contact).doesNotContain("Registrator " + unique)
                        .doesNotContain("Forfatter " + unique).doesNotContain("Redaktør " + unique)
                        .doesNotContain("Ubekræftet idé " + unique).doesNotContainPattern("\\b\\d{6}-\\d{4}\\b")
                        .doesNotContain("submitter").doesNotContain("contact").doesNotContain("email");
                if (dataset == OpenDataset.IDEAS && body.contains("Åben idé " + unique)) {
                    sawIdea = true;
                }
            }
        }
        assertThat(sawIdea).as("the confirmed idea is in the dataset").isTrue();
    }

    @Test
    void aDatasetAnswersNotModifiedToItsOwnValidators() throws Exception {
        var first = mvc.perform(get("/aabne-data/udfordringer.json")).andExpect(status().isOk()).andReturn()
                .getResponse();
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.getContentType()).startsWith("application/json");
        assertThat(first.getContentAsString()).startsWith("[");
        mvc.perform(get("/aabne-data/udfordringer.json").header("If-None-Match", etag))
                .andExpect(status().isNotModified());
        mvc.perform(get("/aabne-data/findesikke.csv")).andExpect(status().isNotFound());
    }

    @Test
    void thePageDescribesEveryDataset() throws Exception {
        String page = mvc.perform(get("/aabne-data")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        for (OpenDataset dataset : OpenDataset.values()) {
            assertThat(page).contains("/aabne-data/" + dataset.slug() + ".csv")
                    .contains("/aabne-data/" + dataset.slug() + ".json");
        }
        assertThat(page).contains("creativecommons.org/licenses/by/4.0");
    }
}
