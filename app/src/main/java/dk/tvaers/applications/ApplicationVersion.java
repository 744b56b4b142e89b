package dk.tvaers.applications;

import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import java.time.Instant;
import java.util.List;

/** One version of an application as it was saved; a version with {@code submittedAt} is frozen. */
public record ApplicationVersion(long applicationId, int version, String title, String summary, String effectEconomy,
        String effectHealth, String effectCitizens, InnovationType innovationType, Instant savedAt,
        String savedByName, Instant submittedAt, List<BudgetRow> budget, List<String> trialActions,
        List<Attachment> attachments) {

    public record BudgetRow(int line, int year, long organisationId, String organisationName, Money amount) {}

    public record Attachment(long id, String filename, String contentType, long sizeBytes) {}

    public boolean frozen() {
        return submittedAt != null;
    }

    public Money total() {
        return budget.stream().map(BudgetRow::amount).reduce(Money.ZERO, Money::plus);
    }
}
