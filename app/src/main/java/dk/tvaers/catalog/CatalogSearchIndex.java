package dk.tvaers.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings the public search documents of published cases up to date at start, so that what the search finds a case
 * by (its text, disease groups and themes: {@link CaseCatalog#reindexPublished}) holds for cases published before a
 * change to it, too.
 */
@Component
class CatalogSearchIndex {

    private static final Logger log = LoggerFactory.getLogger(CatalogSearchIndex.class);

    private final CaseCatalog catalog;

    CatalogSearchIndex(CaseCatalog catalog) {
        this.catalog = catalog;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reindex() {
        int cases = catalog.reindexPublished();
        log.info("Søgeindekset for {} offentliggjorte cases er opdateret.", cases);
    }
}
