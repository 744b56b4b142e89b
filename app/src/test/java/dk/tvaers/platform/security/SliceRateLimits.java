package dk.tvaers.platform.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The rate limits of a {@code @WebMvcTest} slice: {@link SecurityConfiguration} puts {@link RateLimitFilter} in the
 * chain, and a slice scans no services. Every limit the filter names, generous enough for any slice test; the limits
 * themselves are tested by {@code RateLimitsTests}, {@code RateLimitFilterTests} and {@code RateLimitHttpTests}.
 */
@TestConfiguration
public class SliceRateLimits {

    @Bean
    RateLimits rateLimits() {
        Map<String, RateLimits.Limit> limits = new HashMap<>();
        for (var rule : RateLimitFilter.RULES) {
            limits.put(rule.limit(), new RateLimits.Limit(1_000_000, Duration.ofHours(1)));
        }
        return new RateLimits(limits, 1_000);
    }
}
