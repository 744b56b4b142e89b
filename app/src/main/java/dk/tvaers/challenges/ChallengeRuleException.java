package dk.tvaers.challenges;

import dk.tvaers.shared.RuleException;

/** A rule of challenges is broken; carries the form field and the message key to show beside it. */
public class ChallengeRuleException extends RuleException {

    public ChallengeRuleException(String field, String messageKey) {
        super(field, messageKey);
    }
}
