package dk.tvaers.shared;

/** A count in one calendar year (Danish time): a point of a yearly trend. */
public record YearCount(int year, long count) {}
