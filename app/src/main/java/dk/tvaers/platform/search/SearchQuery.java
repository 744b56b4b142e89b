package dk.tvaers.platform.search;

/**
 * What a search source gets: the typed text, the {@code tsquery} made of it by {@link SearchTerms} (every word as a
 * prefix, related forms included, all words required: use it as {@code to_tsquery('danish', :query)}), and whether
 * the searcher is signed in (content whose pages need a login is found only then).
 */
public record SearchQuery(String text, String tsquery, boolean signedIn) {}
