package dk.tvaers.ideas.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.ideas.Idea;
import dk.tvaers.ideas.IdeaMessage;
import dk.tvaers.ideas.IdeaStatus;
import dk.tvaers.ideas.Score;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The clinic page's overview says the next step (issue 11, item 19), in the order the clinic works. */
class ClinicNextStepTests {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void theNextStepFollowsTheClinicsWay() {
        assertThat(step(idea(IdeaStatus.SUBMITTED, null), List.of(), List.of())).isEqualTo("clinic.next.assign");
        assertThat(step(idea(IdeaStatus.IN_REVIEW, 9L), List.of(message(IdeaMessage.Kind.QUESTION)), List.of()))
                .isEqualTo("clinic.next.waiting");
        assertThat(step(idea(IdeaStatus.IN_REVIEW, 9L), List.of(message(IdeaMessage.Kind.QUESTION),
                message(IdeaMessage.Kind.ANSWER)), List.of())).isEqualTo("clinic.next.reply");
        assertThat(step(idea(IdeaStatus.IN_REVIEW, 9L), List.of(), List.of(score(8)))).as("another's score")
                .isEqualTo("clinic.next.score");
        assertThat(step(idea(IdeaStatus.IN_REVIEW, 9L), List.of(), List.of(score(5)))).isEqualTo("clinic.next.decide");
        assertThat(step(idea(IdeaStatus.REJECTED, 9L), List.of(), List.of())).isEqualTo("clinic.next.decided");
        assertThat(ClinicNextStep.of(idea(IdeaStatus.IN_REVIEW, 9L), List.of(), List.of(score(5)), 5L).anchor())
                .isEqualTo("udfald");
    }

    private static String step(Idea idea, List<IdeaMessage> thread, List<Score> scores) {
        return ClinicNextStep.of(idea, thread, scores, 5L).messageKey();
    }

    private static Idea idea(IdeaStatus status, Long assignee) {
        return new Idea(7, "KOL", "Problem", "Forslag", "Borgere", InnovationType.EVERYDAY, null, status,
                Set.of(Sector.REGION), null, "Karen", false, null, assignee, assignee == null ? null : "Konsulent",
                null, null, null, null, null, 0, AT, AT, null);
    }

    private static IdeaMessage message(IdeaMessage.Kind kind) {
        return new IdeaMessage(1, kind, "Nogen", "Tekst", AT);
    }

    private static Score score(long assessor) {
        return new Score(1, "Værdi", assessor, "Konsulent", 4, "God", AT);
    }
}
