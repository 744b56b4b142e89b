package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.applications.ApplicationContent;
import dk.tvaers.applications.Applications;
import dk.tvaers.applications.Consortia;
import dk.tvaers.applications.Reviews;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.catalog.CaseSection;
import dk.tvaers.catalog.DiseaseGroup;
import dk.tvaers.catalog.NewAssessment;
import dk.tvaers.catalog.Parameter;
import dk.tvaers.challenges.ChallengeKind;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.challenges.NewChallenge;
import dk.tvaers.ideas.IdeaClinic;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, items 17 and the clinic's hidden mark: the header's search at 1366 px and in the phone's drawer at 390 px,
 * the results grouped by kind; breadcrumbs on a case, the clinic's idea page and an application; the application's
 * stepper; the clinic queue's mark of a hidden idea. Each page looked at as a person does, at both widths, with axe.
 */
class SearchJourneyTests extends BrowserTest {

    private static final Actor ACTOR = new Actor(null, "Søren Søger");

    @Autowired Ideas ideas;
    @Autowired IdeaClinic clinic;
    @Autowired Challenges challenges;
    @Autowired CaseCatalog catalog;
    @Autowired Consortia consortia;
    @Autowired Applications applications;
    @Autowired Reviews reviews;
    @Autowired JdbcClient jdbc;

    /** A made-up word no other test writes (letters only). */
    private static String marker() {
        var word = new StringBuilder("qorv");
        for (char c : Long.toString(System.nanoTime() % 10_000_000L + unique()).toCharArray()) {
            word.append((char) ('k' + (c - '0')));
        }
        return word.toString();
    }

