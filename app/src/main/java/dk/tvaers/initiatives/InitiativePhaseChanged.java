package dk.tvaers.initiatives;

/**
 * An initiative moved to another phase (for the insights module's conversion figures, and notifications);
 * {@code changeId} is the row of its phase history.
 */
public record InitiativePhaseChanged(long initiativeId, Phase from, Phase to, long changeId) {}
