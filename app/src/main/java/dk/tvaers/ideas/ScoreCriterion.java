package dk.tvaers.ideas;

/** A criterion of the scorecard, as an administrator named it; inactive ones are kept for old scores. */
public record ScoreCriterion(long id, String name, int position, boolean active) {}
