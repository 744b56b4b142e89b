package dk.tvaers.platform.security;

import java.time.Duration;

/** A named rate limit is used up for a key; answered with HTTP 429, a Danish page and {@code Retry-After}. */
public class RateLimitExceededException extends RuntimeException {

    private final String limit;
    private final Duration retryAfter;

    public RateLimitExceededException(String limit, Duration retryAfter) {
        super("rate limit " + limit + " used up; retry after " + retryAfter);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public String limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least 1, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
