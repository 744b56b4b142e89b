package dk.tvaers.funding;

import dk.tvaers.shared.Money;
import java.time.Instant;

/**
 * A grant from a pool: the amount applied for, the amount granted, and why it was reduced if it was; the project
 * (initiative) it pays for, once there is one.
 */
public record Grant(long id, long poolId, String poolName, String title, Long recipientOrganisationId,
        String recipientName, Money applied, Money amount, String reason, Instant decidedAt, String decidedByName,
        String contactEmail, Long initiativeId) {

    public boolean reduced() {
        return amount.compareTo(applied) < 0;
    }
}
