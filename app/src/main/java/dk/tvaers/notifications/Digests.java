package dk.tvaers.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily and weekly digests. A run pages through the recipients who have notices of its period not yet mailed
 * ({@link #PAGE_SIZE} at a time, by user id) and publishes one {@link DigestBatchDue} per page, each in its own
 * transaction: one event per page, never one job per person, and a page that fails to mail is tried again from its
 * publication. Running twice mails nothing twice ({@link NotificationMails} marks each notice as it mails it).
 */
@Service
public class Digests {

    public static final int PAGE_SIZE = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Digests(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    // once across instances (ADR 0023): held for a few minutes, so another node's turn at the same minute is skipped
    @Scheduled(cron = "${tvaers.notifications.daily-digest-cron}", zone = "Europe/Copenhagen")
    @SchedulerLock(name = "notifications.daily-digest", lockAtLeastFor = "PT5M")
    void daily() {
        run(Delivery.DAILY, clock.instant());
    }

    @Scheduled(cron = "${tvaers.notifications.weekly-digest-cron}", zone = "Europe/Copenhagen")
    @SchedulerLock(name = "notifications.weekly-digest", lockAtLeastFor = "PT5M")
    void weekly() {
        run(Delivery.WEEKLY, clock.instant());
    }

    /**
     * Starts the digest of a period for the notices made up to {@code cutoff}.
     *
     * @return the number of pages (events) published
     */
    public int run(Delivery period, Instant cutoff) {
        return run(period, cutoff, PAGE_SIZE);
    }

    int run(Delivery period, Instant cutoff, int pageSize) {
        if (!period.isDigest()) {
            throw new IllegalArgumentException("not a digest: " + period);
        }
        int pages = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> recipients = transaction.execute(status -> {
                List<Long> page = jdbc.sql("""
                        SELECT DISTINCT recipient_user_id FROM notification
                        WHERE delivery = :period AND mailed_at IS NULL AND created_at <= :cutoff AND recipient_user_id > :after
                        ORDER BY recipient_user_id LIMIT :size""")
                        .param("period", period.name()).param("cutoff", Timestamp.from(cutoff)).param("after", from)
                        .param("size", pageSize).query(Long.class).list();
                if (!page.isEmpty()) {
                    events.publishEvent(new DigestBatchDue(period, page, cutoff));
                }
                return page;
            });
            if (recipients == null || recipients.isEmpty()) {
                return pages;
            }
            pages++;
            after = recipients.getLast();
            if (recipients.size() < pageSize) {
                return pages;
            }
        }
    }
}
