package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.catalog.CaseSection;
import dk.tvaers.catalog.DiseaseGroup;
import dk.tvaers.catalog.NewAssessment;
import dk.tvaers.catalog.Parameter;
import dk.tvaers.catalog.Theme;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main pages looked at as a person does, at 1366 px and at 390 px (ADR 0020): every form control visible (the
 * checkboxes of every server-rendered form among them), reached by the keyboard with a visible focus, nothing wider
 * than the screen, the menu reachable. Screenshots in target/screenshots/.
 */
class PagesAsSeenTests extends BrowserTest {

    @Autowired
    CaseCatalog catalog;

    @Autowired
    Initiatives initiatives;

    @Test
    void publicPagesAreSeenWholeOnALaptopAndAPhone() {
        long id = CatalogPagesAccessibilityTests.aPublishedCase(catalog, "Telemedicinsk hjemmemonitorering af borgere med KOL " + unique());
        lookAt("/", "front");
        lookAt("/ideer/ny", "idea-form");
        lookAt("/katalog/" + id, "case");
        lookAt("/katalog", "catalogue");
        lookAt("/ideer", "ideas");
        lookAt("/login", "login");
    }

    /** Without JavaScript the menu cannot open as a drawer: on a phone it stands in place under the header. */
    @Test
    void withoutJavaScriptAPhoneShowsTheMenuInPlace() {
        atWidth(NARROW);
        withoutJavaScript(() -> {
            open("/");
            assertThat(findAll(".mobile-drawer nav a")).isNotEmpty().allMatch(org.openqa.selenium.WebElement::isDisplayed);
            assertThat(find(".mobile-drawer .log-on").isDisplayed()).isTrue();
            assertThat(find(".js-menu-open").isDisplayed()).as("the button that needs JavaScript").isFalse();
            screenshot("front-nojs");
        });
    }

    @Test
    void theErrorSummaryNamesEachFieldAndFollowsThePage() {
        open("/ideer/ny");
        submitMainForm();
        List<String> lines = errorSummaryLinesNamingTheirFields();
        assertThat(lines).first().asString().startsWith("Titel: ");
        assertThat(lines).contains("Dit navn: Udfyld feltet.");
        assertThat(lookedAt("idea-form-errors")).isEmpty();

        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());
        open("/katalog/ny");
        type("#cost", "mange penge");
        submitMainForm();
        assertThat(errorSummaryLinesNamingTheirFields()).first().asString().startsWith("Titel: ");
    }

    @Test
    void numbersAndWordsReadRight() {
        var organisation = anOrganisation();
        long id = catalog.create(new CaseDraft("Sammen om diabetes " + unique(), "Resumé", Region.MIDTJYLLAND,
                Set.of(DiseaseGroup.LUNG), Set.of(Theme.DATA_SHARING), Set.of(Sector.MUNICIPALITY),
                List.of(organisation.name()), Map.of(), 0L, 0L, 0L), null, Actor.SYSTEM);
        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());
        open("/katalog/" + id + "/redaktion");
        assertThat(find("main").getText()).contains(organisation.name()).doesNotContain("(i Tværs)");

        open("/katalog?q=findes-slet-ikke-noget-sted");
        assertThat(find("main").getText()).doesNotContain("Viser 0–0 af 0");
    }

    @Test
    void formsWithCheckboxesShowEveryBoxToStaffAndAdministrators() {
        TestUser staff = aUserWithRoles(Role.STAFF, Role.ANALYST);
        loginAs(staff.email(), staff.password());
        lookAt("/ideer/ny", "idea-form-staff");
        lookAt("/katalog/ny", "case-form");
        logout();

        // starting an initiative is for innovation consultants and the task force: the form, not the no-access page
        TestUser consultant = aUserWithRoles(Role.INNOVATION_CONSULTANT);
        loginAs(consultant.email(), consultant.password());
        lookAt("/initiativer/ny", "initiative-form");
        assertThat(findAll("form input[name=title], form input[type=checkbox][name=sectors]")).hasSizeGreaterThan(1);
        logout();

        TestUser someone = aUserWithRoles(Role.STAFF);
        loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        lookAt("/admin/brugere/" + someone.id(), "user-form");
        lookAt("/profil", "profile");
    }

    @Test
    void plainTablesDrawnByTheSharedFragmentAreSeenWhole() {
        TestUser taskForce = aUserWithRoles(Role.TASK_FORCE, Role.ANALYST);
        loginAs(taskForce.email(), taskForce.password());
        lookAt("/finansiering", "funding-overview");
        lookAt("/analyse", "monitoring-overview");
        lookAt("/bedoemmelser", "reviews");
        assertThat(findAll("table[data-table] th[scope=col], table[data-assignments] th[scope=col]"))
                .allSatisfy(heading -> assertThat(heading.getText()).isNotBlank());
    }

    @Test
    void tablesWithAColumnOfActionsNameItForScreenReadersOnly() {
        initiatives.start(new NewInitiative("Laboratorium set med øjne " + System.nanoTime(), "Til skærmbilleder",
                InitiativeKind.LABORATORY, InnovationType.RESEARCH_DRIVEN, null,
                EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), null), Actor.SYSTEM);
        TestUser consultant = aUserWithRoles(Role.INNOVATION_CONSULTANT, Role.TASK_FORCE);
        loginAs(consultant.email(), consultant.password());
        lookAt("/initiativer/laboratorier", "laboratories");
        assertThat(findAll("table[data-laboratories] thead th")).last().satisfies(heading -> {
            var label = heading.findElement(org.openqa.selenium.By.cssSelector("span.sr-only"));
            assertThat(label.getDomProperty("textContent")).isNotBlank();
            assertThat(label.getSize().getWidth()).as("read, not seen").isLessThanOrEqualTo(1);
        });
        logout();
        loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        lookAt("/admin/kriterier", "criteria");
        assertThat(findAll("table thead th span.sr-only")).isNotEmpty();
    }
}
