package dk.tvaers.ideas;

/** The clinic asked the submitter a question in the idea's thread. */
public record IdeaQuestionAsked(long ideaId, long messageId) {}
