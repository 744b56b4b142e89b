package dk.tvaers.economy;

import dk.tvaers.shared.Money;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A realised cost of an initiative as its people or finance entered it: one sector, one month, øre; with its latest
 * correction, if any ({@code correctedAt} and {@code correctedByName} null when never corrected).
 */
public record ActualCost(long id, long initiativeId, EconomySector sector, YearMonth month, long amountOre,
        String description, Instant enteredAt, String enteredByName, Instant correctedAt, String correctedByName) {

    public Money amount() {
        return new Money(amountOre);
    }
}
