/**
 * Notifications: signed-in users follow ideas, challenges, initiatives and cases; the other modules' past-tense
 * events become notices in Tværs (with an unread count in the header) and, as each user chooses per kind, a mail at
 * once, a daily or weekly digest, or nothing by mail. Depends on the modules it listens to; none depends on it
 * except through the platform's SPIs ({@code FollowState}, {@code NotificationBadge}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package dk.tvaers.notifications;
