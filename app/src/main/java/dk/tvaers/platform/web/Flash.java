package dk.tvaers.platform.web;

import java.io.Serializable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The message box the next page shows after a redirect (post/redirect/get): a notice (success) or a problem, as a
 * message key with at most one argument. It travels as the one flash attribute {@code flash}, and the layout shows
 * {@code ${flash.notice}} and {@code ${flash.problem}}, so a page's own model attribute named {@code notice} or
 * {@code problem} can never show a message box. Serializable: flash attributes live in the (JDBC) session.
 */
public record Flash(String notice, String problem, String argument) implements Serializable {

    /** The flash attribute's name. */
    public static final String ATTRIBUTE = "flash";

    /** Shows the notice {@code messageKey} on the next page. */
    public static void notice(RedirectAttributes redirect, String messageKey) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash(messageKey, null, null));
    }

    /** Shows the notice {@code messageKey} with its one argument ({0}) on the next page. */
    public static void notice(RedirectAttributes redirect, String messageKey, Object argument) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash(messageKey, null, text(argument)));
    }

    /** Shows the problem {@code messageKey} on the next page. */
    public static void problem(RedirectAttributes redirect, String messageKey) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash(null, messageKey, null));
    }

    /** Shows the problem {@code messageKey} with its one argument ({0}) on the next page. */
    public static void problem(RedirectAttributes redirect, String messageKey, Object argument) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash(null, messageKey, text(argument)));
    }

    private static String text(Object argument) {
        return argument == null ? null : argument.toString();
    }
}
