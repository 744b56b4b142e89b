package dk.tvaers.funding;

/** A tranche waits for its progress report, is reported, released by the Task Force, and paid by finance. */
public enum TrancheStatus {
    PLANNED,
    REPORTED,
    RELEASED,
    PAID,
    /** Its grant was reversed before it was released: it will not be reported on, released or paid. */
    CANCELLED;

    public String messageKey() {
        return "tranche.status." + name();
    }
}
