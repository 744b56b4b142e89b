package dk.tvaers.funding;

/** A rule of funding is broken; carries the message key to show (and the form field, where there is one). */
public class FundingRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public FundingRuleException(String field, String messageKey, Object... arguments) {
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
