package dk.tvaers.applications;

import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import java.util.List;

/**
 * What a consortium writes: the summary, how it makes each of the three effects plausible (public economy, health,
 * citizens' satisfaction), the budget by year and partner, and the trial actions it plans ("what if" hypotheses).
 */
public record ApplicationContent(String title, String summary, String effectEconomy, String effectHealth,
        String effectCitizens, InnovationType innovationType, List<BudgetLine> budget, List<String> trialActions) {

    /** One row of the budget: a year, a partner organisation and an amount. */
    public record BudgetLine(int year, long organisationId, Money amount) {}

    public Money total() {
        return budget.stream().map(BudgetLine::amount).reduce(Money.ZERO, Money::plus);
    }
}
