package dk.tvaers.platform.search;

import java.util.List;

/**
 * One kind of public content that the site-wide search ({@link SiteSearch}, {@code /soeg}) finds: each feature module
 * contributes its own (ideas, challenges, initiatives, cases, stories), so the platform depends on none of them. A
 * source answers only with what the searcher may open: never a hidden, unconfirmed or unpublished row. Sources are
 * shown in their {@link org.springframework.core.annotation.Order}.
 */
public interface SearchSource {

    /** The kind's name in the address ({@code /soeg?type=…}): lower-case Danish, stable. */
    String kind();

    /** The message key of the kind's heading, plural ("Idéer"). */
    String headingKey();

    /** How many rows match the query. */
    long count(SearchQuery query);

    /** The matching rows from {@code offset}, best match first, at most {@code limit}. */
    List<SearchHit> find(SearchQuery query, long offset, int limit);
}
