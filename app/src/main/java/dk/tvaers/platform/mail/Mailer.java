package dk.tvaers.platform.mail;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mail over SMTP. Callers send from event listeners, so a mail that fails (the server is
 * down) throws, the event publication stays incomplete and is sent again later. Without an SMTP server
 * configured ({@code SPRING_MAIL_HOST}), the mail is not sent and the log says so, without its content.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String host;

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${tvaers.mail.from}") String from,
            @Value("${spring.mail.host:}") String host) {
        this.sender = sender;
        this.from = from;
        this.host = host;
    }

    /** Whether mail can go out at all: an SMTP server is configured. (It may still be down; then mail waits.) */
    public boolean canSend() {
        return !host.isBlank() && sender.getIfAvailable() != null;
    }

    public void send(String to, String subject, String body) {
        JavaMailSender mailSender = sender.getIfAvailable();
        if (mailSender == null || host.isBlank()) {
            log.warn("Ingen SMTP-server er sat op (SPRING_MAIL_HOST): mailen '{}' til {} blev ikke sendt.", subject, to);
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        mailSender.send(message);
    }

    /** A file sent with a mail. */
    public record Attachment(String filename, String contentType, byte[] content) {}

    /** Sends a plain-text mail with files attached (e.g. a decision letter as PDF). */
    public void send(String to, String subject, String body, Attachment... attachments) {
        if (attachments.length == 0) {
            send(to, subject, body);
            return;
        }
        JavaMailSender mailSender = sender.getIfAvailable();
        if (mailSender == null || host.isBlank()) {
            log.warn("Ingen SMTP-server er sat op (SPRING_MAIL_HOST): mailen '{}' til {} blev ikke sendt.", subject, to);
            return;
        }
        var message = mailSender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body);
            for (Attachment attachment : attachments) {
                helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        mailSender.send(message);
    }
}
