package dk.tvaers.accounts;

import java.time.Instant;
import org.springframework.context.event.EventListener;
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

    LoginAuditor(UserDirectory users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            users.recordSuccessfulLogin(principal.userId());
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
            boolean lockedNow = users.recordFailedLogin(account.get().id());
            if (lockedNow && !account.get().lockedAt(Instant.now())) {
                audit.record(AuditKind.ACCOUNT_LOCKED, account.get().id(), login, login,
                        UserDirectory.MAX_FAILED_LOGINS + " forkerte forsøg");
            }
        }
    }
}
