package dk.tvaers.ideas;

/**
 * Something that resembles what a person is writing: an idea now, a catalogue case later. {@code kind} ("IDEA" or
 * "CASE") picks the list it is shown in (ideas can be supported, cases only read); {@code href} is where it is read.
 */
public record SimilarItem(String kind, long id, String title, String href, double score) {}
