package dk.tvaers.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secondary (complementary) suppression of a run's aggregates, as Statistics Denmark and eSundhed do it: after the
 * primary rule has hidden every group of 1–4 persons, more cells are hidden so that no hidden figure can be computed
 * from the published ones (docs/suppression.md, ADR 0019).
 *
 * <p>The relations a reader can use: in every stratum the values add up to the whole group ({@code ALL}) — persons,
 * sums, persons with an event, index admissions; the number of persons of a cell is the same for every indicator of
 * the same population (everyone, or those aged 65+), and for everyone the same before and after the index date. So:
 * <ol>
 * <li>Group sizes: per population, group, period (both periods together for everyone) and stratum, a table of the
 * values' person counts. If the whole group is hidden, every value is hidden. If exactly one value is hidden, the
 * smallest published non-empty value (then the first by code) is hidden with it — in every indicator of that
 * population and, for everyone, in both periods.</li>
 * <li>Per indicator, group, period and stratum (this covers the answers of a PRO score, whose primary rule counts
 * the persons who answered): if the whole group is hidden, every value is; if exactly one value is hidden, the
 * published value with the fewest persons counted by the primary rule (the answering ones for a score; preferring
 * non-zero) is hidden with it.</li>
 * </ol>
 * Applied where the aggregates are stored ({@link Runs}) and again where they are read, so a run stored before this
 * rule existed is protected on every page and export too. It only hides; it never changes a published figure, and it
 * is idempotent.
 */
public final class SecondarySuppression {

    private static final String ALL = "ALL";
    /** The period key of a group size that is the same before and after (population "everyone"). */
    private static final String BOTH = "*";

    private record SizeKey(Indicator.Population population, String group, String period, String stratum,
            String value) {}

    private record TableKey(String indicator, String group, String period, String stratum) {}

    public static List<IndicatorResult> apply(List<IndicatorResult> results) {
        return apply(results, Indicator.catalogue());
    }

    public static List<IndicatorResult> apply(List<IndicatorResult> results, List<Indicator> catalogue) {
        Map<String, Indicator> indicators = new HashMap<>();
        for (Indicator indicator : catalogue) {
            indicators.put(indicator.code(), indicator);
        }
        List<IndicatorResult> out = new ArrayList<>(results);
        // one pass settles the catalogue's relations; repeating until nothing changes keeps it safe for any catalogue
        long hidden;
        do {
            hidden = out.stream().filter(IndicatorResult::suppressed).count();
            pass(out, indicators);
        } while (out.stream().filter(IndicatorResult::suppressed).count() != hidden);
        return out;
    }

    private static void pass(List<IndicatorResult> out, Map<String, Indicator> indicators) {
        // the whole group hidden: everything of that indicator, group and period is hidden
        hideAllOfHiddenGroups(out);

        // 1. group sizes shared by the indicators of a population
        Set<SizeKey> published = new HashSet<>();
        Map<SizeKey, Long> sizes = new HashMap<>();
        Set<SizeKey> all = new HashSet<>();
        for (IndicatorResult r : out) {
            Indicator indicator = indicators.get(r.indicator());
            if (indicator == null) {
                continue;
            }
            SizeKey key = sizeKey(indicator, r);
            all.add(key);
            if (!r.suppressed()) {
                published.add(key);
                sizes.put(key, r.n());
            }
        }
        Set<SizeKey> hiddenSizes = new HashSet<>(all);
        hiddenSizes.removeAll(published);
        // a population within everyone (65+): hidden wherever everyone's cell is hidden (nobody 65+ among 3 persons
        // says something about those 3)
        for (SizeKey key : all) {
            if (key.population() != Indicator.Population.ALL && hiddenSizes.contains(new SizeKey(
                    Indicator.Population.ALL, key.group(), BOTH, key.stratum(), key.value()))) {
                hiddenSizes.add(key);
            }
        }
        Map<SizeKey, List<SizeKey>> sizeTables = new LinkedHashMap<>();
        for (SizeKey key : all) {
            if (!key.stratum().equals(ALL)) {
                sizeTables.computeIfAbsent(new SizeKey(key.population(), key.group(), key.period(), key.stratum(),
                        null), k -> new ArrayList<>()).add(key);
            }
        }
        for (var table : sizeTables.entrySet()) {
            SizeKey whole = new SizeKey(table.getKey().population(), table.getKey().group(), table.getKey().period(),
                    ALL, ALL);
            if (hiddenSizes.contains(whole)) {
                hiddenSizes.addAll(table.getValue());
                continue;
            }
            long hidden = table.getValue().stream().filter(hiddenSizes::contains).count();
            if (hidden == 1) {
                table.getValue().stream().filter(k -> !hiddenSizes.contains(k))
                        .filter(k -> sizes.get(k) > 0)
                        .min(Comparator.comparingLong((SizeKey k) -> sizes.get(k)).thenComparing(SizeKey::value))
                        .ifPresent(hiddenSizes::add);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            IndicatorResult r = out.get(i);
            Indicator indicator = indicators.get(r.indicator());
            if (indicator != null && !r.suppressed() && hiddenSizes.contains(sizeKey(indicator, r))) {
                out.set(i, r.hiddenAsComplement());
            }
        }

        // 2. every indicator's own tables (a score's answers)
        hideAllOfHiddenGroups(out);
        Map<TableKey, List<Integer>> tables = new LinkedHashMap<>();
        Map<TableKey, Integer> wholes = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            IndicatorResult r = out.get(i);
            TableKey key = new TableKey(r.indicator(), r.group(), r.period(), r.stratum());
            if (r.stratum().equals(ALL)) {
                wholes.put(key, i);
            } else {
                tables.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        for (var table : tables.entrySet()) {
            long hidden = table.getValue().stream().filter(i -> out.get(i).suppressed()).count();
            if (hidden != 1) {
                continue;
            }
            Indicator indicator = indicators.get(table.getKey().indicator());
            boolean score = indicator != null && indicator.statistic() == Indicator.Statistic.SCORE;
            Optional<Integer> complement = table.getValue().stream().filter(i -> !out.get(i).suppressed())
                    .min(Comparator.comparing((Integer i) -> counted(out.get(i), score) == 0)
                            .thenComparingLong(i -> counted(out.get(i), score))
                            .thenComparing(i -> out.get(i).stratumValue()));
            complement.ifPresent(i -> out.set(i, out.get(i).hiddenAsComplement()));
        }
    }

    /** What the primary rule counts: persons, or for a score the persons who answered. */
    private static long counted(IndicatorResult r, boolean score) {
        return score ? r.withEvent() : r.n();
    }

    private static void hideAllOfHiddenGroups(List<IndicatorResult> out) {
        Set<TableKey> hiddenWholes = new HashSet<>();
        for (IndicatorResult r : out) {
            if (r.stratum().equals(ALL) && r.suppressed()) {
                hiddenWholes.add(new TableKey(r.indicator(), r.group(), r.period(), ALL));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            IndicatorResult r = out.get(i);
            if (!r.suppressed() && hiddenWholes.contains(new TableKey(r.indicator(), r.group(), r.period(), ALL))) {
                out.set(i, r.hiddenAsComplement());
            }
        }
    }

    private static SizeKey sizeKey(Indicator indicator, IndicatorResult r) {
        // everyone's group sizes are the same before and after the index date; those of the 65+ population are not
        String period = indicator.population() == Indicator.Population.ALL ? BOTH : r.period();
        return new SizeKey(indicator.population(), r.group(), period, r.stratum(), r.stratumValue());
    }

    private SecondarySuppression() {}
}
