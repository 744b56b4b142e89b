package dk.tvaers.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.shared.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fulfilment by social stratum against a hand-worked fixture. Three units (U0, U1 in cluster A, U2 in cluster B);
 * SCREEN (share of yes at START) per course, the citizen's strata as the SPI tells them:
 *
 * <pre>
 *  unit  citizens                         SCREEN yes   strata
 *  U0    lo1..lo6                          4 of 6       LOW_INCOME (lo1 also MULTIMORBIDITY)
 *  U0    out1, out2                        2 of 2       not in the data
 *  U1    lo7..lo13                         7 of 7       LOW_INCOME
 *  U1    al1..al3                          3 of 3       LIVING_ALONE
 *  U2    lo14..lo18                        1 of 5       LOW_INCOME
 *  U2    al4, al5                          1 of 2       LIVING_ALONE
 * </pre>
 *
 * LOW_INCOME: U0 4/6 = 67 %, region 12/18 = 67 %. LIVING_ALONE: U1 3 courses (hidden, under 5), region 4/5 = 80 %.
 * MULTIMORBIDITY: U0 1 course (hidden), region 1 course (hidden). SHORT_EDUCATION: no one. Known: 23 of 25 courses.
 */
@IntegrationTest
class StrataFiguresTests {

    @Autowired
    Schemes schemes;

    @Autowired
    Registrations registrations;

    @Autowired
    StrataFigures strata;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Autowired
    MockMvc mvc;

    /** The SPI as the fixture's data: a citizen's strata by the prefix of the pseudonymous id. */
    static final class FixtureStrata implements CitizenStrata {

        String source = "7";

        @Override
        public Optional<String> source() {
            return Optional.of(source);
        }

        @Override
        public Optional<Known> of(Collection<Citizen> citizens) {
            Map<Long, Set<Stratum>> byKey = new HashMap<>();
            for (Citizen c : citizens) {
                if (c.personRef().equals("lo1")) {
                    byKey.put(c.key(), EnumSet.of(Stratum.LOW_INCOME, Stratum.MULTIMORBIDITY));
                } else if (c.personRef().startsWith("lo")) {
                    byKey.put(c.key(), EnumSet.of(Stratum.LOW_INCOME));
                } else if (c.personRef().startsWith("al")) {
                    byKey.put(c.key(), EnumSet.of(Stratum.LIVING_ALONE));
                }
            }
            return Optional.of(new Known(source, byKey));
        }
    }

    @Test
    void aUnitsFulfilmentByStratumAgainstTheRegionWithSmallGroupsHidden() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A", "A", "B");
        long u0 = made.units().get(0);
        long u1 = made.units().get(1);
        long u2 = made.units().get(2);
        int lo = 1;
        lo = courses(made, u0, "lo", lo, 4, 2);
        courses(made, u0, "out", 1, 2, 0);
        lo = courses(made, u1, "lo", lo, 7, 0);
        courses(made, u1, "al", 1, 3, 0);
        courses(made, u2, "lo", lo, 1, 4);
        courses(made, u2, "al", 4, 1, 1);

        var fixture = new FixtureStrata();
        strata.refresh(made.schemeId(), fixture);
        Scheme scheme = schemes.get(made.schemeId());

        StrataFigures.View u0View = strata.of(scheme, u0);
        assertThat(u0View.strataKnown()).isTrue();
        assertThat(List.of(u0View.known(), u0View.courses())).containsExactly(23L, 25L);
        assertThat(u0View.source()).isEqualTo("7");
        assertThat(u0View.rows()).hasSize(Stratum.values().length * 3);
        assertThat(screen(u0View, Stratum.LOW_INCOME)).containsExactly(6L, 4L, 0L, 18L, 12L, 0L);
        assertThat(screen(u0View, Stratum.MULTIMORBIDITY)).containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(screen(u0View, Stratum.SHORT_EDUCATION)).containsExactly(0L, 0L, 1L, 0L, 0L, 1L);
        assertThat(screen(strata.of(scheme, u1), Stratum.LIVING_ALONE)).containsExactly(3L, 3L, 1L, 5L, 4L, 0L);
        assertThat(screen(strata.of(scheme, u2), Stratum.LOW_INCOME)).containsExactly(5L, 1L, 0L, 18L, 12L, 0L);

