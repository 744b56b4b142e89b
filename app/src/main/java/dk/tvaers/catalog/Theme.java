package dk.tvaers.catalog;

/** The four theme tags of the catalogue. */
public enum Theme {
    SOCIAL_INEQUALITY,
    TECHNOLOGICAL_SUPPORT,
    DATA_SHARING,
    CROSS_SECTOR_COLLABORATION;

    public String messageKey() {
        return "theme." + name();
    }
}
