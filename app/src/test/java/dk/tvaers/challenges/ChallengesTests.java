package dk.tvaers.challenges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.Region;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ChallengesTests {

    private static final Actor TASK_FORCE = new Actor(null, "Task Force");

    @Autowired
    Challenges challenges;

    @Autowired
    JdbcClient jdbc;

    @Test
    void publishesAnInnovationQuestionWithAnOpenCall() {
        Instant deadline = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        long id = challenges.publish(question("Tryghed for kronisk syge", deadline), TASK_FORCE);

        Challenge challenge = challenges.find(id);
        assertThat(challenge.openAt(Instant.now())).isTrue();
        assertThat(challenge.calls()).singleElement().satisfies(call -> {
            assertThat(call.round()).isEqualTo(1);
            assertThat(call.deadline()).isEqualTo(deadline);
        });
        assertThat(challenges.search(new Challenges.Filter(true, ChallengeKind.INNOVATION_QUESTION, null), 1, 100)
                .items()).extracting(Challenge::id).contains(id);
        assertThat(challenges.search(new Challenges.Filter(false, null, null), 1, 100).items())
                .extracting(Challenge::id).doesNotContain(id);
    }

    @Test
    void refusesADeadlineThatHasPassedByTheServersClock() {
        assertThatThrownBy(() -> challenges.publish(question("For sent", Instant.now().minusSeconds(60)), TASK_FORCE))
                .isInstanceOf(ChallengeRuleException.class)
                .extracting(e -> ((ChallengeRuleException) e).messageKey()).isEqualTo("challenge.error.deadlinePassed");
    }

    @Test
    void anInnovationQuestionNeedsAVisionAndAShortQuestion() {
        Instant deadline = Instant.now().plus(Duration.ofDays(30));
        assertThatThrownBy(() -> challenges.publish(new NewChallenge(ChallengeKind.INNOVATION_QUESTION, "Uden vision",
                "", "Beskrivelse", "Hvad nu hvis?", Region.MIDTJYLLAND, null, deadline), TASK_FORCE))
                .extracting(e -> ((ChallengeRuleException) e).messageKey()).isEqualTo("challenge.error.visionRequired");
        assertThatThrownBy(() -> challenges.publish(new NewChallenge(ChallengeKind.INNOVATION_QUESTION, "Langt",
                "Vision", "Beskrivelse", "Hvad nu hvis ".repeat(20), Region.MIDTJYLLAND, null, deadline), TASK_FORCE))
                .extracting(e -> ((ChallengeRuleException) e).messageKey()).isEqualTo("challenge.error.questionTooLong");
        long experiment = challenges.publish(new NewChallenge(ChallengeKind.EXPERIMENT, "Slip sundheden fri", "",
                "En ny governance-model på tværs af sektorer", "", Region.MIDTJYLLAND, null, deadline), TASK_FORCE);
        assertThat(challenges.find(experiment).kind()).isEqualTo(ChallengeKind.EXPERIMENT);
    }

    @Test
    void opensAClosedCallAgainAsANewRoundButNotAnOpenOne() {
        long id = challenges.publish(question("Tidlig indsats i psykiatrien", Instant.now().plus(Duration.ofDays(1))),
                TASK_FORCE);
        assertThatThrownBy(() -> challenges.reopen(id, Instant.now().plus(Duration.ofDays(60))))
                .extracting(e -> ((ChallengeRuleException) e).messageKey()).isEqualTo("challenge.error.stillOpen");

        // the first round closed without applicants
        jdbc.sql("UPDATE challenge_call SET opens_at = :opens, deadline = :deadline WHERE challenge_id = :id")
                .param("opens", Timestamp.from(Instant.now().minus(Duration.ofDays(90))))
                .param("deadline", Timestamp.from(Instant.now().minus(Duration.ofDays(30)))).param("id", id).update();
        assertThat(challenges.find(id).openAt(Instant.now())).isFalse();

        challenges.reopen(id, Instant.now().plus(Duration.ofDays(60)));

        Challenge reopened = challenges.find(id);
        assertThat(reopened.calls()).extracting(Challenge.Call::round).containsExactly(1, 2);
        assertThat(reopened.openAt(Instant.now())).isTrue();
    }

    private static NewChallenge question(String title, Instant deadline) {
        return new NewChallenge(ChallengeKind.INNOVATION_QUESTION, title + " " + System.nanoTime(),
                "Borgeren med kronisk sygdom er tryg i eget hjem", "Mange indlæggelser kunne undgås",
                "Hvad nu hvis borgeren med kronisk sygdom er tryg?", Region.MIDTJYLLAND, null, deadline);
    }
}
