package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;

/** Form login through the real filter chain: wrong passwords count towards a lockout, a right one resets them. */
@IntegrationTest
class LoginLockoutTests {

    static final String PASSWORD = "Rigtig-adgangskode-2026";
    static final String WRONG = "Forkert-adgangskode-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    AuditLog audit;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        String email = "lars.laast@test.tvaers.dk";
        long id = citizen(email, "Lars Låst");

        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(formLogin().user(email).password(WRONG))
                    .andExpect(unauthenticated())
                    .andExpect(forwardedUrl("/login/fejl"))
                    .andExpect(request().attribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                            instanceOf(BadCredentialsException.class)));
        }
        mvc.perform(formLogin().user(email).password(PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(request().attribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                        instanceOf(LockedException.class)));

        UserAccount account = users.find(id).orElseThrow();
        assertThat(account.failedLogins()).isEqualTo(UserDirectory.MAX_FAILED_LOGINS);
        assertThat(account.lockedAt(Instant.now())).isTrue();
        assertThat(auditOf(AuditKind.LOGIN_FAILED, email)).hasSize(6);
        assertThat(auditOf(AuditKind.ACCOUNT_LOCKED, email)).singleElement()
                .extracting(AuditEntry::actorId).isEqualTo(id);
        assertThat(auditOf(AuditKind.LOGIN_SUCCEEDED, email)).isEmpty();
    }

    @Test
    void successfulLoginResetsTheCountOfWrongPasswords() throws Exception {
        String email = "rikke.reset@test.tvaers.dk";
        long id = citizen(email, "Rikke Reset");

        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin().user(email).password(WRONG)).andExpect(unauthenticated());
        }
        assertThat(users.find(id).orElseThrow().failedLogins()).isEqualTo(4);
        mvc.perform(formLogin().user(email).password(PASSWORD))
                .andExpect(authenticated().withUsername(email))
                .andExpect(redirectedUrl("/"));
        assertThat(users.find(id).orElseThrow().failedLogins()).isZero();

        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin().user(email).password(WRONG)).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(authenticated());
        assertThat(auditOf(AuditKind.ACCOUNT_LOCKED, email)).isEmpty();
        assertThat(auditOf(AuditKind.LOGIN_SUCCEEDED, email)).hasSize(2);
    }

    long citizen(String email, String name) {
        return users.create(new UserAttributes(email, name, null, Set.of(Role.CITIZEN)), PASSWORD, false,
                Actor.SYSTEM);
    }

    List<AuditEntry> auditOf(AuditKind kind, String subject) {
        return audit.search(new AuditLog.Filter(kind, subject, null, null), 1, 100).items().stream()
                .filter(entry -> subject.equals(entry.subject()))
                .toList();
    }
}
