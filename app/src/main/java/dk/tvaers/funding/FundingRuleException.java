package dk.tvaers.funding;

import dk.tvaers.shared.RuleException;

/** A rule of funding is broken; carries the message key to show (and the form field, where there is one). */
public class FundingRuleException extends RuleException {

    public FundingRuleException(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
