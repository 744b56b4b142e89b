package dk.tvaers.shared;

/**
 * How long things stayed in one stage of a status history: how many left it, the median and the 90th percentile
 * of the days they spent there (time still running in a stage is not counted).
 */
public record StageTime(String stage, long count, double medianDays, double p90Days) {}
