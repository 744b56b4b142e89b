package dk.tvaers.applications;

/** The Task Force's decision on an application. */
public enum Outcome {
    FULL,
    REDUCED,
    REJECTED;

    public String messageKey() {
        return "outcome." + name();
    }

    public boolean grants() {
        return this != REJECTED;
    }
}
