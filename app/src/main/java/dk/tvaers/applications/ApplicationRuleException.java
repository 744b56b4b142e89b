package dk.tvaers.applications;

import dk.tvaers.shared.Money;
import dk.tvaers.shared.Sector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * One or more rules of applications are broken; each problem carries the form field (or null), the message key
 * and its arguments. Arguments may be sectors (or collections of them) and amounts; {@link #message} words them.
 */
public class ApplicationRuleException extends RuntimeException {

    /** One broken rule. */
    public record Problem(String field, String messageKey, Object... arguments) {}

    private final transient List<Problem> problems;

    public ApplicationRuleException(String field, String messageKey, Object... arguments) {
        this(List.of(new Problem(field, messageKey, arguments)));
    }

    public ApplicationRuleException(List<Problem> problems) {
        super(problems.stream().map(Problem::messageKey).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The message keys of the problems, in order (for tests and logs). */
    public List<String> messageKeys() {
        return problems.stream().map(Problem::messageKey).toList();
    }

    /** The problem's arguments as words in the locale: sectors by their names ("Kommune eller Almen praksis"). */
    public static Object[] worded(Problem problem, MessageSource messages, Locale locale) {
        Object[] result = problem.arguments().clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] instanceof Sector sector) {
                result[i] = messages.getMessage(sector.messageKey(), null, locale);
            } else if (result[i] instanceof Collection<?> sectors) {
                var names = new ArrayList<String>();
                for (Object sector : sectors) {
                    names.add(messages.getMessage(((Sector) sector).messageKey(), null, locale));
                }
                result[i] = join(names, messages.getMessage("application.sectors.or", null, locale));
            } else if (result[i] instanceof Money money) {
                result[i] = money.format(locale);
            }
        }
        return result;
    }

    /** The whole problem as the user reads it. */
    public static String message(Problem problem, MessageSource messages, Locale locale) {
        return messages.getMessage(problem.messageKey(), worded(problem, messages, locale), locale);
    }

    private static String join(List<String> names, String or) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + or + " " + names.getLast();
    }
}
