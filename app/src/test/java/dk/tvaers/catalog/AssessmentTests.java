package dk.tvaers.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessmentTests {

    static Map<Parameter, Integer> scores(int theory, int effect, int description, int goals, int transferability) {
        Map<Parameter, Integer> scores = new EnumMap<>(Parameter.class);
        scores.put(Parameter.THEORY, theory);
        scores.put(Parameter.EFFECT, effect);
        scores.put(Parameter.DESCRIPTION, description);
        scores.put(Parameter.GOALS, goals);
        scores.put(Parameter.TRANSFERABILITY, transferability);
        return scores;
    }

    static Map<Parameter, String> notes() {
        Map<Parameter, String> notes = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            notes.put(p, "Begrundelse for " + p);
        }
        return notes;
    }

    private static Assessment assessment(Map<Parameter, Integer> scores) {
        return new Assessment(1, 1, scores, notes(), "Eva Evaluator", Instant.EPOCH);
    }

    @Test
    void anyParameterAtTwoOrLowerIsLowEvidence() {
        assertThat(assessment(scores(3, 2, 4, 3, 3)).lowEvidence()).isTrue();
        assertThat(assessment(scores(3, 2, 4, 3, 3)).evidenceLevel()).isEqualTo(EvidenceLevel.LOW);
        assertThat(assessment(scores(1, 4, 4, 4, 4)).lowEvidence()).isTrue();
    }

    @Test
    void everyParameterAtThreeOrMoreIsGoodEvidence() {
        assertThat(assessment(scores(3, 3, 4, 3, 4)).lowEvidence()).isFalse();
        assertThat(assessment(scores(3, 3, 4, 3, 4)).evidenceLevel()).isEqualTo(EvidenceLevel.GOOD);
    }

    @Test
    void refusesAScoreOutsideOneToFourOrAMissingJustification() {
        assertThatThrownBy(() -> new NewAssessment(scores(0, 3, 3, 3, 3), notes()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewAssessment(scores(3, 3, 5, 3, 3), notes()))
                .isInstanceOf(IllegalArgumentException.class);
        var notes = notes();
        notes.put(Parameter.GOALS, " ");
        assertThatThrownBy(() -> new NewAssessment(scores(3, 3, 3, 3, 3), notes))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
