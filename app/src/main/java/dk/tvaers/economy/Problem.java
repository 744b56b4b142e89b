package dk.tvaers.economy;

import java.util.List;

/**
 * A rule a business case breaks, for the form to show at the field: {@code line} is the line's index or -1 for the
 * business case itself, {@code field} the form field, {@code messageKey} and {@code args} the Danish message.
 */
public record Problem(int line, String field, String messageKey, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }
}
