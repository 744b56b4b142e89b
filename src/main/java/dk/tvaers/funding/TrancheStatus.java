package dk.tvaers.funding;

/** A tranche waits for its progress report, is reported, released by the Task Force, and paid by finance. */
public enum TrancheStatus {
    PLANNED,
    REPORTED,
    RELEASED,
    PAID;

    public String messageKey() {
        return "tranche.status." + name();
    }
}
