package dk.tvaers.ideas;

/**
 * Where an idea stands. An unconfirmed idea (submitted without an account, e-mail not yet confirmed) counts for
 * nobody: neither the clinic nor the public sees it. The last four are outcomes.
 */
public enum IdeaStatus {
    UNCONFIRMED,
    SUBMITTED,
    IN_REVIEW,
    PRIORITISED,
    REFERRED,
    MERGED,
    REJECTED;

    public boolean isOutcome() {
        return ordinal() >= PRIORITISED.ordinal();
    }

    public boolean isVisible() {
        return this != UNCONFIRMED;
    }

    public String messageKey() {
        return "ideaStatus." + name();
    }
}
