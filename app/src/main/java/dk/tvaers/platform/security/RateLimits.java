package dk.tvaers.platform.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Named rate limits on what anyone can make Tværs do (ADR 0016): token buckets (Bucket4j) per limit and key (a
 * client address, an e-mail address). A limit is configured as {@code tvaers.rate-limits.<name>.capacity} (that many
 * uses at once) and {@code .period} (in which the capacity refills, evenly); a name with no configuration is a
 * programming error and fails at once. Memory is bounded: each limit keeps the buckets of at most
 * {@code tvaers.rate-limit-keys} keys (default 10,000), forgetting the least recently used.
 *
 * <p>Any module may use it: {@link #consume} throws {@link RateLimitExceededException}, which the web layer answers
 * with HTTP 429, a Danish page and {@code Retry-After}.
 */
@Service
public class RateLimits {

    /** One limit: this many uses, refilled evenly over the period. */
    public record Limit(long capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs a capacity ≥ 1 and a positive period");
            }
        }
    }

    private final Map<String, Limit> limits;
    private final int maxKeys;
    private final Map<String, Map<String, Bucket>> buckets = new TreeMap<>();

    @Autowired
    RateLimits(Environment environment) {
        this(Binder.get(environment).bind("tvaers.rate-limits", Bindable.mapOf(String.class, Limit.class))
                        .orElse(Map.of()),
                environment.getProperty("tvaers.rate-limit-keys", Integer.class, 10_000));
    }

    public RateLimits(Map<String, Limit> limits, int maxKeys) {
        this.limits = Map.copyOf(limits);
        this.maxKeys = maxKeys;
        this.limits.keySet().forEach(name -> buckets.put(name, lru(maxKeys)));
    }

    /** Uses one of the limit's tokens for the key, or throws when none is left. */
    public void consume(String limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitExceededException(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Uses one token when there is one; false (and nothing used) when the limit is reached. */
    public boolean tryConsume(String limit, String key) {
        return bucket(limit, key).tryConsume(1);
    }

    /** Whether the limit is configured. */
    public boolean has(String limit) {
        return limits.containsKey(limit);
    }

    /** How many keys the limit holds buckets for now (never more than the configured maximum). */
    public int keysHeld(String limit) {
        Map<String, Bucket> held = held(limit);
        synchronized (held) {
            return held.size();
        }
    }

    private Bucket bucket(String limit, String key) {
        Limit configured = limits.get(limit);
        Map<String, Bucket> held = held(limit);
        String normalised = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        synchronized (held) {
            return held.computeIfAbsent(normalised, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(configured.capacity())
                            .refillGreedy(configured.capacity(), configured.period())
                            .build())
                    .build());
        }
    }

    private Map<String, Bucket> held(String limit) {
        Map<String, Bucket> held = buckets.get(limit);
        if (held == null) {
            throw new IllegalArgumentException("no rate limit configured as tvaers.rate-limits." + limit);
        }
        return held;
    }

    private static Map<String, Bucket> lru(int maxKeys) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }
}