    @Test
    void aVisitorSearchesEverythingFromTheHeaderOnADesktopAndFromTheMenuOnAPhone() {
        String marker = marker();
        long idea = ideas.submit(new NewIdea("Spisevenner " + marker, "Ensomhed efter udskrivning", "Frivillige spiser med",
                "Ældre", Set.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY, Region.MIDTJYLLAND, false, List.of()),
                Submitter.assisted("Bodil", null, 1, "Medarbejder"));
        long hidden = ideas.submit(new NewIdea("Reklame " + marker, "Køb vores app", "Køb den", "Alle",
                Set.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY, Region.MIDTJYLLAND, false, List.of()),
                Submitter.assisted("Bodil", null, 1, "Medarbejder"));
        jdbc.sql("UPDATE idea SET hidden_at = now(), hidden_reason = 'Reklame for et firma' WHERE id = :id")
                .param("id", hidden).update();
        long challenge = challenges.publish(new NewChallenge(ChallengeKind.INNOVATION_QUESTION, "Måltider " + marker,
                "Ingen spiser alene", "Ensomhed", "Hvad nu hvis ingen spiser alene?", Region.MIDTJYLLAND, null,
                Instant.now().plus(Duration.ofDays(30))), ACTOR);
        long diabetesCase = publishedCase("Hjemmemåling " + marker, Set.of(DiseaseGroup.DIABETES));

        // 1366 px: the header's search field
        atWidth(WIDE);
        open("/");
        WebElement field = find("#header-search");
        assertThat(field.isDisplayed()).isTrue();
        field.sendKeys("diabetikere " + marker);
        pressEnterAndWaitForPage(field);
        assertThat(heading()).isEqualTo("Søg i Tværs");
        assertThat(find("main").getText()).contains("Hjemmemåling " + marker).contains("Cases i kataloget (1)")
                .doesNotContain("Spisevenner");
        assertNoSeriousAccessibilityViolations();

        String q = URLEncoder.encode(marker, StandardCharsets.UTF_8);
        lookAt("/soeg?q=" + q, "search-results");
        String results = find("main").getText();
        assertThat(results).contains("Idéer (1)").contains("Udfordringer (1)").contains("Cases i kataloget (1)")
                .contains("Initiativer (0)").doesNotContain("Reklame " + marker);
        assertThat(findAll("main h2")).extracting(WebElement::getText)
                .containsExactly("Idéer (1)", "Udfordringer (1)", "Cases i kataloget (1)");
        clickAndWaitForPage(find("main a[href='/udfordringer/" + challenge + "']"));
        assertThat(heading()).contains("Måltider " + marker);

        // one kind, chosen from the counts
        open("/soeg?q=" + q);
        clickAndWaitForPage(find("main .tvaers-search-kinds").findElement(By.partialLinkText("Idéer")));
        assertThat(findAll("main h3 a")).extracting(a -> a.getDomAttribute("href")).containsExactly("/ideer/" + idea);
        assertNoSeriousAccessibilityViolations();

        // 390 px: the search field at the top of the menu's drawer
        atWidth(NARROW);
        open("/");
        find("header .js-menu-open").click();
        waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".mobile-drawer.is-visible")));
        WebElement drawerField = find("#drawer-search");
        waitUntil(d -> drawerField.isDisplayed());
        drawerField.sendKeys(marker);
        pressEnterAndWaitForPage(drawerField);
        assertThat(heading()).isEqualTo("Søg i Tværs");
        assertThat(find("main").getText()).contains("Spisevenner " + marker).contains("Hjemmemåling " + marker);
        assertNoSeriousAccessibilityViolations();
        atWidth(WIDE);

        // the case page's breadcrumbs
        lookAt("/katalog/" + diabetesCase, "case-breadcrumbs");
        WebElement crumbs = find("main nav.breadcrumbs");
        assertThat(crumbs.getDomAttribute("aria-label")).isEqualTo("Brødkrumme");
        assertThat(crumbs.findElements(By.cssSelector("a"))).extracting(WebElement::getText)
                .containsExactly("Forside", "Casekatalog");
        assertThat(crumbs.findElement(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("Hjemmemåling " + marker);
        assertNoSeriousAccessibilityViolations();
    }

    @Test
    void aConsultantSeesAHiddenIdeaMarkedInTheClinicWithBreadcrumbsOnItsPage() {
        TestUser consultant = aUserWithRoles(Role.INNOVATION_CONSULTANT);
        String marker = marker();
        Actor actor = new Actor(consultant.id(), consultant.name());
        long hidden = ideas.submit(new NewIdea("Skjult forslag " + marker, "Problem", "Forslag", "Alle",
                Set.of(Sector.REGION), InnovationType.EVERYDAY, Region.MIDTJYLLAND, false, List.of()),
                Submitter.assisted("Bodil", null, 1, "Medarbejder"));
        long shown = ideas.submit(new NewIdea("Synligt forslag " + marker, "Problem", "Forslag", "Alle",
                Set.of(Sector.REGION), InnovationType.EVERYDAY, Region.MIDTJYLLAND, false, List.of()),
                Submitter.assisted("Bodil", null, 1, "Medarbejder"));
        clinic.assign(hidden, consultant.id(), consultant.name(), actor);
        clinic.assign(shown, consultant.id(), consultant.name(), actor);
        jdbc.sql("UPDATE idea SET hidden_at = now(), hidden_reason = 'Reklame for et firma' WHERE id = :id")
                .param("id", hidden).update();
        loginAs(consultant.email(), consultant.password());

        lookAt("/idekliniken?tildelt=" + consultant.id(), "clinic-queue-hidden");
        assertThat(findAll("main [data-hidden]")).singleElement().extracting(WebElement::getText)
                .isEqualTo("Skjult af en moderator: Reklame for et firma");
        assertNoSeriousAccessibilityViolations();

        lookAt("/idekliniken/" + hidden, "clinic-idea-breadcrumbs");
        assertThat(find("main nav.breadcrumbs").findElements(By.cssSelector("a"))).extracting(WebElement::getText)
                .containsExactly("Forside", "Idéklinikken");
        assertThat(find("main [data-hidden]").getText()).contains("Reklame for et firma");
        assertNoSeriousAccessibilityViolations();
        logout();
    }

    @Test
    void anApplicationShowsItsWayFromDraftToReviewWithBreadcrumbsUnderItsChallenge() {
        TestUser writer = aUserWithRoles(Role.STAFF);
        long writerOrganisation = users.find(writer.id()).orElseThrow().organisationId();
        long practice = organisations.create(new OrganisationDetails("Lægehuset " + unique(), Sector.GENERAL_PRACTICE,
                Region.SYDDANMARK, null), Actor.SYSTEM).id();
        Actor actor = new Actor(writer.id(), writer.name());
        long consortium = consortia.create("Konsortium " + unique(), writerOrganisation, writer.id(), actor);
        consortia.addMember(consortium, practice);
        String challengeTitle = "Tryghed " + marker();
        long challenge = challenges.publish(new NewChallenge(ChallengeKind.INNOVATION_QUESTION, challengeTitle,
                "Tryg hjemme", "Indlæggelser", "Hvad nu hvis borgeren er tryg?", Region.MIDTJYLLAND, null,
                Instant.now().plus(Duration.ofDays(30))), ACTOR);
        long application = applications.start(consortium, challenge, actor);
        applications.saveDraft(application, new ApplicationContent("Hjemmemonitorering", "Telemedicin",
                "Færre sengedage", "Tidlig opsporing", "Borgeren bliver hjemme", InnovationType.EVERYDAY,
                List.of(new ApplicationContent.BudgetLine(2027, writerOrganisation, Money.ofKroner(400_000)),
                        new ApplicationContent.BudgetLine(2027, practice, Money.ofKroner(100_000))),
                List.of("Hvad nu hvis sygeplejersken ringer hver morgen?")), List.of(), actor);
        loginAs(writer.email(), writer.password());

        lookAt("/ansoegninger/" + application, "application-draft");
        assertThat(currentStep()).isEqualTo("Her nu: Kladde");
        WebElement crumbs = find("main nav.breadcrumbs");
        assertThat(crumbs.findElements(By.cssSelector("a"))).extracting(WebElement::getText)
                .containsExactly("Forside", "Udfordringer", challengeTitle);
        assertNoSeriousAccessibilityViolations();

        applications.submit(application, actor);
        open("/ansoegninger/" + application);
        assertThat(currentStep()).isEqualTo("Her nu: Indsendt");

        TestUser reviewer = aUserWithRoles(Role.TASK_FORCE);
        reviews.assign(applications.find(application).callId(), reviewer.email(), ACTOR);
        lookAt("/ansoegninger/" + application, "application-in-review");
        assertThat(currentStep()).isEqualTo("Her nu: Under bedømmelse");
        assertThat(findAll("main .tvaers-stepper li.done")).hasSize(2);
        assertNoSeriousAccessibilityViolations();
        logout();
    }

    private String currentStep() {
        return find("main .tvaers-stepper [aria-current=step]").getText().replace('\n', ' ');
    }

    private long publishedCase(String title, Set<DiseaseGroup> diseases) {
        Map<CaseSection, String> sections = new EnumMap<>(CaseSection.class);
        sections.put(CaseSection.TARGET_GROUP, "Borgere i eget hjem");
        sections.put(CaseSection.PURPOSE, "Bedre sammenhæng.");
        long id = catalog.create(new CaseDraft(title, "Målinger hjemme i stedet for på sygehuset", Region.MIDTJYLLAND,
                diseases, Set.of(), Set.of(Sector.REGION, Sector.MUNICIPALITY), List.of(), sections, 500_000_000L,
                165_000_000L, null), null, ACTOR);
        Map<Parameter, Integer> scores = new EnumMap<>(Parameter.class);
        Map<Parameter, String> notes = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            scores.put(p, 3);
            notes.put(p, "Begrundelse");
        }
        catalog.publish(id, 1, catalog.assess(id, new NewAssessment(scores, notes), ACTOR), ACTOR);
        return id;
    }
}
