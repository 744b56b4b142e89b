package dk.tvaers.shared;

/**
 * A module's rule is broken: carries the form field it belongs to (null: the form as a whole), the message key of
 * the Danish text to show beside it, and the message's arguments. Each module names its own subclass.
 */
public abstract class RuleException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    protected RuleException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
