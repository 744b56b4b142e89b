package dk.tvaers.applications;

import dk.tvaers.platform.mail.MailText;
import dk.tvaers.platform.mail.Mailer;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the decision letter (PDF) to the consortium's contact people after the decision is committed. A mail that
 * fails makes the listener fail; the event publication stays incomplete and is sent again later (ADR 0006).
 */
@Component
class ApplicationMails {

    private final Applications applications;
    private final Consortia consortia;
    private final Decisions decisions;
    private final Mailer mailer;
    private final MailText mail;

    ApplicationMails(Applications applications, Consortia consortia, Decisions decisions, Mailer mailer,
            MailText mail) {
        this.applications = applications;
        this.consortia = consortia;
        this.decisions = decisions;
        this.mailer = mailer;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void decided(ApplicationDecided event) {
        Application application = applications.find(event.applicationId());
        Decision decision = decisions.of(event.applicationId()).orElseThrow();
        byte[] letter = decisions.letter(event.applicationId()).orElseThrow();
        String outcome = mail.text(decision.outcome().messageKey());
        String link = mail.link("/ansoegninger/" + application.id());
        for (Consortium.Person contact : consortia.find(application.consortiumId()).contacts()) {
            if (contact.email() == null) {
                continue;
            }
            mailer.send(contact.email(),
                    mail.text("mail.decision.subject", application.title(), outcome),
                    mail.text("mail.decision.body", contact.name(), application.title(), outcome, link),
                    new Mailer.Attachment("afgoerelsesbrev-" + application.id() + ".pdf", "application/pdf", letter));
        }
    }
}
