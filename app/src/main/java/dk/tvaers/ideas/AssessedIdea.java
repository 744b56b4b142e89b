package dk.tvaers.ideas;

import java.math.BigDecimal;

/** A line of the prioritised view: an assessed idea, its average score and how many assessed it. */
public record AssessedIdea(long ideaId, String title, IdeaStatus status, BigDecimal averageScore, int assessors) {}
