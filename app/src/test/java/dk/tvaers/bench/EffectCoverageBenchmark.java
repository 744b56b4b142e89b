package dk.tvaers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.monitoring.Effect;
import dk.tvaers.monitoring.PlantedTruth;
import dk.tvaers.monitoring.StandaloneEngine;
import dk.tvaers.indicators.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The coverage of the effect's 95 % bootstrap interval (issue 12): 100 seeded repetitions of the generator (2,000
 * persons each, seeds 1–100, bootstrap seed = repetition), each loaded and run like the application does; the
 * interval must cover the planted effect in at least 93 of them and exclude zero.
 *
 * <p>The planted effect, over repeated samples: every high-risk target person (a fifth of the target group) changes
 * by exactly Δ (acute contacts −2.5, acute bed days −17, DRG value of acute contacts −130,000 kr.); everyone else,
 * in either group, is drawn by the same process, whose expected change δ is not zero (deaths, open contacts), so the
 * true difference-in-differences is 0.2 · Δ + 0.8 · δ − δ = 0.2 · (Δ − δ). δ is estimated once from a large sample
 * of the generator (150,000 persons, seed 1,000,003), far more precisely than one repetition's interval is wide.
 *
 * <p>{@code bench/run EffectCoverageBenchmark} ({@code -Dbench.repetitions=}, {@code -Dbench.persons=}).
 */
@Tag("bench")
class EffectCoverageBenchmark {

    private static final int WINDOW = 365;
    private static final long INITIATIVE = 1;
    /** The planted change of a high-risk target person, in the stored unit (øre for DRG values). */
    private static final Map<String, Double> PLANTED = Map.of("ACUTE_CONTACTS", -2.5, "ACUTE_BED_DAYS", -17.0,
            "DRG_VALUE_ACUTE", -13_000_000.0);

    @Test
    void intervalCoversThePlantedEffect() throws Exception {
        int repetitions = Integer.getInteger("bench.repetitions", 100);
        int persons = Integer.getInteger("bench.persons", 2000);
        Path root = Files.createTempDirectory("tvaers-coverage-");

        long t0 = System.nanoTime();
        var big = SyntheticData.write(new SyntheticData.Options(150_000, 1_000_003, 8, 0.3, INITIATIVE, true),
                root.resolve("truth"));
        var bigTruth = PlantedTruth.compute(big, WINDOW);
        Map<String, Double> truth = new LinkedHashMap<>();
        for (var planted : PLANTED.entrySet()) {
            double delta = unplantedChange(bigTruth, planted.getKey());
            truth.put(planted.getKey(), 0.2 * (planted.getValue() - delta));
            System.out.printf("%s: planted change %.2f, unplanted change δ = %.4f, true effect %.4f%n",
                    planted.getKey(), planted.getValue(), delta, truth.get(planted.getKey()));
        }
        big = null;
        bigTruth = null;

        Map<String, int[]> counts = new LinkedHashMap<>(); // covered, excludes zero
        PLANTED.keySet().forEach(k -> counts.put(k, new int[2]));
        for (int rep = 1; rep <= repetitions; rep++) {
            Path dir = root.resolve("rep-" + rep);
            SyntheticData.write(new SyntheticData.Options(persons, rep, 8, 0.3, INITIATIVE, false), dir);
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                StandaloneEngine.load(duck, dir);
                List<IndicatorResult> results = StandaloneEngine.run(duck, rep, INITIATIVE, WINDOW);
                List<Effect> effects = StandaloneEngine.effects(duck, rep, INITIATIVE, WINDOW, results, rep,
                        dk.tvaers.indicators.EffectSql.REPLICATES);
                for (Effect effect : effects) {
                    int[] c = counts.get(effect.indicator());
                    if (c == null) {
                        continue;
                    }
                    assertThat(effect.suppressed()).isFalse();
                    double t = truth.get(effect.indicator());
                    if (effect.lower().doubleValue() <= t && t <= effect.upper().doubleValue()) {
                        c[0]++;
                    }
                    if (effect.certain()) {
                        c[1]++;
                    }
                }
            }
            deleteTree(dir);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (var entry : counts.entrySet()) {
            System.out.printf("%s: interval covers the true effect in %d of %d repetitions, excludes zero in %d%n",
                    entry.getKey(), entry.getValue()[0], repetitions, entry.getValue()[1]);
        }
        System.out.printf("%d repetitions of %d persons, %d bootstrap replicates each: %.1f s%n", repetitions, persons,
                dk.tvaers.indicators.EffectSql.REPLICATES, seconds);
        for (var entry : counts.entrySet()) {
            assertThat(entry.getValue()[0]).as("coverage of %s", entry.getKey())
                    .isGreaterThanOrEqualTo(repetitions * 93 / 100);
            assertThat(entry.getValue()[1]).as("excludes zero, %s", entry.getKey())
                    .isGreaterThanOrEqualTo(repetitions * 93 / 100);
        }
        deleteTree(root);
    }

    /** The mean change (after − before) of the persons without a planted effect: the comparison group, and the
     * target group's persons outside the high-risk subgroup. */
    private static double unplantedChange(Map<PlantedTruth.Key, PlantedTruth.Expected> truth, String indicator) {
        double change = 0;
        long n = 0;
        for (String[] part : new String[][] {{"COMPARISON", "ALL", "ALL"}, {"TARGET", "SUBGROUP", "NONE"}}) {
            var before = truth.get(new PlantedTruth.Key(indicator, part[0], "BEFORE", part[1], part[2]));
            var after = truth.get(new PlantedTruth.Key(indicator, part[0], "AFTER", part[1], part[2]));
            change += after.total().doubleValue() - before.total().doubleValue();
            n += before.n();
        }
        return change / n;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
