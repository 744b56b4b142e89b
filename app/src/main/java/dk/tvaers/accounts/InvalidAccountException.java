package dk.tvaers.accounts;

import dk.tvaers.shared.RuleException;

/** A rule of accounts is broken; carries the form field and the message key to show beside it. */
public class InvalidAccountException extends RuleException {

    public InvalidAccountException(String field, String messageKey) {
        super(field, messageKey);
    }
}
