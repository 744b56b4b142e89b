package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo data ({@code TVAERS_DEMO_DATA=true}), run here by hand on the shared test database, whose other tests
 * stay away from the demo organisations' names.
 */
@IntegrationTest
class DemoDataTests {

    static final String PASSWORD = "Demo-adgangskode-2026";

    /** The 19 municipalities of Region Midtjylland. */
    static final List<String> MUNICIPALITIES = List.of("Favrskov Kommune", "Hedensted Kommune", "Herning Kommune",
            "Holstebro Kommune", "Horsens Kommune", "Ikast-Brande Kommune", "Lemvig Kommune", "Norddjurs Kommune",
            "Odder Kommune", "Randers Kommune", "Ringkøbing-Skjern Kommune", "Samsø Kommune", "Silkeborg Kommune",
            "Skanderborg Kommune", "Skive Kommune", "Struer Kommune", "Syddjurs Kommune", "Viborg Kommune",
            "Aarhus Kommune");

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Test
    void loadsRegionMidtjyllandAndAUserOfEveryRoleOnceOnly() {
        var demoData = new DemoData(organisations, users, PASSWORD);

        demoData.run(null);

        // the 19 municipalities, each once (other tests of the shared context add organisations of their own)
        assertThat(names(Sector.MUNICIPALITY, Region.MIDTJYLLAND).stream().filter(MUNICIPALITIES::contains))
                .containsExactlyInAnyOrderElementsOf(MUNICIPALITIES);
        assertThat(names(Sector.REGION, Region.MIDTJYLLAND)).contains("Region Midtjylland",
                "Aarhus Universitetshospital", "Regionshospitalet Gødstrup", "Regionshospitalet Randers",
                "Regionshospitalet Horsens", "Regionshospitalet Viborg");
        for (Role role : Role.values()) {
            assertThat(demoUsers(role)).as("demo users with role %s", role).isNotEmpty().allSatisfy(user -> {
                assertThat(user.roles()).containsExactly(role);
                assertThat(user.organisationId() == null).isEqualTo(role == Role.CITIZEN);
                assertThat(users.passwordMatches(user.id(), PASSWORD)).isTrue();
            });
        }
        // staff twice: one in a municipality, one in general practice; every other role once
        assertThat(demoUsers(Role.STAFF)).extracting(user -> organisations.find(user.organisationId()).orElseThrow()
                .sector()).containsExactlyInAnyOrder(Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE);
        assertThat(users.search(new UserDirectory.Filter("@demo.tvaers.dk", null, null, null), 1, 50).total())
                .isEqualTo(Role.values().length + 1);

        long organisationCount = organisations.search(new OrganisationDirectory.Filter(null, null, null, null), 1, 1)
                .total();
        long userCount = users.count();
        new DemoData(organisations, users, "En-anden-demo-adgangskode").run(null);
        assertThat(organisations.search(new OrganisationDirectory.Filter(null, null, null, null), 1, 1).total())
                .isEqualTo(organisationCount);
        assertThat(users.count()).isEqualTo(userCount);
        UserAccount citizen = demoUsers(Role.CITIZEN).getFirst();
        assertThat(users.passwordMatches(citizen.id(), PASSWORD)).isTrue();
    }

    /** Every organisation's name of the sector and region, page by page (the shared context holds many). */
    private List<String> names(Sector sector, Region region) {
        var filter = new OrganisationDirectory.Filter(null, sector, region, null);
        List<String> names = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            var items = organisations.search(filter, page, 100).items();
            items.stream().map(Organisation::name).forEach(names::add);
            if (items.size() < 100) {
                return names;
            }
        }
    }

    private List<UserAccount> demoUsers(Role role) {
        return users.search(new UserDirectory.Filter("@demo.tvaers.dk", role, null, null), 1, 50).items();
    }
}
