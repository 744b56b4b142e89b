package dk.tvaers.catalog;

/** How strong a case's published assessment says its evidence is: the catalogue's "evaluation level" filter. */
public enum EvidenceLevel {
    NOT_ASSESSED,
    /** At least one parameter scored 2 or lower: still in development. */
    LOW,
    /** Every parameter scored 3 or 4. */
    GOOD;

    public String messageKey() {
        return "evidenceLevel." + name();
    }
}
