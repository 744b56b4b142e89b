package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.applications.Consortia;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages of issue 10's row rights in a real browser: asking for a new follow link, confirming a consortium's
 * lead, publishing Triple Aim results. Screenshots at 1366 and 390 px go to target/screenshots/.
 */
class RowRightsJourneyTests extends BrowserTest {

    @Autowired
    Consortia consortia;

    @Autowired
    Initiatives initiatives;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFollowerAsksForANewLink() throws Exception {
        open("/ideer/foelg?token=udloebet");
        assertThat(heading()).isEqualTo("Linket virker ikke");
        shoot("link-invalid");
        clickAndWaitForPage(find("#new-link"));
        assertThat(heading()).isEqualTo("Få et nyt link til din idé");
        shoot("new-link");
        type("#email", "ikke en adresse");
        submitMainForm();
        assertThat(findAll("[data-error-summary]")).isNotEmpty();
        shoot("new-link-error");
        type("#email", "nogen@borger.test");
        submitMainForm();
        assertThat(find("#new-link-sent").getText()).contains("nyt link");
        shoot("new-link-sent");
    }

    @Test
    void theAskedOrganisationConfirmsThatItLeadsTheConsortium() throws Exception {
        TestUser creator = aUserWithRoles(Role.STAFF);
        TestUser asked = aUserWithRoles(Role.STAFF);
        long askedOrganisation = users.find(asked.id()).orElseThrow().organisationId();
        long ownOrganisation = users.find(creator.id()).orElseThrow().organisationId();
        long id = consortia.create("Tryg udskrivelse", askedOrganisation, creator.id(),
                new Actor(creator.id(), creator.name()));

        loginAs(asked.email(), asked.password());
        open("/konsortier");
        assertThat(find("#lead-requests").getText()).contains("Tryg udskrivelse");
        shoot("consortia-lead-requests");
        open("/konsortier/" + id);
        shoot("consortium-lead-request");
        clickAndWaitForPage(find("#confirm-lead"));
        assertThat(consortia.find(id).leadOrganisationId()).isEqualTo(askedOrganisation).isNotEqualTo(ownOrganisation);
        assertThat(findAll("#lead-request")).isEmpty();
    }

    @Test
    void theTaskForcePublishesResults() throws Exception {
        TestUser taskForce = aUserWithRoles(Role.TASK_FORCE);
        long initiative = initiatives.start(new NewInitiative("Tryg hjemme efter udskrivelse", "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        jdbc.sql("""
                INSERT INTO monitoring_run (initiative_id, window_days, by_name, status, progress, data_version,
                    definition_version, tariff_years, finished_at)
                VALUES (:initiative, 365, 'Analytiker', 'SUCCEEDED', 100, 1, 'v1', '2024', now())""")
                .param("initiative", initiative).update();

        loginAs(taskForce.email(), taskForce.password());
        open("/initiativer/" + initiative + "/triple-aim");
        shoot("triple-aim-unpublished");
        clickAndWaitForPage(find("#publish-results"));
        assertThat(find("#results-published").getText()).contains("Offentliggjort");
        shoot("triple-aim-published");
    }

    private void shoot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        for (int width : new int[] {1366, 390}) {
            driver.manage().window().setSize(new Dimension(width, 1000));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve("rows-" + name + "-" + width + ".png"), png);
        }
        driver.manage().window().setSize(new Dimension(1366, 1000));
    }
}
