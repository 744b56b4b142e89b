package dk.tvaers.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The stage times from a histogram of whole days are what {@code percentile_cont} gives over the spans themselves
 * (ADR 0040): seeded random sets of spans, each compared with the percentiles of the sorted values.
 */
class StageTimeTests {

    @Test
    void percentilesOfTheHistogramEqualThoseOfTheSortedSpans() {
        for (long seed = 1; seed <= 200; seed++) {
            var random = new SplittableRandom(seed);
            int n = 1 + random.nextInt(60);
            int[] days = new int[n];
            TreeMap<Integer, Long> histogram = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                days[i] = random.nextInt(1 + random.nextInt(400));
                histogram.merge(days[i], 1L, Long::sum);
            }
            List<StageTime.Days> bars = new ArrayList<>();
            histogram.forEach((d, count) -> bars.add(new StageTime.Days("SUBMITTED", d, count)));
            Arrays.sort(days);
            StageTime stage = StageTime.fromDays(bars, List.of("SUBMITTED", "IN_REVIEW")).getFirst();
            assertThat(stage.count()).isEqualTo(n);
            assertThat(stage.medianDays()).as("median, seed %d", seed).isCloseTo(percentileCont(days, 0.5), within(1e-9));
            assertThat(stage.p90Days()).as("p90, seed %d", seed).isCloseTo(percentileCont(days, 0.9), within(1e-9));
        }
    }

    @Test
    void stagesWithoutSpansAreLeftOutAndTheOrderIsKept() {
        var bars = List.of(new StageTime.Days("IN_REVIEW", 3, 2), new StageTime.Days("SUBMITTED", 1, 1),
                new StageTime.Days("SUBMITTED", 10, 0));
        assertThat(StageTime.fromDays(bars, List.of("SUBMITTED", "IN_REVIEW", "PRIORITISED")))
                .extracting(StageTime::stage).containsExactly("SUBMITTED", "IN_REVIEW");
    }

    /** PostgreSQL's percentile_cont: the value at p · (n − 1), interpolated between its neighbours. */
    private static double percentileCont(int[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
