package dk.tvaers.notifications;

/** How a user wants a kind of notice: a mail at once, in the daily or weekly digest, only in Tværs, or not at all. */
public enum Delivery {
    IMMEDIATE,
    DAILY,
    WEEKLY,
    IN_APP,
    OFF;

    public String messageKey() {
        return "notifications.delivery." + name();
    }

    public boolean isDigest() {
        return this == DAILY || this == WEEKLY;
    }
}
