package dk.tvaers.accounts.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.PasswordPolicy;
import dk.tvaers.accounts.PasswordResets;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.accounts.UserSessions;
import dk.tvaers.platform.security.SecurityConfiguration;
import dk.tvaers.platform.security.SliceRateLimits;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.shared.Role;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * One web slice for all pages of the accounts module (so Spring builds it once): the controllers with the real
 * security configuration, layout and message bundles, and the module's services mocked.
 */
@WebMvcTest(controllers = {
    LoginController.class, PasswordResetController.class, ProfileController.class,
    OrganisationAdminController.class, UserAdminController.class, AuditLogController.class})
@Import({SecurityConfiguration.class, SliceRateLimits.class, TimeFormat.class, PasswordPolicy.class})
abstract class AccountsWebSlice {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    OrganisationDirectory organisations;

    @MockitoBean
    UserDirectory users;

    @MockitoBean
    PasswordResets resets;

    @MockitoBean
    AuditLog audit;

    @MockitoBean
    UserSessions sessions;

    static UserAccount account(long id, Role role) {
        return new UserAccount(id, "user" + id + "@slice.test", "user" + id + "@slice.test", "Slice " + role,
                null, null, Set.of(role), true, false, 0, null, true, false, null, "da");
    }

    static UsernamePasswordAuthenticationToken signedIn(long id, Role role) {
        var principal = AccountPrincipal.of(account(id, role));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
