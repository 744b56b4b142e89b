package dk.tvaers.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries events whose listener failed, while Tværs runs. Spring Modulith marks such a publication failed (a mail
 * while the SMTP server is down, say) and on its own would only try it again at the next start; this hands the
 * failed publications back to their listeners every {@code tvaers.events.resubmit-interval}. A publication is
 * claimed in the database before it is resubmitted, so several instances do not send it twice.
 *
 * <p>Not forever: a publication that has failed {@code tvaers.events.max-attempts} times, or was published longer
 * than {@code tvaers.events.give-up-after} ago, is given up. It is logged once (as a warning, with its event type
 * and id) and stays in {@code event_publication} as failed, visible to operations, who can fix the cause and
 * restart (outstanding publications are republished on restart). Every failed publication is read each time, so
 * given-up ones never crowd newer ones out of a batch.
 */
@Component
class FailedEventResubmission {

    private static final Logger log = LoggerFactory.getLogger(FailedEventResubmission.class);

    private final FailedEventPublications failed;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration giveUpAfter;
    private final Set<UUID> givenUp = ConcurrentHashMap.newKeySet();

    FailedEventResubmission(FailedEventPublications failed, Clock clock,
            @Value("${tvaers.events.max-attempts}") int maxAttempts,
            @Value("${tvaers.events.give-up-after}") Duration giveUpAfter) {
        this.failed = failed;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.giveUpAfter = giveUpAfter;
    }

    @Scheduled(initialDelayString = "${tvaers.events.resubmit-interval}",
            fixedDelayString = "${tvaers.events.resubmit-interval}")
    // one node at a time (ADR 0023); the publications are also claimed one by one in the database
    @SchedulerLock(name = "events.resubmit-failed", lockAtLeastFor = "${tvaers.events.resubmit-lock-at-least:PT30S}")
    void resubmitFailedPublications() {
        failed.resubmit(options());
    }

    ResubmissionOptions options() {
        return ResubmissionOptions.defaults().withBatchSize(Integer.MAX_VALUE).withFilter(this::worthRetrying);
    }

    /** Whether to try the publication again; logs a publication the first time it is given up. */
    boolean worthRetrying(EventPublication publication) {
        boolean tooMany = publication.getCompletionAttempts() >= maxAttempts;
        boolean tooOld = publication.getPublicationDate().isBefore(clock.instant().minus(giveUpAfter));
        if (!tooMany && !tooOld) {
            return true;
        }
        if (givenUp.add(publication.getIdentifier())) {
            log.warn("Opgiver hændelse {} ({}) efter {} forsøg, udgivet {}: den bliver stående som fejlet i "
                            + "event_publication og prøves igen ved næste genstart",
                    publication.getIdentifier(), publication.getEvent().getClass().getName(),
                    publication.getCompletionAttempts(), publication.getPublicationDate());
        }
        return false;
    }
}
