package dk.tvaers.ideas;

/** Someone without an account asked for new follow links to the ideas they follow with this e-mail address. */
public record IdeaFollowLinksRequested(String email) {}
