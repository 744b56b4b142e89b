package dk.tvaers.funding;

import dk.tvaers.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The Task Force's decision to grant money from a pool: in full (amount = applied) or reduced (with a reason), paid
 * in the tranches given, whose amounts add up to the grant. The contact e-mail (optional) is the person who will
 * report progress: {@link ReportReminders} mails them before a report is due and when it is overdue.
 */
public record GrantDecision(long poolId, String title, Long recipientOrganisationId, Money applied, Money amount,
        String reason, List<NewTranche> tranches, String contactEmail) {

    /** A decision without a contact for progress-report reminders (one can be added to the grant later). */
    public GrantDecision(long poolId, String title, Long recipientOrganisationId, Money applied, Money amount,
            String reason, List<NewTranche> tranches) {
        this(poolId, title, recipientOrganisationId, applied, amount, reason, tranches, null);
    }

    public record NewTranche(Money amount, LocalDate reportDue) {}
}
