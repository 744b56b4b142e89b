package dk.tvaers.challenges;

/** A rule of challenges is broken; carries the form field and the message key to show beside it. */
public class ChallengeRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public ChallengeRuleException(String field, String messageKey) {
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
