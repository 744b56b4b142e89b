package dk.tvaers.platform.web;

import dk.tvaers.shared.Money;
import java.util.Optional;
import org.springframework.validation.BindingResult;

/**
 * An amount in kroner typed into a form field ("1.250.000", "1250000,50"), read the one way every form reads it: an
 * empty field is "validation.amount.required" (unless the field already has an error, e.g. from {@code @NotBlank}),
 * text that is not an amount "validation.amount.invalid", each beside its field.
 */
public final class MoneyField {

    private MoneyField() {}

    /** The amount typed into {@code field}, or empty with an error beside the field. */
    public static Optional<Money> read(String text, String field, BindingResult errors) {
        if (text == null || text.isBlank()) {
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "validation.amount.required");
            }
            return Optional.empty();
        }
        Optional<Money> money = Money.parseKroner(text);
        if (money.isEmpty()) {
            errors.rejectValue(field, "validation.amount.invalid");
        }
        return money;
    }
}
