package dk.tvaers.catalog;

import java.time.Instant;

/** A case in the editors' list: its latest version's title, whether it is published, when last saved. */
public record CaseListing(long id, String title, int latestVersion, boolean published, Instant savedAt) {}
