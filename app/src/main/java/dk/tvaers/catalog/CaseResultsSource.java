package dk.tvaers.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the Triple Aim results of the initiative a published case describes have been published, so the case's
 * page can link to them. Implemented by the monitoring module (ADR 0036). Only a published run counts: an initiative
 * whose results are not published gives nothing, and the page says nothing about them. The results themselves stay
 * behind their page's rights (everyone signed in once published, ADR 0017).
 */
public interface CaseResultsSource {

    /** The newest published results of the initiative, if any. */
    Optional<PublishedResults> publishedOf(long initiativeId);

    /** When the newest results were published and where they are read. */
    record PublishedResults(long initiativeId, Instant publishedAt, Instant finishedAt, String url) {}
}
