package dk.tvaers.accounts;

import dk.tvaers.platform.mail.MailText;
import dk.tvaers.platform.mail.Mailer;
import dk.tvaers.platform.security.RateLimits;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Password reset and invitation by e-mail: a {@link OneUseLinks} link valid for an hour (three days for an
 * invitation).
 */
@Service
public class PasswordResets {

    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    static final Duration INVITATION_VALIDITY = Duration.ofDays(3);

    private final OneUseLinks links;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Mailer mailer;
    private final MailText mail;
    private final RateLimits rateLimits;

    PasswordResets(OneUseLinks links, UserDirectory users, AuditLog audit, ApplicationEventPublisher events,
            Mailer mailer, MailText mail, RateLimits rateLimits) {
        this.links = links;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.mailer = mailer;
        this.mail = mail;
        this.rateLimits = rateLimits;
    }

    /**
     * Asks for a reset link. Says nothing about whether the address is known, so it cannot be used to probe; the
     * limit of requests per address ({@code password-reset-address}, ADR 0016) applies to every address alike.
     */
    @Transactional
    public void request(String email) {
        rateLimits.consume("password-reset-address", email);
        Optional<UserAccount> account = users.findByLogin(email);
        audit.record(AuditKind.PASSWORD_RESET_REQUESTED, account.map(UserAccount::id).orElse(null), email, email,
                account.isPresent() ? null : "ukendt adresse");
        account.filter(UserAccount::active)
                .filter(user -> user.email() != null)
                .ifPresent(user -> events.publishEvent(new PasswordResetRequested(user.id(), false)));
    }

    /** Invites a user an administrator created to choose their first password. */
    @Transactional
    public void invite(long userId) {
        events.publishEvent(new PasswordResetRequested(userId, true));
    }

    @Async
    @TransactionalEventListener // no transaction: the link commits before its mail goes out (OneUseLinks)
    void send(PasswordResetRequested event) {
        UserAccount user = users.find(event.userId()).orElse(null);
        if (user == null || user.email() == null || !user.active()) {
            return;
        }
        Duration validity = event.invitation() ? INVITATION_VALIDITY : RESET_VALIDITY;
        String kind = event.invitation() ? "invitation" : "reset";
        links.sendWith(OneUseLinks.Kind.PASSWORD_RESET, user.id(), validity, token -> mailer.send(user.email(),
                mail.text("mail." + kind + ".subject"), mail.text("mail." + kind + ".body", user.displayName(),
                        mail.link("/nulstil-adgangskode?token=" + token), validity.toHours())));
    }

    /** The user a valid, unused, unexpired token belongs to. */
    @Transactional(readOnly = true)
    public Optional<Long> userFor(String token) {
        return links.owner(OneUseLinks.Kind.PASSWORD_RESET, token);
    }

    /** Sets the new password and spends the token; false when the token is not (or no longer) valid. */
    @Transactional
    public boolean complete(String token, String newPassword) {
        Optional<Long> userId = links.spend(OneUseLinks.Kind.PASSWORD_RESET, token);
        userId.ifPresent(id -> users.changePassword(id, newPassword, AuditKind.PASSWORD_RESET_COMPLETED));
        return userId.isPresent();
    }
}
