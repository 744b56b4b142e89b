package dk.tvaers.initiatives;

import java.time.Instant;

/** One step in an initiative's phase history; {@code from} is null for the start. */
public record PhaseChange(Phase from, Phase to, String note, String byName, Instant at) {}
