package dk.tvaers.funding;

import dk.tvaers.platform.mail.MailText;
import dk.tvaers.platform.mail.Mailer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails a progress-report reminder to the grant's contact, after the transaction that recorded it. A mail that fails
 * (SMTP down) leaves the event publication incomplete, and it is resubmitted later. A reminder whose report came in
 * the meantime, or whose grant has no contact, is not mailed (the overdue report still shows on the Task Force's
 * overview).
 */
@Component
class ReportReminderMails {

    private static final Logger log = LoggerFactory.getLogger(ReportReminderMails.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private record Due(long grantId, String title, String poolName, int number, String status, String contact) {}

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final MailText mail;

    ReportReminderMails(JdbcClient jdbc, Mailer mailer, MailText mail) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void remind(ReportReminderDue event) {
        Due due = jdbc.sql("""
                SELECT g.id AS grant_id, g.title, p.name AS pool_name, t.number, t.status, g.contact_email
                FROM tranche t JOIN grant_award g ON g.id = t.grant_id JOIN funding_pool p ON p.id = g.pool_id
                WHERE t.id = :id""")
                .param("id", event.trancheId())
                .query((rs, n) -> new Due(rs.getLong("grant_id"), rs.getString("title"), rs.getString("pool_name"),
                        rs.getInt("number"), rs.getString("status"), rs.getString("contact_email")))
                .optional().orElse(null);
        if (due == null || !TrancheStatus.PLANNED.name().equals(due.status())) {
            return;
        }
        if (due.contact() == null) {
            log.info("Ingen kontaktperson på bevilling {}: påmindelsen om rate {} sendes ikke", due.grantId(),
                    due.number());
            return;
        }
        String kind = event.kind().name().toLowerCase(Locale.ROOT);
        String date = event.reportDue().format(DATE);
        String link = mail.link("/finansiering/bevillinger/" + due.grantId());
        mailer.send(due.contact(), mail.text("mail.report." + kind + ".subject", due.title(), due.number()),
                mail.text("mail.report." + kind + ".body", due.title(), due.number(), date, due.poolName(), link));
    }
}
