package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the role claim of an OpenID Connect login becomes Tværs roles ({@link OidcAccountService#rolesFrom}). */
class OidcRoleMappingTests {

    private final OidcAccountService service = service(new OidcProperties("roles",
            Map.of("innovationskonsulent", Role.INNOVATION_CONSULTANT, "ADMINISTRATOR", Role.STAFF), null, null));

    @Test
    void mapsConfiguredClaimValuesToRoles() {
        assertThat(service.rolesFrom(List.of("innovationskonsulent"))).containsExactly(Role.INNOVATION_CONSULTANT);
    }

    @Test
    void takesAClaimValueThatNamesARoleWhateverItsCase() {
        assertThat(service.rolesFrom(List.of("analyst", "Task_Force"))).containsExactlyInAnyOrder(Role.ANALYST,
                Role.TASK_FORCE);
    }

    @Test
    void readsAStringClaimSeparatedByCommasOrSpaces() {
        assertThat(service.rolesFrom("STAFF, analyst innovationskonsulent")).containsExactlyInAnyOrder(Role.STAFF,
                Role.ANALYST, Role.INNOVATION_CONSULTANT);
    }

    @Test
    void configuredMappingWinsOverARoleName() {
        assertThat(service.rolesFrom(List.of("ADMINISTRATOR"))).containsExactly(Role.STAFF);
    }

    @Test
    void ignoresUnknownValues() {
        assertThat(service.rolesFrom(List.of("superbruger", "ANALYST"))).containsExactly(Role.ANALYST);
    }

    @Test
    void givesTheDefaultRoleWhenTheClaimNamesNone() {
        assertThat(service.rolesFrom(null)).containsExactly(Role.CITIZEN);
        assertThat(service.rolesFrom(List.of())).containsExactly(Role.CITIZEN);
        assertThat(service.rolesFrom(List.of("superbruger"))).containsExactly(Role.CITIZEN);
    }

    @Test
    void theDefaultRoleCanBeConfigured() {
        var staffByDefault = service(new OidcProperties(null, null, Role.STAFF, null));

        assertThat(staffByDefault.rolesFrom(null)).containsExactly(Role.STAFF);
    }

    private static OidcAccountService service(OidcProperties properties) {
        return new OidcAccountService(null, null, null, properties, null);
    }
}
