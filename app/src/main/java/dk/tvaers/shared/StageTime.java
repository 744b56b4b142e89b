package dk.tvaers.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * How long things stayed in one stage of a status history: how many left it, the median and the 90th percentile
 * of the days they spent there (time still running in a stage is not counted).
 */
public record StageTime(String stage, long count, double medianDays, double p90Days) {

    /** How many spans of a stage lasted this many whole days: one bar of the stage's histogram. */
    public record Days(String stage, int days, long count) {}

    /**
     * The stage times of a histogram of whole days (sorted by stage, then days), in the given order of stages; stages
     * without spans are left out. The percentiles are {@code percentile_cont}'s: the value at position p · (n − 1)
     * of the sorted spans, interpolated between its two neighbours.
     */
    public static List<StageTime> fromDays(List<Days> histogram, List<String> order) {
        List<StageTime> stages = new ArrayList<>();
        for (String stage : order) {
            List<Days> bars = histogram.stream().filter(d -> d.stage().equals(stage) && d.count() > 0).toList();
            long n = bars.stream().mapToLong(Days::count).sum();
            if (n > 0) {
                stages.add(new StageTime(stage, n, percentile(bars, n, 0.5), percentile(bars, n, 0.9)));
            }
        }
        return stages;
    }

    static double percentile(List<Days> bars, long n, double p) {
        double position = p * (n - 1);
        long lower = (long) Math.floor(position);
        double below = valueAt(bars, lower);
        double above = valueAt(bars, Math.min(n - 1, lower + 1));
        return below + (position - lower) * (above - below);
    }

    /** The value of the span at a 0-based rank among all spans sorted by days. */
    private static double valueAt(List<Days> bars, long rank) {
        long seen = 0;
        for (Days bar : bars) {
            seen += bar.count();
            if (rank < seen) {
                return bar.days();
            }
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + seen);
    }
}
