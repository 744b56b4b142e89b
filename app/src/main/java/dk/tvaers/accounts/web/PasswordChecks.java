package dk.tvaers.accounts.web;

import dk.tvaers.accounts.PasswordPolicy;
import org.springframework.validation.Errors;

/** The checks of a new password typed twice, shared by the reset and change forms. */
final class PasswordChecks {

    private PasswordChecks() {}

    static void check(PasswordPolicy policy, String password, String repeat, String login, Errors errors) {
        policy.problem(password, login).ifPresent(key -> errors.rejectValue("password", key));
        if (!errors.hasFieldErrors("password") && (repeat == null || !repeat.equals(password))) {
            errors.rejectValue("repeat", "validation.password.mismatch");
        }
    }
}
