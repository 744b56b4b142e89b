package dk.tvaers.monitoring;

import dk.tvaers.indicators.SecondarySuppression;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.Indicator;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Secondary suppression (docs/suppression.md): the attacker's {@link DisclosureChecker} derives no hidden figure from
 * the published ones — on the issue's example and on random person tables — while published figures stay exact.
 */
class SecondarySuppressionTests {

    private static final List<Indicator> CATALOGUE = Indicator.catalogue();
    private static final String[][] STRATA = {
        {"SUBGROUP", "HIGH_RISK", "NONE"}, {"SEX", "F", "M"}, {"EDUCATION", "BASIC", "VOCATIONAL", "HIGHER"},
        {"INCOME", "LOW", "MIDDLE", "HIGH"}, {"LIVING_ALONE", "ALONE", "NOT_ALONE"},
        {"MULTIMORBIDITY", "MULTI", "NOT_MULTI"}};

    /** One person and period: strata values, 65+ or not, and a value per indicator (null: no answer). */
    record Person(String group, String period, String[] strata, boolean aged65, long[] values, Long[] scores,
            long indexAdmissions) {}

    @Test
    void theIssuesVocationalFourCannotBeComputedAnyMore() {
        // target group, 20 persons: basic 8, higher 8, vocational 4 ("< 5")
        var persons = new ArrayList<Person>();
        var random = new Random(1);
        String[] education = new String[20];
        for (int i = 0; i < 20; i++) {
            education[i] = i < 8 ? "BASIC" : i < 16 ? "HIGHER" : "VOCATIONAL";
        }
        for (String period : List.of("BEFORE", "AFTER")) {
            for (int i = 0; i < 20; i++) {
                persons.add(person(random, "TARGET", period, new String[] {"NONE", i % 2 == 0 ? "F" : "M",
                    education[i], i < 10 ? "LOW" : "HIGH", i < 10 ? "ALONE" : "NOT_ALONE", "NOT_MULTI"}, true));
            }
        }
        List<IndicatorResult> primaryOnly = aggregate(persons);
        // today's main: primary suppression alone gives the 4 away by subtraction
        assertThat(DisclosureChecker.derivable(primaryOnly)).extracting(Object::toString)
                .contains("persons ALL/TARGET/*/EDUCATION=VOCATIONAL/N = 4");

        List<IndicatorResult> published = SecondarySuppression.apply(primaryOnly);
        assertThat(DisclosureChecker.derivable(published)).isEmpty();
        // vocational (4) hidden as "< 5", and with it the smallest other value, basic (8, before higher by code)
        var basic = find(published, "ACUTE_ADMISSIONS", "BEFORE", "EDUCATION", "BASIC");
        assertThat(basic.suppressed()).isTrue();
        assertThat(basic.secondary()).isTrue();
        assertThat(basic.n()).isNull();
        var vocational = find(published, "ACUTE_ADMISSIONS", "BEFORE", "EDUCATION", "VOCATIONAL");
        assertThat(vocational.suppressed()).isTrue();
        assertThat(vocational.secondary()).isFalse();
        // the same cells in the other period and in every other indicator of everyone: n is the same there
        assertThat(find(published, "MORTALITY", "AFTER", "EDUCATION", "BASIC").secondary()).isTrue();
        assertThat(find(published, "ACUTE_ADMISSIONS", "BEFORE", "EDUCATION", "HIGHER").n()).isEqualTo(8);
        assertThat(find(published, "ACUTE_ADMISSIONS", "BEFORE", "ALL", "ALL").n()).isEqualTo(20);
        // applying it again changes nothing (pages read through it again)
        assertThat(SecondarySuppression.apply(published)).isEqualTo(published);
    }

    @Test
    void anEmptyGroupIsShownAndTheWholeGroupHiddenHidesEveryValue() {
        var persons = new ArrayList<Person>();
        var random = new Random(2);
        for (String period : List.of("BEFORE", "AFTER")) {
            for (int i = 0; i < 3; i++) {
                persons.add(person(random, "COMPARISON", period,
                        new String[] {"NONE", "F", "BASIC", "LOW", "ALONE", "NOT_MULTI"}, false));
            }
            for (int i = 0; i < 12; i++) {
                persons.add(person(random, "TARGET", period,
                        new String[] {"NONE", "F", "BASIC", "LOW", "ALONE", "NOT_MULTI"}, false));
            }
        }
        List<IndicatorResult> published = SecondarySuppression.apply(aggregate(persons));
        assertThat(DisclosureChecker.derivable(published)).isEmpty();
        // nobody aged 65+: shown as an empty group (n = 0), not as "< 5"
        var preventable = find(published, "PREVENTABLE_ADMISSIONS", "BEFORE", "ALL", "ALL");
        assertThat(preventable.suppressed()).isFalse();
        assertThat(preventable.empty()).isTrue();
        // a comparison group of 3: every value hidden
        assertThat(published).filteredOn(r -> r.group().equals("COMPARISON")).allMatch(IndicatorResult::suppressed);
    }

    /** 150 random person tables (seeded: a failure names its seed and can be replayed). */
    @Test
    void noHiddenFigureCanBeDerivedFromRandomTables() {
        int disclosiveWithPrimaryOnly = 0;
        for (long seed = 1; seed <= 150; seed++) {
            var random = new Random(seed);
            int targets = 1 + random.nextInt(40);
            int comparisons = random.nextInt(41);
            int share65 = random.nextInt(101);
            if (checkRandomTable(seed, random, targets, comparisons, share65)) {
                disclosiveWithPrimaryOnly++;
            }
        }
        // the tables do test something: with the primary rule alone most of them give a hidden figure away
        assertThat(disclosiveWithPrimaryOnly).isGreaterThan(75);
    }

