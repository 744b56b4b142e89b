package dk.tvaers.shared;

import java.time.Instant;

/** How many rows an open dataset has and when the newest of them changed: its ETag and Last-Modified. */
public record Freshness(long rows, Instant latest) {}
