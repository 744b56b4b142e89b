package dk.tvaers.challenges;

/**
 * An innovation question holds a vision and a short, clear question whose answer is not known beforehand; a wicked
 * problem is collected from staff and organisations; an experiment has a chosen solution that needs a consortium.
 */
public enum ChallengeKind {
    INNOVATION_QUESTION,
    WICKED_PROBLEM,
    EXPERIMENT;

    public String messageKey() {
        return "challengeKind." + name();
    }
}
