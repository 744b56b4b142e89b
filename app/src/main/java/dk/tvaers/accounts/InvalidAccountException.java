package dk.tvaers.accounts;

/** A rule of accounts is broken; carries the form field and the message key to show beside it. */
public class InvalidAccountException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public InvalidAccountException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
