package dk.tvaers.registrations;

import java.util.List;

/** A broken rule: where (a field, or a file's line and column), the message key and its arguments. */
public record Problem(long line, String field, String messageKey, List<Object> arguments) {

    public static Problem at(String field, String messageKey, Object... arguments) {
        return new Problem(0, field, messageKey, List.of(arguments));
    }

    public Problem onLine(long line, String column) {
        return new Problem(line, column, messageKey, arguments);
    }
}
