package dk.tvaers.funding;

import dk.tvaers.shared.Money;
import java.time.Instant;

/** One line of the ledger: money granted or paid, or the reversal (negative) of an earlier line. */
public record LedgerEntry(long id, Kind kind, Money amount, Long grantId, Long trancheId, Long reversesEntryId,
        boolean reversed, String note, Instant recordedAt, String recordedByName) {

    public enum Kind {
        GRANTED,
        PAID;

        public String messageKey() {
            return "ledger.kind." + name();
        }
    }
}
