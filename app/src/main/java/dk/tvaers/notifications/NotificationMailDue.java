package dk.tvaers.notifications;

/** A notice whose recipient wants a mail at once; published with the notice, so the mail survives an SMTP outage. */
public record NotificationMailDue(long notificationId) {}
