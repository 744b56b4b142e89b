package dk.tvaers.registrations;

/**
 * How an indicator's fulfilment is computed from the final registrations at its rule's time point: the share of
 * courses registered "yes", the share with a value of at least the threshold, the median value, or the median change
 * from start to end (courses with both). {@code NONE}: registered, not an indicator of fulfilment.
 */
public enum FulfilmentRule {
    SHARE_YES, SHARE_AT_LEAST, MEDIAN, MEDIAN_CHANGE, NONE;

    public boolean isShare() {
        return this == SHARE_YES || this == SHARE_AT_LEAST;
    }

    public String messageKey() {
        return "registration.rule." + name();
    }
}
