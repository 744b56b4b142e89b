package dk.tvaers.economy;

/**
 * Whose budget a line of a business case lands in: the shadow accounts have one statement per sector. Not
 * {@link dk.tvaers.shared.Sector} (the sector an organisation belongs to): a business case also knows the citizen.
 */
public enum EconomySector {
    REGION,
    MUNICIPALITY,
    GENERAL_PRACTICE,
    CITIZEN,
    OTHER;

    public String messageKey() {
        return "economy.sector." + name();
    }
}
