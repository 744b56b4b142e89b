package dk.tvaers.funding;

import dk.tvaers.shared.Money;

/** What a pool has granted and paid, and what remains to grant; all from the ledger. */
public record PoolFigures(Money amount, Money granted, Money paid) {

    public Money remaining() {
        return amount.minus(granted);
    }

    /** Granted but not yet paid. */
    public Money outstanding() {
        return granted.minus(paid);
    }
}
