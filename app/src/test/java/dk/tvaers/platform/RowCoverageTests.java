package dk.tvaers.platform;

import static dk.tvaers.platform.SecurityCoverageTests.allowedRoles;
import static dk.tvaers.platform.SecurityCoverageTests.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.applications.Applications;
import dk.tvaers.catalog.AdoptionStatus;
import dk.tvaers.catalog.Adoptions;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.catalog.NewAdoption;
import dk.tvaers.applications.Consortia;
import dk.tvaers.challenges.ChallengeKind;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.challenges.NewChallenge;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Tranches;
import dk.tvaers.funding.GrantDecision;
import dk.tvaers.ideas.IdeaClinic;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.platform.security.PublicPaths;
import dk.tvaers.registrations.Pro;
import dk.tvaers.registrations.RegistrationFixtures;
import dk.tvaers.registrations.Registrations;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Rights on rows (ADR 0017), generated from every request mapping like {@link SecurityCoverageTests}: each route
 * with an object id in its path is classified, and for each route whose object belongs to someone (an
 * organisation, a consortium, a citizen) a real object of that kind is made, owned by one organisation and one
 * citizen, and a user of an unrelated organisation (with a role the route allows) and a citizen who is not the
 * owner are refused (403 or 404). A new route with an id fails {@link #everyRouteWithAnObjectIdIsClassified} until
 * it is put in one of the tables below.
 */
@IntegrationTest
class RowCoverageTests {

    /** Roles whose holders see every row of what their role covers: for them the role is the rule. */
    private static final Set<Role> GLOBAL = EnumSet.of(Role.TASK_FORCE, Role.FINANCE, Role.ANALYST,
            Role.ADMINISTRATOR);

    /** Routes whose object belongs to someone: the kind of object, made fresh for each route. */
    private static final Map<Pattern, Kind> OWNED = new LinkedHashMap<>();

    /** Routes with an id that belong to no one (public or for every signed-in user), with the reason. */
    private static final Map<Pattern, String> NOT_OWNED = new LinkedHashMap<>();

    /**
     * The kinds of owned object. {@code shownOnlyToOwners}: for a page that exists for everyone signed in (an
     * initiative's Triple Aim page) the refusal is that this mark of the object's content is absent, not a 404.
     */
    enum Kind {
        GRANT(null), TRANCHE(null), CONSORTIUM(null), APPLICATION(null), MY_IDEA(null), ADOPTION(null),
        INITIATIVE_RESULTS("download-excel"), COURSE(null), TRIAGE_CASE(null), SCHEME(null);

        final String shownOnlyToOwners;

        Kind(String shownOnlyToOwners) {
            this.shownOnlyToOwners = shownOnlyToOwners;
        }
    }

    static {
        OWNED.put(Pattern.compile("/finansiering/bevillinger/\\{id}.*"), Kind.GRANT);
        OWNED.put(Pattern.compile("/finansiering/rater/\\{id}/rapport"), Kind.TRANCHE);
        OWNED.put(Pattern.compile("/konsortier/\\{id.*"), Kind.CONSORTIUM);
        OWNED.put(Pattern.compile("/ansoegninger/\\{id.*"), Kind.APPLICATION);
        OWNED.put(Pattern.compile("/mine-ideer/\\{id}/.*"), Kind.MY_IDEA);
        OWNED.put(Pattern.compile("/initiativer/\\{id}/triple-aim.*"), Kind.INITIATIVE_RESULTS);
        OWNED.put(Pattern.compile("/registreringer/forloeb/\\{id}.*"), Kind.COURSE);
        OWNED.put(Pattern.compile("/registreringer/triage/\\{id}"), Kind.TRIAGE_CASE);
        OWNED.put(Pattern.compile("/registreringer/skemaer/\\{id}(/import)?"), Kind.SCHEME);
        NOT_OWNED.put(Pattern.compile("/registreringer/skemaer/\\{id}/registrations.csv"), "analysts only (role); "
                + "RegistrationExport checks it again (ProTests)");
        OWNED.put(Pattern.compile("/udbredelse/\\{id}"), Kind.ADOPTION);
        NOT_OWNED.put(Pattern.compile("/registreringer/skemadefinitioner/\\{id}.*"), "analysts and consultants "
                + "(roles); SchemeDefinitions gives a definition only to the analysts and consultants of its own "
                + "initiative, 404 to everyone else (SchemeDefinitionsTests)");

        NOT_OWNED.put(Pattern.compile("/ideer/\\{id.*"), "a published idea is public; support and comments are "
                + "for everyone signed in");
        NOT_OWNED.put(Pattern.compile("/katalog/\\{id}/udbredelse/ny"), "records an adoption of a published case "
                + "for the signed-in person's own organisation, which the service takes from the account, never from "
                + "the request (AdoptionsTests)");
        NOT_OWNED.put(Pattern.compile("/udfordringer/.*|/katalog/.*|/historier/.*"), "public pages");
        NOT_OWNED.put(Pattern.compile("/initiativer/\\{id}/oekonomi(/.*)?"), "an initiative's business case and "
                + "actual costs: BusinessCases and ActualCosts check the initiative's people, consultants, Task Force, "
                + "analysts and finance on every request, and an actual cost only through its own initiative "
                + "(BusinessCasesTests, ActualCostsTests)");
        NOT_OWNED.put(Pattern.compile("/initiativer/\\{id}(/.*)?"), "initiatives are open to everyone signed in; "
                + "members, documents, phase and trial actions are checked by InitiativeMembers "
                + "(InitiativeMembersTests)");
        NOT_OWNED.put(Pattern.compile("/initiativer/laboratorier/\\{id}/prioritet"), "a laboratory's priority "
                + "history is shown to everyone signed in; only the Task Force changes it (role)");
        NOT_OWNED.put(Pattern.compile("/(vilde-problemer|wicked-problems)/.*"), "a submitter's own problems: WickedProblems checks "
                + "the row (WickedProblemsTests)");
        NOT_OWNED.put(Pattern.compile("/notifikationer/\\{id}"), "a notice opens only for its recipient: "
                + "Notifications.open updates WHERE id AND recipient_user_id, anyone else gets 404");
        NOT_OWNED.put(Pattern.compile("/moderation/\\{id}.*"), "a report is about public content and every "
                + "moderator (innovation consultant) works every report (ADR 0034)");
        NOT_OWNED.put(Pattern.compile("/admin/api-klienter/\\{id}.*"), "API clients are administered by administrators "
                + "(role); a client itself writes only its own organisation's rows (ApiClientsTests)");
        NOT_OWNED.put(Pattern.compile("/bedoemmelser/.*"), "reviews: a reviewer assigned to the call "
                + "(Reviews.isReviewer, ReviewController)");
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Autowired
    Funding funding;

    @Autowired
    Tranches trancheCycle;

    @Autowired
    Consortia consortia;

    @Autowired
    Applications applications;

    @Autowired
    Challenges challenges;

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaClinic clinic;

    @Autowired
    Initiatives initiatives;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Schemes schemes;

    @Autowired
    Registrations registrations;

    @Autowired
    Pro pro;

    @Autowired
    CaseCatalog catalog;

    @Autowired
    Adoptions adoptions;

    private final AntPathMatcher matcher = new AntPathMatcher();

    record Route(HttpMethod method, String path, Set<Role> allowed) {}

    @Test
    void everyRouteWithAnObjectIdIsClassified() {
        Set<String> unclassified = new TreeSet<>();
        for (Route route : routesWithId()) {
            if (kind(route) == null && reason(route) == null && !roleIsTheRule(route)) {
                unclassified.add(route.method() + " " + route.path());
            }
        }
        assertThat(unclassified).as("routes with an object id that no table of RowCoverageTests covers").isEmpty();
    }

    @Test
    void anUnrelatedOrganisationAndAnotherCitizenAreRefusedEveryOwnedObject() throws Exception {
        List<String> reached = new ArrayList<>();
        int checked = 0;
        for (Route route : routesWithId()) {
            Kind kind = kind(route);
            if (kind == null) {
                continue;
            }
            long id = make(kind);
            String path = route.path().replaceFirst("\\{[^}]+}", String.valueOf(id)).replaceAll("\\{[^}]+}", "1");
            Role staffRole = route.allowed().isEmpty() ? Role.STAFF : route.allowed().stream()
                    .filter(role -> !GLOBAL.contains(role) && role != Role.CITIZEN).findFirst().orElse(null);
            if (staffRole != null) {
                int status = status(route.method(), path, stranger(staffRole), kind);
                checked++;
                if (status != 403 && status != 404) {
                    reached.add(route.method() + " " + path + " as " + staffRole + " of an unrelated organisation → "
                            + status);
                }
            }
            if (route.allowed().isEmpty() || route.allowed().contains(Role.CITIZEN)) {
                int status = status(route.method(), path, stranger(Role.CITIZEN), kind);
                checked++;
                if (status != 403 && status != 404) {
                    reached.add(route.method() + " " + path + " as another citizen → " + status);
                }
            }
        }
        assertThat(checked).as("requests made").isGreaterThan(10);
        assertThat(reached).as("owned objects reached by someone unrelated").isEmpty();
    }

    // --- the objects, each owned by a fresh organisation and a fresh citizen ---

    private long make(Kind kind) {
        long owner = organisation(Sector.REGION);
        return switch (kind) {
            case GRANT -> grant(owner);
            case TRANCHE -> trancheCycle.tranches(grant(owner)).getFirst().id();
            case CONSORTIUM -> consortium(owner);
            case APPLICATION -> {
                Actor writer = person(owner, Role.STAFF);
                long consortium = consortia.create("Række " + next(), owner, writer.id(), writer);
                yield applications.start(consortium, challenge(), writer);
            }
            case MY_IDEA -> {
                Actor citizen = person(null, Role.CITIZEN);
                long idea = ideas.submit(new NewIdea("Egen idé " + next(), "Et problem", "Et forslag", "Patienter",
                        EnumSet.of(Sector.REGION), InnovationType.EVERYDAY, Region.MIDTJYLLAND, false, List.of()),
                        Submitter.account(citizen.id(), citizen.name(), null));
                clinic.ask(idea, "Et privat spørgsmål", new Actor(null, "Idéklinikken"));
                yield idea;
            }
            case COURSE -> course();
            case TRIAGE_CASE -> {
                long course = course();
                var c = jdbc.sql("SELECT scheme_id, unit_id FROM registration_course WHERE id = :id").param("id", course)
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
                long questionnaire = RegistrationFixtures.questionnaire(pro, c[0]);
                pro.answer(pro.link(course, questionnaire, RegistrationFixtures.staffOf(c[1])), Map.of("MOBILITY", 5,
                        "SELFCARE", 5, "ACTIVITIES", 5, "PAIN", 5, "ANXIETY", 5, "EXPERIENCE", 1));
                yield jdbc.sql("SELECT id FROM triage_case WHERE course_id = :c").param("c", course).query(Long.class)
                        .single();
            }
            case SCHEME -> RegistrationFixtures.scheme(schemes, initiatives, organisations, "A").schemeId();
            case ADOPTION -> {
                long caseId = catalog.create(new CaseDraft("Rækkecase " + next(), "Resumé", Region.MIDTJYLLAND,
                        Set.of(), Set.of(), Set.of(Sector.REGION), List.of(), Map.of(), null, null, null), null,
                        Actor.SYSTEM);
                catalog.publish(caseId, 1, null, Actor.SYSTEM);
                yield adoptions.record(caseId, owner, new NewAdoption(LocalDate.of(2026, 1, 1), "Intet",
                        "Kontakt", AdoptionStatus.RUNNING), Actor.SYSTEM);
            }
            case INITIATIVE_RESULTS -> {
                long initiative = initiatives.start(new NewInitiative("Række " + next(), "", InitiativeKind.PROJECT,
                        InnovationType.EVERYDAY, owner, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
                jdbc.sql("""
                        INSERT INTO monitoring_run (initiative_id, window_days, by_name, status, progress, data_version,
                            definition_version, tariff_years, finished_at)
                        VALUES (:initiative, 365, 'Analytiker', 'SUCCEEDED', 100, 1, 'v1', '2024', now())""")
                        .param("initiative", initiative).update();
                yield initiative;
            }
        };
    }

    /** A course of a fresh scheme's one unit, opened by that unit's professional. */
    private long course() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        return registrations.open(made.schemeId(), "rad" + next(), LocalDate.of(2024, 1, 10),
                RegistrationFixtures.staffOf(made.units().getFirst()));
    }

    private long grant(long recipient) {
        long pool = funding.createPool("Rækkepulje " + next() + " " + System.nanoTime(), Region.MIDTJYLLAND,
                Money.ofKroner(1_000_000), 2026, 2027);
        return funding.grant(new GrantDecision(pool, "Rækkebevilling " + next(), recipient, Money.ofKroner(100_000),
                Money.ofKroner(100_000), null, List.of(new GrantDecision.NewTranche(Money.ofKroner(100_000),
                        LocalDate.of(2026, 6, 30)))), new Actor(null, "Task Force"));
    }

    private long consortium(long owner) {
        Actor creator = person(owner, Role.STAFF);
        long id = consortia.create("Rækkekonsortium " + next(), owner, creator.id(), creator);
        // a waiting lead request to a third organisation: only its people answer it
        jdbc.sql("""
                INSERT INTO consortium_lead_request (consortium_id, organisation_id, requested_by_user_id,
                    requested_by_name) VALUES (:id, :org, :user, 'Test')""")
                .param("id", id).param("org", organisation(Sector.MUNICIPALITY)).param("user", creator.id()).update();
        return id;
    }

    private long challenge() {
        long pool = funding.createPool("Opslagspulje " + next() + " " + System.nanoTime(), Region.MIDTJYLLAND,
                Money.ofKroner(1_000_000), 2026, 2027);
        return challenges.publish(new NewChallenge(ChallengeKind.INNOVATION_QUESTION, "Række " + next(), "Mål",
                "Baggrund", "Hvad nu hvis?", Region.MIDTJYLLAND, pool, Instant.now().plus(Duration.ofDays(30))),
                new Actor(null, "Task Force"));
    }

    private long organisation(Sector sector) {
        return organisations.create(new OrganisationDetails("Række " + next() + " " + System.nanoTime(), sector,
                Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
    }

    private Actor person(Long organisationId, Role role) {
        int n = next();
        long id = users.create(new UserAttributes("raekke-" + n + "-" + System.nanoTime() + "@test.tvaers.dk",
                "Række " + n, organisationId, EnumSet.of(role)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        return new Actor(id, "Række " + n);
    }

    /** A user of a fresh, unrelated organisation with the role (a citizen has none). */
    private UsernamePasswordAuthenticationToken stranger(Role role) {
        Actor person = person(role == Role.CITIZEN ? null : organisation(Sector.MUNICIPALITY), role);
        var principal = AccountPrincipal.of(users.find(person.id()).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    /** The answer's status; 404 also when a page open to everyone shows nothing of the object (see Kind). */
    private int status(HttpMethod method, String path, UsernamePasswordAuthenticationToken who, Kind kind)
            throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.request(method, path).with(csrf()).with(authentication(who))
                        .param("body", "Tekst").param("note", "Tekst").param("name", "Navn").param("login", "x@y.dk")
                        .param("organisationId", "1").param("challengeId", "1").param("contactEmail", "x@y.dk"))
                .andReturn().getResponse();
        if (response.getStatus() == 200 && kind.shownOnlyToOwners != null && method == HttpMethod.GET
                && response.getContentType() != null && response.getContentType().startsWith("text/html")
                && !response.getContentAsString().contains(kind.shownOnlyToOwners)) {
            return 404;
        }
        return response.getStatus();
    }

    private static int next() {
        return SEQUENCE.incrementAndGet();
    }

    // --- the routes ---

    private Kind kind(Route route) {
        return OWNED.entrySet().stream().filter(e -> e.getKey().matcher(route.path()).matches())
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private String reason(Route route) {
        return NOT_OWNED.entrySet().stream().filter(e -> e.getKey().matcher(route.path()).matches())
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Only global roles may use the route (or it is public): the role check is the whole rule. */
    private boolean roleIsTheRule(Route route) {
        String requested = route.path().replaceAll("\\{[^}]+}", "1");
        if (PublicPaths.PATTERNS.stream().anyMatch(pattern -> matcher.match(pattern, requested))) {
            return true;
        }
        // the API's open datasets: anyone may read them (GET), in the API's own chain (ADR 0039)
        if (route.method() == HttpMethod.GET
                && PublicPaths.API_READ_PATTERNS.stream().anyMatch(pattern -> matcher.match(pattern, requested))) {
            return true;
        }
        return !route.allowed().isEmpty() && GLOBAL.containsAll(route.allowed())
                || !route.allowed().isEmpty() && route.allowed().stream()
                        .allMatch(role -> GLOBAL.contains(role) || role == Role.INNOVATION_CONSULTANT);
    }

    private List<Route> routesWithId() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dk.tvaers")) {
                return;
            }
            for (String pattern : patterns(info)) {
                if (!pattern.contains("{")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(methods)) {
                    routes.add(new Route(HttpMethod.valueOf(method.name()), pattern.replace("\\\\d+", "")
                            .replaceAll("\\{(\\w+):[^}]*}", "{$1}"), allowedRoles(handler)));
                }
            }
        });
        return routes;
    }
}
