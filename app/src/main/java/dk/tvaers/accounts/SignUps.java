package dk.tvaers.accounts;

import dk.tvaers.platform.mail.MailText;
import dk.tvaers.platform.mail.Mailer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Citizens create their own account: the sign-up (name, e-mail, the password already hashed) waits until the person
 * follows the link mailed to them, valid for {@link #VALIDITY} and once (a {@link OneUseLinks} link, made when the
 * mail is sent). Only then is the account made, as a citizen. An address that has an account gets a mail saying so instead of a link, and the page says the same in both cases, so sign-up cannot probe addresses.
 */
@Service
public class SignUps {

    static final Duration VALIDITY = Duration.ofHours(24);

    /** What following a link did. */
    public enum Outcome { CREATED, ALREADY_EXISTS }

    private record SignUp(long id, String email, String displayName, String passwordHash, boolean completed) {}

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Mailer mailer;
    private final MailText mail;
    private final Clock clock;
    private final OneUseLinks links;

    SignUps(JdbcClient jdbc, UserDirectory users, AuditLog audit, ApplicationEventPublisher events, Mailer mailer,
            MailText mail, Clock clock, OneUseLinks links) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.mailer = mailer;
        this.mail = mail;
        this.clock = clock;
        this.links = links;
    }

    /** Records a sign-up whose form has been checked (the password by {@link PasswordPolicy}) and mails its link. */
    @Transactional
    public void request(String email, String displayName, String rawPassword) {
        String address = email.strip();
        long id = jdbc.sql("""
                INSERT INTO account_signup (email, display_name, password_hash) VALUES (:email, :name, :hash)
                RETURNING id""")
                .param("email", address).param("name", displayName.strip()).param("hash", users.hashPassword(rawPassword))
                .query(Long.class).single();
        audit.record(AuditKind.SIGN_UP_REQUESTED, null, address, address, null);
        events.publishEvent(new SignUpRequested(id));
    }

    @Async
    @TransactionalEventListener // no transaction: the link commits before its mail goes out (OneUseLinks)
    void send(SignUpRequested event) {
        SignUp signUp = find(event.signUpId()).orElse(null);
        if (signUp == null || signUp.completed()) {
            return;
        }
        if (users.findByLogin(signUp.email()).isPresent()) {
            mailer.send(signUp.email(), mail.text("mail.signup.exists.subject"), mail.text("mail.signup.exists.body",
                    signUp.displayName(), mail.link("/login"), mail.link("/glemt-adgangskode")));
            return;
        }
        links.sendWith(OneUseLinks.Kind.SIGN_UP, signUp.id(), VALIDITY, token -> mailer.send(signUp.email(),
                mail.text("mail.signup.subject"), mail.text("mail.signup.body", signUp.displayName(),
                        mail.link("/opret-konto/bekraeft?token=" + token), VALIDITY.toHours())));
    }

    /** Spends the link and makes the account; empty when the link is unknown, used or too old. */
    @Transactional
    public Optional<Outcome> confirm(String token) {
        Optional<Long> signUpId = links.spend(OneUseLinks.Kind.SIGN_UP, token);
        return signUpId.flatMap(this::find).filter(signUp -> !signUp.completed()).map(signUp -> {
            jdbc.sql("UPDATE account_signup SET completed_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("id", signUp.id()).update();
            return users.createSignedUpCitizen(signUp.email(), signUp.displayName(), signUp.passwordHash())
                    .map(id -> Outcome.CREATED).orElse(Outcome.ALREADY_EXISTS);
        });
    }

    private Optional<SignUp> find(long id) {
        return jdbc.sql("SELECT id, email, display_name, password_hash, completed_at FROM account_signup WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new SignUp(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        rs.getString("password_hash"), rs.getTimestamp("completed_at") != null))
                .optional();
    }
}
