package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.Role;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

/** The test profile sets TVAERS_ADMIN_EMAIL and TVAERS_ADMIN_PASSWORD, as an installation would. */
@IntegrationTest
class AdministratorBootstrapTests {

    @Value("${tvaers.admin.email}")
    String adminEmail;

    @Value("${tvaers.admin.password}")
    String adminPassword;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    PasswordPolicy passwordPolicy;

    @Autowired
    AuditLog audit;

    @Test
    void createsTheAdministratorFromTheConfiguredAddress() {
        UserAccount admin = users.findByLogin(adminEmail).orElseThrow();

        assertThat(admin.roles()).containsExactly(Role.ADMINISTRATOR);
        assertThat(admin.email()).isEqualTo(adminEmail);
        assertThat(admin.organisationId()).isNull();
        assertThat(admin.mustChangePassword()).isFalse();
        assertThat(audit.search(new AuditLog.Filter(AuditKind.ADMINISTRATOR_CREATED, null, null, null), 1, 10)
                .items()).extracting(AuditEntry::subject).containsExactly(adminEmail);
    }

    @Test
    void administratorLogsInWithTheConfiguredPasswordAndReachesTheAdministration() throws Exception {
        var login = mvc.perform(formLogin().user(adminEmail).password(adminPassword))
                .andExpect(authenticated().withUsername(adminEmail).withRoles(Role.ADMINISTRATOR.name()))
                .andReturn();
        // the session cookie (named SESSION under MockMvc's servlet context, TVAERS_SESSION on the real server)
        Cookie[] session = Arrays.stream(login.getResponse().getCookies())
                .filter(cookie -> cookie.getName().endsWith("SESSION")).toArray(Cookie[]::new);
        assertThat(session).hasSize(1);

        mvc.perform(get("/admin/brugere").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/admin/brugere")).andExpect(status().is3xxRedirection());
    }

    @Test
    void startOnANonEmptyDatabaseCreatesNoOne() throws Exception {
        long before = users.count();

        new AdministratorBootstrap(users, passwordPolicy, "endnu.en.admin@test.tvaers.dk", "Lang-nok-adgangskode-1")
                .run(null);

        assertThat(users.count()).isEqualTo(before);
        assertThat(users.findByLogin("endnu.en.admin@test.tvaers.dk")).isEmpty();
    }
}
