package dk.tvaers.shared;

/** The five Danish regions, and NATIONAL for bodies that serve the whole country. */
public enum Region {
    HOVEDSTADEN,
    SJAELLAND,
    SYDDANMARK,
    MIDTJYLLAND,
    NORDJYLLAND,
    NATIONAL;

    public String messageKey() {
        return "region." + name();
    }
}
