package dk.tvaers.ideas;

/** An outcome that the idea's state does not allow (already decided, merged into itself, and so on). */
public class InvalidOutcomeException extends RuntimeException {

    private final String messageKey;

    public InvalidOutcomeException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
