package dk.tvaers.platform.mail;

import dk.tvaers.platform.TvaersProperties;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words and links of the mails the modules send: every mail is Danish, from the message bundles, whatever the
 * language of the request that caused it (mails go out later, from event listeners), and its links are absolute
 * addresses under {@code tvaers.base-url}.
 */
@Component
public class MailText {

    private static final Locale DANISH = Locale.of("da");

    private final MessageSource messages;
    private final TvaersProperties properties;

    MailText(MessageSource messages, TvaersProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    /** A message of the bundle in Danish. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }

    /** The absolute address of a path of Tværs ({@code "/notifikationer"}), for a link in a mail. */
    public String link(String path) {
        return properties.baseUrl() + path;
    }
}
