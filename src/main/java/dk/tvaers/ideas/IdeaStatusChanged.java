package dk.tvaers.ideas;

/** An idea moved to another status (an outcome among them); its followers are told, with the note. */
public record IdeaStatusChanged(long ideaId, IdeaStatus from, IdeaStatus to, String note) {}
