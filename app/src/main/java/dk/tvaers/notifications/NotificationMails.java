package dk.tvaers.notifications;

import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.mail.MailText;
import dk.tvaers.platform.mail.Mailer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails notices, from events, so that a mail that fails (SMTP down) is tried again from its event publication.
 * A notice is marked mailed in the transaction that sends it: a failed mail rolls the mark back, and a notice already
 * marked is never mailed twice (also when two instances take the same digest page).
 */
@Component
class NotificationMails {

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Mailer mailer;
    private final MailText mail;
    private final Clock clock;
    private final TransactionTemplate perRecipient;

    NotificationMails(JdbcClient jdbc, UserDirectory users, Mailer mailer, MailText mail, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.users = users;
        this.mailer = mailer;
        this.mail = mail;
        this.clock = clock;
        this.perRecipient = new TransactionTemplate(transactions);
        this.perRecipient.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A mail at once for one notice. */
    @ApplicationModuleListener
    void mailDue(NotificationMailDue event) {
        record Due(long recipient, Notification notification) {}
        Optional<Due> due = jdbc.sql("""
                UPDATE notification SET mailed_at = :now WHERE id = :id AND mailed_at IS NULL RETURNING *""")
                .param("now", Timestamp.from(clock.instant())).param("id", event.notificationId())
                .query((rs, n) -> new Due(rs.getLong("recipient_user_id"), Notifications.map(rs, n))).optional();
        if (due.isEmpty()) {
            return;
        }
        Notification notification = due.get().notification();
        address(due.get().recipient()).ifPresent(to -> mailer.send(to,
                mail.text("mail.notification.subject", notification.subjectTitle()),
                mail.text("mail.notification.body", line(notification), settingsLink())));
    }

    /** One page of a digest run: one mail per recipient with every notice of the period not yet mailed. */
    @ApplicationModuleListener
    void digest(DigestBatchDue batch) {
        for (long recipient : batch.recipients()) {
            perRecipient.executeWithoutResult(status -> {
                List<Notification> due = jdbc.sql("""
                        UPDATE notification SET mailed_at = :now
                        WHERE recipient_user_id = :user AND delivery = :period AND mailed_at IS NULL AND created_at <= :cutoff
                        RETURNING *""")
                        .param("now", Timestamp.from(clock.instant())).param("user", recipient)
                        .param("period", batch.period().name()).param("cutoff", Timestamp.from(batch.cutoff()))
                        .query(Notifications::map).list().stream()
                        .filter(Notification::unread)
                        .sorted(java.util.Comparator.comparing(Notification::createdAt))
                        .toList();
                if (due.isEmpty()) {
                    return;
                }
                address(recipient).ifPresent(to -> {
                    var lines = new StringBuilder();
                    due.forEach(notification -> lines.append("- ").append(line(notification)).append("\n\n"));
                    mailer.send(to, mail.text("mail.digest.subject." + batch.period().name(), due.size()),
                            mail.text("mail.digest.body", lines.toString().strip(), mail.link("/notifikationer"),
                                    settingsLink()));
                });
            });
        }
    }

    private String line(Notification notification) {
        String detail = notification.detailKey() == null ? "" : mail.text(notification.detailKey());
        return mail.text(notification.kind().textKey(), notification.subjectTitle(), detail) + "\n  "
                + mail.link(notification.link());
    }

    private Optional<String> address(long userId) {
        return users.find(userId).filter(UserAccount::active).map(UserAccount::email);
    }

    private String settingsLink() {
        return mail.link("/notifikationer/indstillinger");
    }
}
