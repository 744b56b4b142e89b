package dk.tvaers.funding.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.funding.FundingRuleException;
import dk.tvaers.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/** What the funding pages' forms share: a rule the service refused, at its field; the signed-in actor. */
final class FundingForms {

    private FundingForms() {}

    static void reject(BindingResult errors, FundingRuleException e) {
        Object[] arguments = e.arguments();
        if (e.field() != null && errors.getFieldType(e.field()) != null) {
            errors.rejectValue(e.field(), e.messageKey(), formatted(arguments), null);
        } else {
            errors.reject(e.messageKey(), formatted(arguments), null);
        }
    }

    private static Object[] formatted(Object[] arguments) {
        Object[] result = arguments.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] instanceof Money money) {
                result[i] = money.format(LocaleContextHolder.getLocale());
            }
        }
        return result;
    }

    static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }
}
