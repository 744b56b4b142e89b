package dk.tvaers.ideas;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the idea mails GreenMail received (by recipient: mails of other tests may arrive too). */
final class ReceivedMails {

    static final Pattern CONFIRM = Pattern.compile("/ideer/bekraeft\\?token=([A-Za-z0-9_-]+)");
    static final Pattern FOLLOW = Pattern.compile("/ideer/foelg\\?token=([A-Za-z0-9_-]+)");

    private ReceivedMails() {}

    /** Waits until at least {@code count} mails reached the address and returns them, oldest first. */
    static List<MimeMessage> await(GreenMailOperations mail, String address, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> found = List.of();
        while (System.nanoTime() < deadline) {
            found = Arrays.stream(mail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " mails to " + address + ", got " + found.size());
    }

    static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(MimeMessage message, Pattern link) {
        Matcher matcher = link.matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("no link " + link + " in: " + text(message));
        }
        return matcher.group(1);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
