package dk.tvaers.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.funding.Funding;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Task Force's demo challenges: four innovation questions and four experiments, their calls closed long ago, loaded
 * once; the experiment no one applied to can be opened again.
 */
@IntegrationTest
class ChallengesDemoDataTests {

    @Autowired
    Challenges challenges;

    @Autowired
    Funding funding;

    @Autowired
    Clock clock;

    @Test
    void loadsTheFourInnovationQuestionsAndTheExperimentsOnce() {
        var demo = new ChallengesDemoData(challenges, funding, clock);

        demo.run(null);
        demo.run(null);

        List<Challenge> loaded = ChallengesDemoData.CHALLENGES.stream().map(d -> onlyOne(d.title())).toList();
        assertThat(loaded).filteredOn(c -> c.kind() == ChallengeKind.INNOVATION_QUESTION).hasSize(4)
                .allSatisfy(c -> assertThat(c.question()).startsWith("Hvad nu hvis"));
        assertThat(loaded).filteredOn(c -> c.kind() == ChallengeKind.EXPERIMENT).hasSize(4);
        assertThat(loaded).allSatisfy(c -> {
            assertThat(c.calls()).hasSize(1);
            assertThat(c.currentCall().openAt(clock.instant())).isFalse();
            assertThat(c.publishedAt()).isBefore(c.currentCall().deadline());
        });

        // and one open now, so a visitor meets a challenge they can apply to (issue 11)
        Challenge open = onlyOne(ChallengesDemoData.OPEN);
        assertThat(open.currentCall().openAt(clock.instant())).isTrue();

        Challenge psychiatry = onlyOne("Eksperiment: Tidlig indsats i psykiatrien");
        challenges.reopen(psychiatry.id(), clock.instant().plus(Duration.ofDays(30)));
        assertThat(challenges.find(psychiatry.id()).calls()).hasSize(2);
    }

    private Challenge onlyOne(String title) {
        var all = challenges.search(new Challenges.Filter(null, null, null), 1, 10_000).items().stream()
                .filter(c -> c.title().equals(title)).toList();
        assertThat(all).as(title).hasSize(1);
        return all.getFirst();
    }
}
