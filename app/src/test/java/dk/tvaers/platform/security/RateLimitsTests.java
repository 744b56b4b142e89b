package dk.tvaers.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTests {

    final RateLimits limits = new RateLimits(Map.of("test", new RateLimits.Limit(3, Duration.ofHours(1))), 100);

    @Test
    void refusesTheUseAfterTheCapacityWithTheTimeToWait() {
        for (int i = 0; i < 3; i++) {
            limits.consume("test", "198.51.100.7");
        }
        assertThatThrownBy(() -> limits.consume("test", "198.51.100.7"))
                .isInstanceOfSatisfying(RateLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo("test");
                    assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
                    assertThat(e.retryAfterSeconds()).isGreaterThanOrEqualTo(1);
                });
        // another key has its own bucket; keys are compared without case (e-mail addresses)
        assertThat(limits.tryConsume("test", "198.51.100.8")).isTrue();
        limits.consume("test", "Nina@Eksempel.dk");
        limits.consume("test", "nina@eksempel.dk ");
        limits.consume("test", "NINA@EKSEMPEL.DK");
        assertThat(limits.tryConsume("test", "nina@eksempel.dk")).isFalse();
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfKeys() {
        for (int i = 0; i < 10_000; i++) {
            limits.tryConsume("test", "key-" + i);
        }
        assertThat(limits.keysHeld("test")).isEqualTo(100);
    }

    @Test
    void anUnconfiguredLimitIsAProgrammingError() {
        assertThatThrownBy(() -> limits.consume("unknown", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tvaers.rate-limits.unknown");
    }
}
