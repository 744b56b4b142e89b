package dk.tvaers.catalog;

/** Where an organisation's take-up of a catalogue case stands. */
public enum AdoptionStatus {
    PLANNED,
    RUNNING,
    STOPPED;

    public String messageKey() {
        return "adoption.status." + name();
    }
}
