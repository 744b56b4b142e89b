package dk.tvaers.economy;

/**
 * What kind of money a line is: money that leaves (or stays in) a budget, capacity that is freed for other work,
 * or a non-economic effect that is described but not counted.
 */
public enum Effect {
    CASH,
    CAPACITY,
    NON_ECONOMIC;

    /** Whether the line's amount counts in the figures. */
    public boolean counted() {
        return this != NON_ECONOMIC;
    }

    public String messageKey() {
        return "economy.effect." + name();
    }
}
