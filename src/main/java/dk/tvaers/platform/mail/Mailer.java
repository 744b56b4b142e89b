package dk.tvaers.platform.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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
}
