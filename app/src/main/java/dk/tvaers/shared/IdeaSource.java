package dk.tvaers.shared;

/**
 * Where an idea comes from (issue 15, ADR 0040), told from who submits it: a citizen (signed in as a citizen, a
 * visitor without an account, or a citizen whose idea staff typed in for them), staff of a member organisation of the
 * health-care triangle (region, municipality, general practice), or a partner (staff of a private company, a
 * knowledge institution or a patient organisation). {@code UNKNOWN}: ideas from before the source was stored whose
 * submitter cannot be told any more (a deleted account, an account with neither organisation nor the citizen role).
 */
public enum IdeaSource {
    CITIZEN, STAFF, PARTNER, UNKNOWN;

    /** Message key of the Danish/English name of the source. */
    public String messageKey() {
        return "ideaSource." + name();
    }

    /**
     * The source of a signed-in submitter: by their organisation's sector when they have one, else citizen when they
     * have the citizen role, else unknown.
     */
    public static IdeaSource ofAccount(Sector organisationSector, boolean citizen) {
        if (organisationSector != null) {
            return organisationSector.isHealthCare() ? STAFF : PARTNER;
        }
        return citizen ? CITIZEN : UNKNOWN;
    }
}
