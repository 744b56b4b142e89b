package dk.tvaers.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.platform.TvaersProperties;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

/** The words of every mail are Danish whatever the request's language, and its links are absolute. */
class MailTextTests {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final MailText mail = new MailText(messages, new TvaersProperties(Path.of("data"), "https://tvaers.example/", false));

    MailTextTests() {
        messages.addMessage("mail.test", Locale.of("da"), "Hej {0}, se {1}");
        messages.addMessage("mail.test", Locale.ENGLISH, "Hello {0}, see {1}");
        messages.addMessage("mail.plain", Locale.of("da"), "Idéens status: ''åben''");
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void textIsDanishEvenWhenTheRequestIsEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(mail.text("mail.test", "Anna", mail.link("/ideer/1")))
                .isEqualTo("Hej Anna, se https://tvaers.example/ideer/1");
    }

    @Test
    void aTextWithoutArgumentsIsTakenAsWritten() {
        // as MessageSource.getMessage(key, null, locale) did: no MessageFormat, so the quotes stay
        assertThat(mail.text("mail.plain")).isEqualTo("Idéens status: ''åben''");
    }

    @Test
    void linkJoinsTheBaseAddressWithoutADoubleSlash() {
        assertThat(mail.link("/notifikationer")).isEqualTo("https://tvaers.example/notifikationer");
    }
}
