package dk.tvaers.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.ResubmissionOptions;

/** Failed event publications are retried, but not forever: too many attempts or too old, and they are given up. */
class FailedEventResubmissionTests {

    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

    private final List<ResubmissionOptions> resubmitted = new ArrayList<>();
    private final FailedEventResubmission resubmission = new FailedEventResubmission(resubmitted::add,
            Clock.fixed(NOW, ZoneOffset.UTC), 5, Duration.ofHours(48));

    @Test
    void retriesAFailedPublicationUntilItHasFailedTooOftenOrIsTooOld() {
        resubmission.resubmitFailedPublications();

        ResubmissionOptions options = resubmitted.getFirst();
        assertThat(options.getFilter().test(publication(1, NOW.minusSeconds(60)))).isTrue();
        assertThat(options.getFilter().test(publication(4, NOW.minus(Duration.ofHours(47))))).isTrue();
        assertThat(options.getFilter().test(publication(5, NOW.minusSeconds(60)))).as("too many attempts").isFalse();
        assertThat(options.getFilter().test(publication(1, NOW.minus(Duration.ofHours(49))))).as("too old").isFalse();
    }

    @Test
    void readsEveryFailedPublicationSoThatGivenUpOnesDoNotFillTheBatch() {
        resubmission.resubmitFailedPublications();

        assertThat(resubmitted.getFirst().getBatchSize()).isEqualTo(Integer.MAX_VALUE);
    }

    private static EventPublication publication(int attempts, Instant published) {
        UUID id = UUID.randomUUID();
        return new EventPublication() {
            @Override
            public UUID getIdentifier() {
                return id;
            }

            @Override
            public Object getEvent() {
                return "a mail";
            }

            @Override
            public Instant getPublicationDate() {
                return published;
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return Optional.empty();
            }

            @Override
            public Status getStatus() {
                return Status.FAILED;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return null;
            }

            @Override
            public int getCompletionAttempts() {
                return attempts;
            }
        };
    }
}
