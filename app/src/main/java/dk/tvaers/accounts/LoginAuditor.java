package dk.tvaers.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records every login, successful or not, in the audit log, and counts failed passwords towards the lockout.
 */
@Component
class LoginAuditor {

    private final UserDirectory users;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    LoginAuditor(UserDirectory users, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            recordSuccessfulLogin(principal.userId());
            String method = principal.getIdToken() != null ? "OpenID Connect" : "adgangskode";
            audit.record(AuditKind.LOGIN_SUCCEEDED, principal.userId(), principal.getUsername(),
                    principal.getUsername(), method);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureProviderNotFoundEvent) {
            // the password login's manager does not handle an OpenID Connect login, which the login filter's own
            // manager has handled (OidcAccountService audits the logins it refuses); this names no user
            return;
        }
        String login = String.valueOf(event.getAuthentication().getPrincipal());
        String reason = event.getException().getClass().getSimpleName();
        var account = users.findByLogin(login);
        audit.record(AuditKind.LOGIN_FAILED, account.map(UserAccount::id).orElse(null), login, login, reason);
        if (event instanceof AuthenticationFailureBadCredentialsEvent && account.isPresent()) {
            boolean lockedNow = recordFailedLogin(account.get().id());
            if (lockedNow && !account.get().lockedAt(Instant.now())) {
                audit.record(AuditKind.ACCOUNT_LOCKED, account.get().id(), login, login,
                        UserDirectory.MAX_FAILED_LOGINS + " forkerte forsøg");
            }
        }
    }

    /** Counts a failed login; the fifth in a row locks the account for a while. Returns whether it is locked now. */
    private boolean recordFailedLogin(long id) {
        Instant lockUntil = clock.instant().plus(UserDirectory.LOCK_DURATION);
        return jdbc.sql("""
                UPDATE user_account SET failed_logins = failed_logins + 1,
                    locked_until = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END
                WHERE id = :id RETURNING failed_logins >= :max""")
                .param("id", id)
                .param("max", UserDirectory.MAX_FAILED_LOGINS)
                .param("lockUntil", Timestamp.from(lockUntil))
                .query(Boolean.class).single();
    }

    private void recordSuccessfulLogin(long id) {
        jdbc.sql("UPDATE user_account SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = :id")
                .param("id", id).update();
    }
}
