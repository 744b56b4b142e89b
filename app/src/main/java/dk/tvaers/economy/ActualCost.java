package dk.tvaers.economy;

import dk.tvaers.shared.Money;
import java.time.Instant;
import java.time.YearMonth;

/** A realised cost of an initiative as its people or finance entered it: one sector, one month, øre. */
public record ActualCost(long id, long initiativeId, EconomySector sector, YearMonth month, long amountOre,
        String description, Instant enteredAt, String enteredByName) {

    public Money amount() {
        return new Money(amountOre);
    }
}
