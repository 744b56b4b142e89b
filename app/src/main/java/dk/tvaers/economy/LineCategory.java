package dk.tvaers.economy;

/** A line of a business case is an investment, an operating cost or a gain (as the state's business-case model). */
public enum LineCategory {
    INVESTMENT,
    OPERATING,
    GAIN;

    public boolean cost() {
        return this != GAIN;
    }

    public String messageKey() {
        return "economy.category." + name();
    }
}
