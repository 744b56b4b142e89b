package dk.tvaers.accounts;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the mails GreenMail received, by recipient, since a mail of an earlier test may still arrive. */
final class Mails {

    private static final Pattern TOKEN = Pattern.compile("/nulstil-adgangskode\\?token=([A-Za-z0-9_-]+)");

    private Mails() {}

    static MimeMessage awaitMailTo(GreenMailOperations mail, String address, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<MimeMessage> found = Arrays.stream(mail.getReceivedMessages())
                    .filter(message -> isTo(message, address))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address + " within " + timeout);
    }

    static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of a plain-text mail. */
    static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the reset link in the mail. */
    static String resetToken(MimeMessage message) {
        Matcher matcher = TOKEN.matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("no reset link in: " + text(message));
        }
        return matcher.group(1);
    }
}
