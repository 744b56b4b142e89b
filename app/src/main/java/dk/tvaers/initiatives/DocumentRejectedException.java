package dk.tvaers.initiatives;

/** A document that is refused: too large, empty, or of a type that is not allowed. Carries the message key. */
public class DocumentRejectedException extends RuntimeException {

    private final String messageKey;

    public DocumentRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
