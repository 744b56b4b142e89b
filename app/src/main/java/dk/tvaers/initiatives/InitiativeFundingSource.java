package dk.tvaers.initiatives;

import dk.tvaers.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the initiative page gets the grants that pay for an initiative, with their tranches and progress reports.
 * Implemented by the funding module (which depends on this one, not the other way round).
 */
public interface InitiativeFundingSource {

    /** The grants linked to the initiative, oldest decision first; empty when none. */
    List<FundedGrant> grantsOf(long initiativeId, LocalDate today);

    /** A grant paying for the initiative. */
    record FundedGrant(long grantId, String title, String poolName, Money amount, List<FundedTranche> tranches,
            List<FundedReport> reports) {}

    /** One tranche: its status as a message key, when its report is due, and whether that is overdue. */
    record FundedTranche(int number, Money amount, LocalDate reportDue, String statusKey, boolean overdue) {}

    /** A progress report on a tranche; {@code decisionKey} is null while the Task Force has not decided. */
    record FundedReport(int trancheNumber, String body, String submittedByName, Instant submittedAt,
            String decisionKey) {}
}
