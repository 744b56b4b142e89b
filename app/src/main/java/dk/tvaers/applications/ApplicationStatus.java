package dk.tvaers.applications;

/** A draft can be changed; a submitted application is frozen (changes are new versions); a decided one is closed. */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    DECIDED;

    public String messageKey() {
        return "applicationStatus." + name();
    }
}
