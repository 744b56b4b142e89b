package dk.tvaers.economy.web;

import dk.tvaers.economy.ActualCost;
import dk.tvaers.economy.ActualCosts;
import dk.tvaers.economy.EconomySector;
import dk.tvaers.economy.Problem;
import dk.tvaers.shared.Money;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.validation.BindingResult;

/**
 * The form for one actual cost, as typed (text), so a refused form comes back unchanged; {@link #parse} turns it into
 * an entry or puts a Danish message at every field that is wrong.
 */
public class ActualCostForm {

    private String sector = "";
    private String month = "";
    private String amount = "";
    private String description = "";

    static ActualCostForm blank(YearMonth month) {
        var form = new ActualCostForm();
        form.month = month.toString();
        return form;
    }

    /** The form filled with an entered actual cost, the amount written as Danish kroner (45.000,50). */
    static ActualCostForm of(ActualCost cost, Locale locale) {
        var form = new ActualCostForm();
        form.sector = cost.sector().name();
        form.month = cost.month().toString();
        form.amount = Kroner.plain(cost.amountOre(), locale);
        form.description = cost.description();
        return form;
    }

    Optional<ActualCosts.Entry> parse(BindingResult errors) {
        EconomySector parsedSector = BusinessCaseForm.choice(EconomySector.class, sector, "sector",
                "economy.error.sector", errors);
        YearMonth parsedMonth = BusinessCaseForm.month(month, "month", errors);
        Long ore = amount(errors);
        if (parsedSector == null || parsedMonth == null || ore == null) {
            return Optional.empty();
        }
        return Optional.of(new ActualCosts.Entry(parsedSector, parsedMonth, ore,
                description == null ? "" : description.strip()));
    }

    /** Puts the service's problems at their fields. */
    void reject(List<Problem> problems, BindingResult errors) {
        for (Problem problem : problems) {
            if (!errors.hasFieldErrors(problem.field())) {
                errors.rejectValue(problem.field(), problem.messageKey(), problem.args().toArray(), null);
            }
        }
    }

    private Long amount(BindingResult errors) {
        String typed = amount == null ? "" : amount.strip();
        if (typed.isEmpty()) {
            errors.rejectValue("amount", "economy.error.amountRequired");
            return null;
        }
        if (typed.startsWith("-") || typed.startsWith("\u2212")) {
            errors.rejectValue("amount", "economy.actual.error.notPositive");
            return null;
        }
        Optional<Money> money = Money.parseKroner(typed);
        if (money.isEmpty()) {
            errors.rejectValue("amount", "economy.error.amount");
            return null;
        }
        return money.get().ore();
    }

    public String getSector() { return sector; }
    public void setSector(String sector) { this.sector = sector; }
    public String getMonth() { return month; }
    public void setMonth(String month) { this.month = month; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
