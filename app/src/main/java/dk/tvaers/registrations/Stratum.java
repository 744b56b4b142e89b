package dk.tvaers.registrations;

/**
 * The social strata of HjerteKomMidt's drop-out study that the benchmark shows fulfilment by, where the analytic
 * store knows them ({@link CitizenStrata}). A citizen is in none, one or several.
 */
public enum Stratum {
    /** Basic schooling only (no vocational or higher education). */
    SHORT_EDUCATION,
    /** The lowest income group. */
    LOW_INCOME,
    /** At least two chronic conditions before the course's start. */
    MULTIMORBIDITY,
    LIVING_ALONE;

    public String messageKey() {
        return "registration.stratum." + name();
    }
}
