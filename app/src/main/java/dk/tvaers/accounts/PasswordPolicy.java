package dk.tvaers.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: long enough, not one of the most common, and not the user's own login.
 * (Length beats composition rules; see NIST SP 800-63B.)
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "123456789012", "password1234", "passwordpassword", "qwertyuiopå", "qwertyuiop12", "adgangskode1",
            "adgangskode12", "adgangskode123", "sommer2026!!", "vinter2026!!", "velkommen123", "velkommen1234",
            "111111111111", "aaaaaaaaaaaa", "abcdefghijkl", "administrator", "tvaers123456", "tværs123456");

    /** The message key of what is wrong with the password, or empty when it is acceptable. */
    public Optional<String> problem(String password, String login) {
        if (password == null || password.isEmpty()) {
            return Optional.of("validation.password.required");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("validation.password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("validation.password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return Optional.of("validation.password.tooCommon");
        }
        if (login != null && !login.isBlank()) {
            String name = login.toLowerCase(Locale.ROOT);
            String local = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
            if (lower.contains(name) || (local.length() >= 4 && lower.contains(local))) {
                return Optional.of("validation.password.containsLogin");
            }
        }
        return Optional.empty();
    }
}
