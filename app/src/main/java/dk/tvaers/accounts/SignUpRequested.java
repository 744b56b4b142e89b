package dk.tvaers.accounts;

/** Someone asked to create a citizen's account; the confirmation link is made and mailed from this event. */
public record SignUpRequested(long signUpId) {}
