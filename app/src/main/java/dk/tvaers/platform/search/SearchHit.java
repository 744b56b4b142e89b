package dk.tvaers.platform.search;

/** One thing found: its kind ({@link SearchSource#kind()}), title, a short text and the address of its page. */
public record SearchHit(String kind, String title, String summary, String url) {}
