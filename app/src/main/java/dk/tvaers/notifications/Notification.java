package dk.tvaers.notifications;

import java.time.Instant;

/** One notice to one user: what happened ({@code kind}, the subject's title, a detail message key), and where. */
public record Notification(long id, NotificationKind kind, SubjectType subjectType, long subjectId, String subjectTitle,
        String detailKey, String link, Delivery delivery, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
