package dk.tvaers.funding;

import dk.tvaers.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The Task Force's decision to grant money from a pool: in full (amount = applied) or reduced (with a reason), paid
 * in the tranches given, whose amounts add up to the grant.
 */
public record GrantDecision(long poolId, String title, Long recipientOrganisationId, Money applied, Money amount,
        String reason, List<NewTranche> tranches) {

    public record NewTranche(Money amount, LocalDate reportDue) {}
}
