package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.ideas.IdeaClinic;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** axe-core on every page of the ideas module, as the public, a citizen, a consultant and an administrator see it. */
class IdeaPagesAccessibilityTests extends BrowserTest {

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaClinic clinic;

    @Test
    void publicIdeaPagesHaveNoSeriousViolations() {
        long id = anIdea();
        for (String path : List.of("/ideer", "/ideer/ny", "/ideer/" + id, "/ideer/foelg?token=ugyldig")) {
            open(path);
            assertNoSeriousAccessibilityViolations();
        }
        open("/ideer/ny");
        submitMainForm();
        assertNoSeriousAccessibilityViolations();
    }

    @Test
    void theCitizensAndTheClinicsPagesHaveNoSeriousViolations() {
        long id = anIdea();
        clinic.ask(id, "Et spørgsmål", new Actor(null, "Konsulent"));
        TestUser citizen = aUserWithRoles(Role.CITIZEN);
        loginAs(citizen.email(), citizen.password());
        for (String path : List.of("/mine-ideer", "/ideer/ny", "/ideer/" + id)) {
            open(path);
            assertNoSeriousAccessibilityViolations();
        }
        logout();

        TestUser consultant = aUserWithRoles(Role.INNOVATION_CONSULTANT);
        loginAs(consultant.email(), consultant.password());
        for (String path : List.of("/idekliniken", "/idekliniken/" + id, "/idekliniken/prioriteret")) {
            open(path);
            assertNoSeriousAccessibilityViolations();
        }
        // issue 11, item 19: the overview on top, the sections listed; looked at on a laptop and a phone
        lookAt("/idekliniken/" + id, "clinic-idea");
        assertThat(find(".tvaers-overview").getText()).contains("Næste skridt").contains("Tildel idéen");
        withoutJavaScript(() -> {
            open("/idekliniken/" + id);
            assertThat(find(".tvaers-overview").getText()).contains("Ventetid").contains("Ingen har scoret endnu");
            assertThat(find(".tvaers-sections").getText()).contains("Dialog med idéhaveren (1)");
            assertThat(find(".tvaers-sections a[href='#scorekort']").isDisplayed()).isTrue();
        });
        logout();

        loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin/kriterier");
        assertNoSeriousAccessibilityViolations();
        logout();
    }

    private long anIdea() {
        return ideas.submit(new NewIdea("Tilgængelig idé " + unique(), "Et problem", "Et forslag", "Borgere",
                EnumSet.of(Sector.REGION, Sector.GENERAL_PRACTICE), InnovationType.EVERYDAY, Region.MIDTJYLLAND, true,
                List.of()), Submitter.assisted("Ane", null, 1, "Personale"));
    }
}
