package dk.tvaers.platform.events;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries events whose listener failed, while Tværs runs. Spring Modulith marks such a publication failed (a mail
 * while the SMTP server is down, say) and on its own would only try it again at the next start; this hands the
 * failed publications back to their listeners every {@code tvaers.events.resubmit-interval}. A publication is
 * claimed in the database before it is resubmitted, so several instances do not send it twice.
 */
@Component
class FailedEventResubmission {

    private final FailedEventPublications failed;

    FailedEventResubmission(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(initialDelayString = "${tvaers.events.resubmit-interval}",
            fixedDelayString = "${tvaers.events.resubmit-interval}")
    void resubmitFailedPublications() {
        failed.resubmit(ResubmissionOptions.defaults());
    }
}
