package dk.tvaers.ideas;

/**
 * An idea moved to another status (an outcome among them); its followers are told, with the note. {@code changeId}
 * is the row of its status history: one per change, so a listener can tell two equal changes apart.
 */
public record IdeaStatusChanged(long ideaId, IdeaStatus from, IdeaStatus to, String note, long changeId) {}
