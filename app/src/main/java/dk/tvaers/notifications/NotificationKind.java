package dk.tvaers.notifications;

/** The kinds of notice, each from one event of another module, with the delivery a user has until they choose. */
public enum NotificationKind {
    IDEA_STATUS(SubjectType.IDEA, Delivery.IMMEDIATE),
    IDEA_COMMENT(SubjectType.IDEA, Delivery.DAILY),
    CHALLENGE_CALL(SubjectType.CHALLENGE, Delivery.IMMEDIATE),
    INITIATIVE_PHASE(SubjectType.INITIATIVE, Delivery.DAILY),
    CASE_PUBLISHED(SubjectType.CASE, Delivery.DAILY),
    /** A moderator hid or restored the recipient's own idea or comment (told to its author, not to followers). */
    MODERATION(SubjectType.IDEA, Delivery.IMMEDIATE),
    /** A citizen's PRO answer was triaged red: told to the professionals of the course's unit. */
    COURSE_TRIAGED_RED(SubjectType.COURSE, Delivery.IMMEDIATE);

    private final SubjectType subjectType;
    private final Delivery defaultDelivery;

    NotificationKind(SubjectType subjectType, Delivery defaultDelivery) {
        this.subjectType = subjectType;
        this.defaultDelivery = defaultDelivery;
    }

    public SubjectType subjectType() {
        return subjectType;
    }

    public Delivery defaultDelivery() {
        return defaultDelivery;
    }

    public String messageKey() {
        return "notifications.kind." + name();
    }

    /** The notice's text; takes the subject's title as {0} and the detail (a status, a phase) as {1}. */
    public String textKey() {
        return "notifications.text." + name();
    }
}
