package dk.tvaers.initiatives;

/** A project (usually under a grant), a standing cross-sector laboratory, or an existing practice being catalogued. */
public enum InitiativeKind {
    PROJECT,
    LABORATORY,
    PRACTICE;

    public String messageKey() {
        return "initiativeKind." + name();
    }
}
