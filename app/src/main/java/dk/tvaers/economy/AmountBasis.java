package dk.tvaers.economy;

/** A line's amount is a monthly amount, or an amount per citizen a month × the planned number of citizens. */
public enum AmountBasis {
    MONTHLY,
    PER_CITIZEN;

    public String messageKey() {
        return "economy.basis." + name();
    }
}
