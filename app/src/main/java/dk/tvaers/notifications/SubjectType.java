package dk.tvaers.notifications;

/** What can be followed, and where its page is. */
public enum SubjectType {
    IDEA("/ideer/"),
    CHALLENGE("/udfordringer/"),
    INITIATIVE("/initiativer/"),
    CASE("/katalog/");

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
