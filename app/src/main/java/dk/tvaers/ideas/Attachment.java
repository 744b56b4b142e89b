package dk.tvaers.ideas;

/** An attachment's description (its content is fetched on its own). */
public record Attachment(long id, long ideaId, String filename, String contentType, long sizeBytes) {}
