package dk.tvaers.funding;

import dk.tvaers.shared.Money;
import java.time.Instant;
import java.time.LocalDate;

/** One tranche (rate) of a grant, with the date its progress report is due. */
public record Tranche(long id, long grantId, int number, Money amount, LocalDate reportDue, TrancheStatus status,
        String releasedByName, Instant releasedAt, String paidByName, Instant paidAt) {

    /** The report is due and has not come. */
    public boolean overdueOn(LocalDate today) {
        return status == TrancheStatus.PLANNED && reportDue.isBefore(today);
    }
}
