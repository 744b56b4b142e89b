package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.shared.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who belongs where ({@link UserDirectory#checkRolesFitOrganisation}). */
class RolesFitOrganisationTests {

    private static final Long ORGANISATION = 7L;

    @Test
    void refusesAUserWithoutRoles() {
        assertRefused(Set.of(), ORGANISATION, "roles", "admin.user.error.noRoles");
        assertRefused(null, ORGANISATION, "roles", "admin.user.error.noRoles");
    }

    @Test
    void citizenBelongsToNoOrganisation() {
        assertThatCode(() -> UserDirectory.checkRolesFitOrganisation(Set.of(Role.CITIZEN), null))
                .doesNotThrowAnyException();
        assertRefused(Set.of(Role.CITIZEN), ORGANISATION, "organisationId", "admin.user.error.citizenNoOrganisation");
    }

    @Test
    void citizenHoldsNoOtherRole() {
        assertRefused(EnumSet.of(Role.CITIZEN, Role.STAFF), null, "roles", "admin.user.error.citizenOnly");
    }

    @Test
    void staffMustBelongToAnOrganisation() {
        assertThatCode(() -> UserDirectory.checkRolesFitOrganisation(Set.of(Role.STAFF), ORGANISATION))
                .doesNotThrowAnyException();
        assertRefused(Set.of(Role.STAFF), null, "organisationId", "admin.user.error.organisationRequired");
        assertRefused(EnumSet.of(Role.ANALYST, Role.TASK_FORCE), null, "organisationId",
                "admin.user.error.organisationRequired");
    }

    @Test
    void onlyAnAdministratorWithNoOtherRoleMayStandOutsideAnOrganisation() {
        assertThatCode(() -> UserDirectory.checkRolesFitOrganisation(Set.of(Role.ADMINISTRATOR), null))
                .doesNotThrowAnyException();
        assertRefused(EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST), null, "organisationId",
                "admin.user.error.organisationRequired");
    }

    private static void assertRefused(Set<Role> roles, Long organisationId, String field, String messageKey) {
        assertThatThrownBy(() -> UserDirectory.checkRolesFitOrganisation(roles, organisationId))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo(messageKey);
                });
    }
}
