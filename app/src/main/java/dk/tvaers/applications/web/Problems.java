package dk.tvaers.applications.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.applications.ApplicationRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/** Puts the broken rules of applications beside their fields (or above the form), worded in the user's language. */
final class Problems {

    private Problems() {}

    static void reject(BindingResult errors, ApplicationRuleException e, MessageSource messages) {
        for (ApplicationRuleException.Problem problem : e.problems()) {
            Object[] arguments = ApplicationRuleException.worded(problem, messages, LocaleContextHolder.getLocale());
            if (problem.field() != null && errors.getFieldType(problem.field()) != null) {
                errors.rejectValue(problem.field(), problem.messageKey(), arguments, null);
            } else {
                errors.reject(problem.messageKey(), arguments, null);
            }
        }
    }

    static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }
}
