package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of accounts as the directory enforces them against the database. */
@IntegrationTest
class UserDirectoryTests {

    static final String PASSWORD = "Brugerens-adgangskode-1";

    @Autowired
    UserDirectory users;

    @Autowired
    OrganisationDirectory organisations;

    @Test
    void citizenCannotBelongToAnOrganisation() {
        long organisation = organisation("Borgertest Kommune");

        assertThatThrownBy(() -> users.create(new UserAttributes("carl.citizen@test.tvaers.dk", "Carl Borger",
                organisation, Set.of(Role.CITIZEN)), PASSWORD, false, Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidAccountException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("admin.user.error.citizenNoOrganisation"));
        assertThat(users.findByLogin("carl.citizen@test.tvaers.dk")).isEmpty();
    }

    @Test
    void staffMustBelongToAnOrganisation() {
        assertThatThrownBy(() -> users.create(new UserAttributes("sofie.staff@test.tvaers.dk", "Sofie Medarbejder",
                null, Set.of(Role.STAFF)), PASSWORD, false, Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidAccountException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("admin.user.error.organisationRequired"));
        assertThat(users.findByLogin("sofie.staff@test.tvaers.dk")).isEmpty();

        long organisation = organisation("Medarbejdertest Kommune");
        long id = users.create(new UserAttributes("sofie.staff@test.tvaers.dk", "Sofie Medarbejder", organisation,
                Set.of(Role.STAFF)), PASSWORD, false, Actor.SYSTEM);
        assertThat(users.find(id).orElseThrow().organisationName()).isEqualTo("Medarbejdertest Kommune");
    }

    @Test
    void anEmailAddressBelongsToOneUserWhateverItsCase() {
        users.create(new UserAttributes("Dorthe.Dublet@Test.Tvaers.dk", "Dorthe Dublet", null, Set.of(Role.CITIZEN)),
                PASSWORD, false, Actor.SYSTEM);

        assertThatThrownBy(() -> users.create(new UserAttributes("dorthe.dublet@test.tvaers.DK", "Dorthe Anden",
                null, Set.of(Role.CITIZEN)), PASSWORD, false, Actor.SYSTEM))
                .isInstanceOfSatisfying(DuplicateNameException.class,
                        e -> assertThat(e.field()).isEqualTo("email"));
        long other = users.create(new UserAttributes("dorthe.anden@test.tvaers.dk", "Dorthe Anden", null,
                Set.of(Role.CITIZEN)), PASSWORD, false, Actor.SYSTEM);
        assertThatThrownBy(() -> users.update(other, new UserAttributes("DORTHE.DUBLET@test.tvaers.dk",
                "Dorthe Anden", null, Set.of(Role.CITIZEN)), Actor.SYSTEM))
                .isInstanceOf(DuplicateNameException.class);
    }

    private long organisation(String name) {
        return organisations.findByName(name).orElseGet(() -> organisations.create(
                new OrganisationDetails(name, Sector.MUNICIPALITY, Region.SJAELLAND, null), Actor.SYSTEM)).id();
    }
}
