package dk.tvaers.challenges;

/** Where a wicked problem is, as its submitter sees it: received, being prioritised (scored), or published. */
public enum WickedProblemStatus {
    RECEIVED,
    BEING_PRIORITISED,
    PUBLISHED;

    public String messageKey() {
        return "wickedStatus." + name();
    }
}