        // unchanged: nothing to recompute; a new registration or other strata data: recompute
        assertThat(strata.changed(made.schemeId(), "7")).isFalse();
        assertThat(strata.changed(made.schemeId(), "8")).isTrue();
        Viewer staff = RegistrationFixtures.staffOf(u0);
        long late = registrations.open(made.schemeId(), "lo99", LocalDate.of(2025, 3, 1), staff);
        registrations.save(late, TimePoint.START, Map.of("SCREEN", "ja", "WATT", "90"), false, staff);
        assertThat(strata.changed(made.schemeId(), "7")).isTrue();
        strata.refresh(made.schemeId(), fixture);
        assertThat(screen(strata.of(scheme, u0), Stratum.LOW_INCOME)).containsExactly(7L, 5L, 0L, 19L, 13L, 0L);

        // the page: the unit's row of a stratum, and a hidden small group says so
        var physio = user(u0);
        Document page = page(made.schemeId(), physio);
        var lowIncome = page.select("div[aria-label='Lav indkomst'] table.tvaers-strata tbody tr").stream()
                .filter(tr -> tr.text().startsWith("Screenet")).findFirst().orElseThrow();
        assertThat(lowIncome.select("td").get(0).text()).startsWith("71 %").contains("5 af 7");
        assertThat(lowIncome.select("td").get(1).text()).startsWith("68 %").contains("13 af 19");
        // no course of the region has short education: one line, no table of hidden cells
        assertThat(page.select("div[aria-label^='Kort uddannelse']")).isEmpty();
        assertThat(page.select(".tvaers-strata-empty").text()).isEqualTo("Ingen af skemaets forløb er i denne gruppe.");
        assertThat(page.select(".tvaers-strata-status").text()).contains("dataversion 7")
                .contains("24 af skemaets 26 forløb");
    }

    @Test
    void withoutStrataDataThePageSaysTheyAreNotKnown() throws Exception {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        long u0 = made.units().getFirst();
        courses(made, u0, "lo", 1, 5, 0);
        var physio = user(u0);
        assertThat(page(made.schemeId(), physio).select(".tvaers-strata-status").text())
                .contains("ikke opgjort endnu");

        strata.refresh(made.schemeId(), new CitizenStrata() {
            @Override
            public Optional<String> source() {
                return Optional.empty();
            }

            @Override
            public Optional<Known> of(Collection<Citizen> citizens) {
                return Optional.empty();
            }
        });
        StrataFigures.View view = strata.of(schemes.get(made.schemeId()), u0);
        assertThat(view.computed()).isTrue();
        assertThat(view.strataKnown()).isFalse();
        assertThat(view.rows()).allSatisfy(r -> assertThat(r.unit().n()).isZero());
        Document page = page(made.schemeId(), physio);
        assertThat(page.select(".tvaers-strata-status").text()).contains("kendes ikke i Tværs");
        assertThat(page.select("table.tvaers-strata")).isEmpty();

        strata.refresh(made.schemeId(), null);
        assertThat(strata.of(schemes.get(made.schemeId()), u0).strataKnown()).isFalse();
        assertThat(strata.changed(made.schemeId(), null)).isFalse();
    }

    /** Courses of citizens prefix{from}…, {yes} with SCREEN yes then {no} with no; returns the next number. */
    private int courses(RegistrationFixtures.Made made, long unit, String prefix, int from, int yes, int no) {
        Viewer staff = RegistrationFixtures.staffOf(unit);
        int n = from;
        for (int i = 0; i < yes + no; i++, n++) {
            long course = registrations.open(made.schemeId(), prefix + n, LocalDate.of(2024, 2, 1).plusDays(n),
                    staff);
            registrations.save(course, TimePoint.START, Map.of("SCREEN", i < yes ? "ja" : "nej", "WATT", "100"),
                    false, staff);
        }
        return n;
    }

    /** SCREEN's row of a stratum: unit n, k, hidden (1/0), region n, k, hidden. */
    private static List<Long> screen(StrataFigures.View view, Stratum stratum) {
        StrataFigures.Row row = view.rows().stream()
                .filter(r -> r.stratum() == stratum && r.indicator().code().equals("SCREEN")).findFirst().orElseThrow();
        return List.of(row.unit().n(), row.unit().k(), row.unit().hidden() ? 1L : 0L, row.region().n(),
                row.region().k(), row.region().hidden() ? 1L : 0L);
    }

    private UsernamePasswordAuthenticationToken user(long organisation) {
        long id = users.create(new UserAttributes("strata-" + System.nanoTime() + "@test.tvaers.dk", "Fysioterapeut",
                organisation, EnumSet.of(Role.STAFF)), "Rolig-Rød-Cykel-9", false, Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private Document page(long schemeId, UsernamePasswordAuthenticationToken user) throws Exception {
        var response = mvc.perform(get("/registreringer/skemaer/" + schemeId).with(authentication(user))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
