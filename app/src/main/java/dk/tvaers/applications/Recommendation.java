package dk.tvaers.applications;

/** A reviewer's recommendation to the Task Force. */
public enum Recommendation {
    FULL,
    REDUCED,
    REJECT;

    public String messageKey() {
        return "recommendation." + name();
    }
}
