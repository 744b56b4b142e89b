package dk.tvaers.catalog;

import java.util.Map;

/** An assessment to record: a score 1–4 and a justification for each of the five parameters. */
public record NewAssessment(Map<Parameter, Integer> scores, Map<Parameter, String> notes) {

    public NewAssessment {
        for (Parameter parameter : Parameter.values()) {
            Integer score = scores.get(parameter);
            if (score == null || score < Parameter.MIN_SCORE || score > Parameter.MAX_SCORE) {
                throw new IllegalArgumentException("score of " + parameter + " must be 1–4: " + score);
            }
            String note = notes.get(parameter);
            if (note == null || note.isBlank()) {
                throw new IllegalArgumentException("justification of " + parameter + " is missing");
            }
        }
        scores = Map.copyOf(scores);
        notes = Map.copyOf(notes);
    }
}
