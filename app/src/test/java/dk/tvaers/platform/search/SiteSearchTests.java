package dk.tvaers.platform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.catalog.CaseSection;
import dk.tvaers.catalog.DiseaseGroup;
import dk.tvaers.catalog.NewAssessment;
import dk.tvaers.catalog.Parameter;
import dk.tvaers.catalog.Stories;
import dk.tvaers.challenges.ChallengeKind;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.challenges.NewChallenge;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The site-wide search on the real database (issue 11, item 17; ADR 0036): every kind of public content is found
 * with the catalogue's Danish search, and nothing hidden, unconfirmed or unpublished ever is.
 */
@IntegrationTest
class SiteSearchTests {

    private static final Actor ACTOR = new Actor(null, "Søren Søger");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    SiteSearch search;

    @Autowired
    Ideas ideas;

    @Autowired
    Challenges challenges;

    @Autowired
    Initiatives initiatives;

    @Autowired
    CaseCatalog catalog;

    @Autowired
    Stories stories;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /** A word no other test writes: letters only, so Danish stemming treats it as a word. */
    private static String marker() {
        String digits = Long.toString(System.nanoTime() % 1_000_000_000L) + SEQUENCE.incrementAndGet();
        var word = new StringBuilder("zorb");
        for (char c : digits.toCharArray()) {
            word.append((char) ('k' + (c - '0')));
        }
        return word.toString();
    }

    @Test
    void findsEveryPublicKindAndNeverAHiddenUnconfirmedOrUnpublishedRow() throws Exception {
        String marker = marker();
        long publicIdea = idea("Idé om " + marker, Submitter.assisted("Bodil", null, 1, "Medarbejder"));
        long hiddenIdea = idea("Skjult idé om " + marker, Submitter.assisted("Bodil", null, 1, "Medarbejder"));
        jdbc.sql("UPDATE idea SET hidden_at = now(), hidden_reason = 'Reklame' WHERE id = :id").param("id", hiddenIdea)
                .update();
        long unconfirmedIdea = idea("Ubekræftet idé om " + marker, Submitter.anonymous("Ukendt", marker + "@test.tvaers.dk"));
        long challenge = challenges.publish(new NewChallenge(ChallengeKind.INNOVATION_QUESTION, "Udfordring " + marker,
                "Alle har nogen at spise med", "Beskrivelse", "Hvordan?", Region.MIDTJYLLAND, null, Instant.now().plus(30, ChronoUnit.DAYS)), ACTOR);
        long publishedCase = publishedCase("Case om " + marker, Set.of());
        long draftCase = catalog.create(draft("Kladde om " + marker, Set.of()), null, ACTOR);
        long story = stories.write("Historie om " + marker, "Indledning", "Brødtekst", null, null, ACTOR);

        var result = search.search(marker, null, false, 1);

        assertThat(urls(result)).containsExactlyInAnyOrder("/ideer/" + publicIdea, "/udfordringer/" + challenge,
                "/katalog/" + publishedCase, "/historier/" + story);
        assertThat(urls(result)).doesNotContain("/ideer/" + hiddenIdea, "/ideer/" + unconfirmedIdea,
                "/katalog/" + draftCase);
        assertThat(result.counts()).extracting(SiteSearch.KindCount::kind, SiteSearch.KindCount::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ideer", 1L), org.assertj.core.groups.Tuple.tuple("udfordringer", 1L),
                org.assertj.core.groups.Tuple.tuple("initiativer", 0L), org.assertj.core.groups.Tuple.tuple("katalog", 1L),
                org.assertj.core.groups.Tuple.tuple("historier", 1L));
    }

