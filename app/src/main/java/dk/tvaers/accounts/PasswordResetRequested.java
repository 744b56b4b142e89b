package dk.tvaers.accounts;

/**
 * A user asked to choose a new password, or an administrator invited a new user to choose their first.
 * The listener creates the link's token only when it sends the mail, so no usable token waits in the event table.
 */
public record PasswordResetRequested(long userId, boolean invitation) {}
