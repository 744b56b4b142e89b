package dk.tvaers.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes sign-ups nobody confirmed once their link can no longer be used ({@code tvaers.accounts.signup-retention},
 * default two days: longer than {@link SignUps#VALIDITY}), with their tokens, so no e-mail address, name or password
 * hash of a person who never became a user is kept. A confirmed sign-up is removed at the same age: the account has
 * its own copy of what it needs. Runs daily, once across instances (ShedLock).
 */
@Component
class SignUpCleanup {

    private static final Logger log = LoggerFactory.getLogger(SignUpCleanup.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    SignUpCleanup(JdbcClient jdbc, Clock clock,
            @Value("${tvaers.accounts.signup-retention:P2D}") Duration retention) {
        if (retention.compareTo(SignUps.VALIDITY) <= 0) {
            throw new IllegalStateException("tvaers.accounts.signup-retention must be longer than a sign-up link lives ("
                    + SignUps.VALIDITY + ")");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${tvaers.accounts.signup-cleanup-cron:0 40 3 * * *}", zone = "Europe/Copenhagen")
    @SchedulerLock(name = "accounts.signup-cleanup", lockAtLeastFor = "PT5M")
    void daily() {
        int removed = removeOlderThanRetention(clock.instant());
        if (removed > 0) {
            log.info("Removed {} sign-ups older than {}", removed, retention);
        }
    }

    /** Removes the sign-ups made before {@code now} minus the retention; returns how many. */
    @Transactional
    int removeOlderThanRetention(Instant now) {
        return jdbc.sql("DELETE FROM account_signup WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(retention))).update();
    }
}