    @Test
    void aRelatedFormFindsACaseByItsDiseaseGroup() {
        String marker = marker();
        long tagged = publishedCase("Hjemmemåling " + marker, Set.of(DiseaseGroup.DIABETES));
        long untagged = publishedCase("Hjemmebesøg " + marker, Set.of());

        var result = search.search("diabetikere " + marker, null, false, 1);

        assertThat(urls(result)).containsExactly("/katalog/" + tagged);
        assertThat(urls(result)).doesNotContain("/katalog/" + untagged);
        assertThat(urls(search.search("Hjemmemålinger " + marker, null, false, 1))).containsExactly("/katalog/" + tagged);
    }

    @Test
    void initiativesAreFoundOnlyBySignedInPeopleWhomTheirPagesAreOpenTo() {
        String marker = marker();
        long initiative = initiatives.start(new NewInitiative("Initiativ " + marker, "Om " + marker,
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, Set.of(Sector.REGION), null), ACTOR);

        assertThat(urls(search.search(marker, null, false, 1))).isEmpty();
        assertThat(urls(search.search(marker, null, true, 1))).containsExactly("/initiativer/" + initiative);
    }

    @Test
    void thePageShowsTheHitsByKindToAVisitorAndLinksEachToItsPage() throws Exception {
        String marker = marker();
        long publicIdea = idea("Offentlig idé " + marker, Submitter.assisted("Bodil", null, 1, "Medarbejder"));
        long hiddenIdea = idea("Skjult idé " + marker, Submitter.assisted("Bodil", null, 1, "Medarbejder"));
        jdbc.sql("UPDATE idea SET hidden_at = now(), hidden_reason = 'Reklame' WHERE id = :id").param("id", hiddenIdea)
                .update();
        initiatives.start(new NewInitiative("Initiativ " + marker, "", InitiativeKind.PROJECT, InnovationType.EVERYDAY,
                null, Set.of(Sector.REGION), null), ACTOR);

        String page = mvc.perform(get("/soeg").param("q", marker)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/ideer/" + publicIdea + "\"").contains("Idéer (1)")
                .doesNotContain("Skjult idé").doesNotContain("Initiativ " + marker);
        String signedIn = mvc.perform(get("/soeg").param("q", marker).param("type", "initiativer")
                .with(authentication(as(Role.STAFF)))).andReturn().getResponse().getContentAsString();
        assertThat(signedIn).contains("Initiativ " + marker).doesNotContain("Offentlig idé");
    }

    private static List<String> urls(SiteSearch.Result result) {
        return result.page().items().stream().map(SearchHit::url).toList();
    }

    private long idea(String title, Submitter submitter) {
        return ideas.submit(new NewIdea(title, "Problemet", "Forslaget", "Borgere", Set.of(Sector.REGION),
                InnovationType.EVERYDAY, Region.SYDDANMARK, false, List.of()), submitter);
    }

    private static CaseDraft draft(String title, Set<DiseaseGroup> diseases) {
        Map<CaseSection, String> sections = new EnumMap<>(CaseSection.class);
        sections.put(CaseSection.TARGET_GROUP, "Borgere i eget hjem");
        sections.put(CaseSection.PURPOSE, "Bedre sammenhæng.");
        return new CaseDraft(title, "Et kort resumé", Region.MIDTJYLLAND, diseases, Set.of(),
                Set.of(Sector.REGION, Sector.MUNICIPALITY), List.of(), sections, 500_000_000L, 165_000_000L, null);
    }

    private long publishedCase(String title, Set<DiseaseGroup> diseases) {
        long id = catalog.create(draft(title, diseases), null, ACTOR);
        Map<Parameter, Integer> scores = new EnumMap<>(Parameter.class);
        Map<Parameter, String> notes = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            scores.put(p, 3);
            notes.put(p, "Begrundelse");
        }
        long assessment = catalog.assess(id, new NewAssessment(scores, notes), ACTOR);
        catalog.publish(id, 1, assessment, ACTOR);
        return id;
    }

    private static UsernamePasswordAuthenticationToken as(Role role) {
        var principal = AccountPrincipal.of(new UserAccount(9, "u@x.dk", "u@x.dk", "U", null, null, Set.of(role), true,
                false, 0, null, true, false, null, "da"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
