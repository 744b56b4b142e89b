package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.MemberRole;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An innovation consultant of an initiative defines a registration scheme (ADR 0044): a unit and two indicators, a
 * mistake refused in Danish with everything typed kept, the draft saved, published and its next version started as
 * a copy; on a laptop and on a phone. axe-core on every page; screenshots under target/screenshots/.
 */
class SchemeDefinitionJourneyTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @Autowired
    InitiativeMembers members;

    @Test
    void aConsultantDefinesAScheme_PublishesIt_AndStartsItsNextVersion() {
        int n = unique();
        long unit = organisations.create(new OrganisationDetails("Skemakommune " + n, Sector.MUNICIPALITY,
                Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long initiative = initiatives.start(new NewInitiative("Hjerterehabilitering " + n, "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.MUNICIPALITY), null),
                Actor.SYSTEM);
        String email = "konsulent" + n + "@region.test";
        long region = organisations.create(new OrganisationDetails("Innovationsenheden " + n, Sector.REGION,
                Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long user = users.create(new UserAttributes(email, "Kim Konsulent " + n, region,
                EnumSet.of(Role.INNOVATION_CONSULTANT)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        members.addPerson(initiative, user, MemberRole.PARTICIPANT, new Editor(1, "Task Force", null,
                Set.of(Role.TASK_FORCE)));
        List<String> seen = new ArrayList<>();

        loginAs(email, "Rolig-Rød-Cykel-" + n);
        followMenuLink("Registreringsskemaer");
        assertThat(heading()).isEqualTo("Registreringsskemaer");
        record("scheme definitions 1366");
        seen.addAll(lookedAt("scheme-definitions").stream().map(x -> "scheme-definitions: " + x).toList());
        clickAndWaitForPage(find("a[href='/registreringer/skemadefinitioner/ny']"));
        assertThat(heading()).isEqualTo("Nyt registreringsskema");

        String code = "HJERTE_" + n;
        new Select(find("#initiativeId")).selectByValue(String.valueOf(initiative));
        type("#code", code);
        type("#name", "Hjerterehabilitering i kommunen");
        find("#dueSTART").clear();
        type("#dueSTART", "0");
        type("#dueEND", "84");
        new Select(find("#unit-0-organisationId")).selectByValue(String.valueOf(unit));
        type("#unit-0-code", "K" + n);
        type("#unit-0-cluster", "Vest");
        type("#indicator-0-code", "SCREENING");
        type("#indicator-0-label", "Screenet for angst og depression");
        find("label[for='indicator-0-tp-START']").click();
        find("label[for='indicator-0-required']").click();
        new Select(find("#indicator-0-rule")).selectByValue("SHARE_YES");
        new Select(find("#indicator-0-ruleTimePoint")).selectByValue("START");
        // a second indicator: the form comes back with a new row and keeps what was typed
        clickAndWaitForPage(find("button[value=indikator]"));
        assertThat(find("#indicator-0-code").getDomProperty("value")).isEqualTo("SCREENING");
        assertThat(find("#unit-0-cluster").getDomProperty("value")).isEqualTo("Vest");
        type("#indicator-1-code", "CAPACITY");
        type("#indicator-1-label", "Fysisk arbejdskapacitet");
        new Select(find("#indicator-1-type")).selectByValue("DECIMAL");
        type("#indicator-1-unit", "W");
        type("#indicator-1-min", "400");
        type("#indicator-1-max", "0");
        find("label[for='indicator-1-tp-START']").click();
        find("label[for='indicator-1-tp-END']").click();
        find("label[for='indicator-1-required']").click();
        new Select(find("#indicator-1-rule")).selectByValue("MEDIAN_CHANGE");
        clickAndWaitForPage(find("button.button-primary[value=gem]"));
        assertThat(errorSummaryWithFocus()).contains("2. indikator: Største værdi")
                .contains("Den største værdi skal være større end den mindste.");
        assertThat(find("#indicator-1-min").getDomProperty("value")).isEqualTo("400");
        assertThat(find("#indicator-1-tp-END").isSelected()).isTrue();
        assertThat(find("#code").getDomProperty("value")).isEqualTo(code);
        record("scheme form with an error 1366");
        seen.addAll(lookedAt("scheme-form-error").stream().map(x -> "scheme-form-error: " + x).toList());
        atWidth(NARROW);
        record("scheme form with an error 390");
        seen.addAll(lookedAt("scheme-form-error").stream().map(x -> "scheme-form-error: " + x).toList());
        atWidth(WIDE);

        find("#indicator-1-min").clear();
        type("#indicator-1-min", "0");
        find("#indicator-1-max").clear();
        type("#indicator-1-max", "400");
        // Enter in a field saves the draft (the form's default action), not "Tilføj en enhed", its first visible button
        pressEnterAndWaitForPage(find("#indicator-1-max"));
        assertThat(currentPath()).matches("/registreringer/skemadefinitioner/\\d+");
        assertThat(heading()).isEqualTo("Hjerterehabilitering i kommunen (v1)");
        assertThat(find("main .badge").getText()).isEqualTo("Kladde");
        record("scheme draft 1366");

        find("label[for='confirmed']").click();
        clickAndWaitForPage(find("form[action$='/offentliggoer'] button"));
        assertThat(find("main .badge").getText()).isEqualTo("Offentliggjort");
        assertThat(findAll("a[href$='/rediger']")).isEmpty();
        record("scheme published 1366");
        seen.addAll(lookedAt("scheme-published").stream().map(x -> "scheme-published: " + x).toList());
        atWidth(NARROW);
        record("scheme published 390");
        seen.addAll(lookedAt("scheme-published").stream().map(x -> "scheme-published: " + x).toList());

        clickAndWaitForPage(find("form[action$='/ny-version'] button"));
        assertThat(heading()).isEqualTo("Redigér kladde: Hjerterehabilitering i kommunen (v2)");
        assertThat(find("#indicator-1-code").getDomProperty("value")).isEqualTo("CAPACITY");
        record("scheme next version 390");
        seen.addAll(lookedAt("scheme-next-version").stream().map(x -> "scheme-next-version: " + x).toList());
        atWidth(WIDE);
        record("scheme next version 1366");
        seen.addAll(lookedAt("scheme-next-version").stream().map(x -> "scheme-next-version: " + x).toList());
        open("/registreringer/skemadefinitioner");
        assertThat(findAll("tbody tr")).hasSizeGreaterThanOrEqualTo(2);
        atWidth(NARROW);
        record("scheme definitions 390");
        seen.addAll(lookedAt("scheme-definitions").stream().map(x -> "scheme-definitions: " + x).toList());
        atWidth(WIDE);
        assertThat(seen).as("what a person sees").isEmpty();
        assertNoProblems();
    }
}
