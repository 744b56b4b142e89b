package dk.tvaers.platform.search;

import java.util.List;

/**
 * The related-forms groups of Danish search (ADR 0007: "diabetikere" is searched as "diabetes" too), which the
 * catalogue keeps in its table {@code catalog_related_term}. The site-wide search uses the same groups.
 */
public interface RelatedForms {

    /** Each group's forms, lower-case single words. */
    List<List<String>> groups();
}
