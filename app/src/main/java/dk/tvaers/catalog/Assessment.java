package dk.tvaers.catalog;

import java.time.Instant;
import java.util.Map;

/** One assessor's five-parameter assessment of a case. */
public record Assessment(long id, long caseId, Map<Parameter, Integer> scores, Map<Parameter, String> notes,
        String assessorName, Instant createdAt) {

    /** The score at or below which a parameter counts as low evidence. */
    public static final int LOW_SCORE = 2;

    public int score(Parameter parameter) {
        return scores.get(parameter);
    }

    public String note(Parameter parameter) {
        return notes.getOrDefault(parameter, "");
    }

    /** Low evidence: any parameter scored 2 or lower (most cases are still in development). */
    public boolean lowEvidence() {
        return scores.values().stream().anyMatch(score -> score <= LOW_SCORE);
    }

    public EvidenceLevel evidenceLevel() {
        return lowEvidence() ? EvidenceLevel.LOW : EvidenceLevel.GOOD;
    }
}