    /** Whether the table's primary suppression alone was disclosive; fails when the published one is. */
    private boolean checkRandomTable(long seed, Random random, int targets, int comparisons, int share65) {
        var persons = new ArrayList<Person>();
        for (String group : List.of("TARGET", "COMPARISON")) {
            int count = group.equals("TARGET") ? targets : comparisons;
            for (int i = 0; i < count; i++) {
                String[] strata = new String[STRATA.length];
                for (int s = 0; s < STRATA.length; s++) {
                    // skewed, so that small cells are common
                    int v = random.nextInt(10) < 7 ? 1 : 1 + random.nextInt(STRATA[s].length - 1);
                    strata[s] = STRATA[s][v];
                }
                boolean aged65 = random.nextInt(100) < share65;
                for (String period : List.of("BEFORE", "AFTER")) {
                    persons.add(person(random, group, period, strata, aged65));
                }
            }
        }
        List<IndicatorResult> raw = aggregate(persons);
        List<IndicatorResult> published = SecondarySuppression.apply(raw);

        assertThat(DisclosureChecker.derivable(published)).as("derivable hidden figures, seed %d", seed).isEmpty();
        assertThat(published).hasSameSizeAs(raw);
        for (int i = 0; i < raw.size(); i++) {
            IndicatorResult before = raw.get(i);
            IndicatorResult after = published.get(i);
            if (before.suppressed()) {
                assertThat(after).isEqualTo(before); // primary stays primary
            } else if (!after.suppressed()) {
                assertThat(after).isEqualTo(before); // a published figure is never changed
            } else {
                assertThat(after.secondary()).isTrue();
                assertThat(after.n()).isNull();
            }
        }
        assertThat(SecondarySuppression.apply(published)).isEqualTo(published);
        return !DisclosureChecker.derivable(raw).isEmpty();
    }

    private static Person person(Random random, String group, String period, String[] strata, boolean aged65) {
        long[] values = new long[CATALOGUE.size()];
        Long[] scores = new Long[CATALOGUE.size()];
        for (int i = 0; i < CATALOGUE.size(); i++) {
            Indicator indicator = CATALOGUE.get(i);
            switch (indicator.statistic()) {
                case FLAG -> values[i] = random.nextInt(10) == 0 ? 1 : 0;
                case COUNT, RATIO -> values[i] = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
                case SUM -> values[i] = random.nextInt(2) == 0 ? random.nextInt(5_000_000) : 0;
                case SCORE -> scores[i] = random.nextInt(4) == 0 ? (long) random.nextInt(101) : null;
            }
        }
        return new Person(group, period, strata, aged65, values, scores, random.nextInt(3));
    }

    /** The aggregate query of IndicatorSql in Java, with the primary rule of Runs. */
    static List<IndicatorResult> aggregate(List<Person> persons) {
        Map<String, long[]> cells = new LinkedHashMap<>();
        var results = new ArrayList<IndicatorResult>();
        for (int i = 0; i < CATALOGUE.size(); i++) {
            Indicator indicator = CATALOGUE.get(i);
            boolean score = indicator.statistic() == Indicator.Statistic.SCORE;
            cells.clear();
            for (Person p : persons) {
                List<String[]> keys = new ArrayList<>();
                keys.add(new String[] {"ALL", "ALL"});
                for (int s = 0; s < STRATA.length; s++) {
                    keys.add(new String[] {STRATA[s][0], p.strata()[s]});
                }
                for (String[] key : keys) {
                    long[] cell = cells.computeIfAbsent(p.group() + "|" + p.period() + "|" + key[0] + "|" + key[1],
                            k -> new long[4]);
                    cell[2] += p.indexAdmissions();
                    boolean included = indicator.population() == Indicator.Population.ALL || p.aged65();
                    if (!included) {
                        continue;
                    }
                    cell[0]++;
                    if (score) {
                        if (p.scores()[i] != null) {
                            cell[1] += p.scores()[i];
                            cell[3]++;
                        }
                    } else {
                        cell[1] += p.values()[i];
                        cell[3] += p.values()[i] > 0 ? 1 : 0;
                    }
                }
            }
            for (var cell : cells.entrySet()) {
                String[] k = cell.getKey().split("\\|");
                long[] v = cell.getValue();
                if (IndicatorResult.primaryHidden(v[0], v[3], score)) {
                    results.add(IndicatorResult.primary(indicator.code(), k[0], k[1], k[2], k[3]));
                    continue;
                }
                Long denominator = indicator.statistic() == Indicator.Statistic.RATIO ? Long.valueOf(v[2])
                        : score ? Long.valueOf(v[3]) : null;
                results.add(new IndicatorResult(indicator.code(), k[0], k[1], k[2], k[3], false, v[0],
                        BigDecimal.valueOf(v[1]), denominator, null, v[3]));
            }
        }
        return results;
    }

    private static IndicatorResult find(List<IndicatorResult> results, String indicator, String period,
            String stratum, String value) {
        return results.stream().filter(r -> r.indicator().equals(indicator) && r.group().equals("TARGET")
                && r.period().equals(period) && r.stratum().equals(stratum) && r.stratumValue().equals(value))
                .findFirst().orElseThrow();
    }
}
