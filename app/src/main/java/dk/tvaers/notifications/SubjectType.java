package dk.tvaers.notifications;

/** What can be followed, and where its page is. */
public enum SubjectType {
    IDEA("/ideer/"),
    CHALLENGE("/udfordringer/"),
    INITIATIVE("/initiativer/"),
    CASE("/katalog/"),
    /** A course of a registering unit (ADR 0032): not followed; its unit's professionals are told of red answers. */
    COURSE("/registreringer/forloeb/");

    private final String pathPrefix;

    SubjectType(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    public String link(long id) {
        return pathPrefix + id;
    }

    public String messageKey() {
        return "notifications.subject." + name();
    }
}
