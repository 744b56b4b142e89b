package dk.tvaers.platform.web;

/** The number of unread notices of a user, for the header's badge; implemented by the notifications module. */
public interface NotificationBadge {

    long unread(long userId);
}
