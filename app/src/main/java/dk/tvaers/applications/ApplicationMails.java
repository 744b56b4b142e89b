package dk.tvaers.applications;

import dk.tvaers.platform.TvaersProperties;
import dk.tvaers.platform.mail.Mailer;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the decision letter (PDF) to the consortium's contact people after the decision is committed. A mail that
 * fails makes the listener fail; the event publication stays incomplete and is sent again later (ADR 0006).
 */
@Component
class ApplicationMails {

    private static final Locale DANISH = Locale.of("da");

    private final Applications applications;
    private final Consortia consortia;
    private final Decisions decisions;
    private final Mailer mailer;
    private final MessageSource messages;
    private final TvaersProperties properties;

    ApplicationMails(Applications applications, Consortia consortia, Decisions decisions, Mailer mailer,
            MessageSource messages, TvaersProperties properties) {
        this.applications = applications;
        this.consortia = consortia;
        this.decisions = decisions;
        this.mailer = mailer;
        this.messages = messages;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void decided(ApplicationDecided event) {
        Application application = applications.find(event.applicationId());
        Decision decision = decisions.of(event.applicationId()).orElseThrow();
        byte[] letter = decisions.letter(event.applicationId()).orElseThrow();
        String outcome = messages.getMessage(decision.outcome().messageKey(), null, DANISH);
        String link = properties.baseUrl() + "/ansoegninger/" + application.id();
        for (Consortium.Person contact : consortia.find(application.consortiumId()).contacts()) {
            if (contact.email() == null) {
                continue;
            }
            mailer.send(contact.email(),
                    messages.getMessage("mail.decision.subject", new Object[] {application.title(), outcome}, DANISH),
                    messages.getMessage("mail.decision.body",
                            new Object[] {contact.name(), application.title(), outcome, link}, DANISH),
                    new Mailer.Attachment("afgoerelsesbrev-" + application.id() + ".pdf", "application/pdf", letter));
        }
    }
}
