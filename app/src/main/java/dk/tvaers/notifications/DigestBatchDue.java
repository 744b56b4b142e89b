package dk.tvaers.notifications;

import java.time.Instant;
import java.util.List;

/**
 * One page of a digest run: the recipients (at most {@link Digests#PAGE_SIZE}) who have notices of the period made
 * up to {@code cutoff} and not yet mailed. One event per page, not per person.
 */
public record DigestBatchDue(Delivery period, List<Long> recipients, Instant cutoff) {}
