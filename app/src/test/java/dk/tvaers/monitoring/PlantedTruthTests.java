package dk.tvaers.monitoring;

import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.IndicatorSql;
import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Generated data with planted effects, imported and run: every indicator equals the planted truth exactly. */
@IntegrationTest
class PlantedTruthTests {

    @Autowired
    Imports imports;

    @Autowired
    Runs runs;

    @Autowired
    Initiatives initiatives;

    @TempDir
    Path dir;

    @Test
    void everyIndicatorEqualsThePlantedTruth() throws Exception {
        long initiative = initiatives.start(new NewInitiative("ViosKlinikken " + System.nanoTime(), "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), null), Actor.SYSTEM);
        var data = SyntheticData.write(new SyntheticData.Options(2000, 7, 8, 0.3, initiative, true), dir);
        var truth = PlantedTruth.compute(data, 365);

        long importId = imports.startFromDirectory(dir, Actor.SYSTEM);
        ImportJob job = Awaiting.until(() -> imports.find(importId).orElseThrow(), j -> j.status().finished());
        assertThat(job.status()).as("import of generated data").isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.persons()).isEqualTo(2000);

        long runId = runs.start(initiative, 365, Actor.SYSTEM);
        IndicatorRun run = Awaiting.until(() -> runs.find(runId).orElseThrow(), r -> r.status().finished());
        assertThat(run.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(run.dataVersion()).isEqualTo(job.dataVersion());
        assertThat(run.definitionVersion()).isEqualTo(IndicatorSql.DEFINITION_VERSION);

        Map<PlantedTruth.Key, IndicatorResult> actual = new HashMap<>();
        for (IndicatorResult r : runs.results(runId)) {
            actual.put(new PlantedTruth.Key(r.indicator(), r.group(), r.period(), r.stratum(), r.stratumValue()), r);
        }
        int compared = 0;
        int complements = 0;
        for (var entry : truth.entrySet()) {
            IndicatorResult result = actual.get(entry.getKey());
            var expected = entry.getValue();
            assertThat(result).as("result for %s", entry.getKey()).isNotNull();
            if (expected.suppressed()) {
                assertThat(result.suppressed()).as("%s has %d persons", entry.getKey(), expected.n()).isTrue();
                assertThat(result.secondary()).isFalse();
                assertThat(result.total()).isNull();
                continue;
            }
            if (result.secondary()) {
                // hidden so that a primary cell cannot be computed (docs/suppression.md): no figures
                assertThat(result.n()).isNull();
                complements++;
                continue;
            }
            assertThat(result.suppressed()).isFalse();
            assertThat(result.n()).as("n of %s", entry.getKey()).isEqualTo(expected.n());
            assertThat(result.total()).as("total of %s", entry.getKey()).isEqualByComparingTo(expected.total());
            if (expected.median() == null) {
                assertThat(result.median()).as("median of %s", entry.getKey()).isNull();
            } else {
                assertThat(result.median()).as("median of %s", entry.getKey()).isEqualByComparingTo(expected.median());
            }
            assertThat(result.withEvent()).as("with event of %s", entry.getKey()).isEqualTo(expected.withEvent());
            if (expected.denominator() != null) {
                assertThat(result.denominator()).as("index admissions of %s", entry.getKey())
                        .isEqualTo(expected.denominator());
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(400);
        // no hidden figure of the stored run can be computed from its published ones, and the rule had work to do
        assertThat(DisclosureChecker.derivable(runs.results(runId))).isEmpty();
        assertThat(complements).isPositive();
        // the data hold scores that 1-4 persons of a larger group answered: the suppression of those is exercised
        assertThat(truth.values()).anyMatch(e -> e.score() && e.n() >= 5 && e.suppressed());
        // the data exercise every definition: readmissions, preventable admissions and deaths do occur
        for (String indicator : new String[] {"READMISSIONS_30D", "PREVENTABLE_ADMISSIONS", "MORTALITY"}) {
            assertThat(actual.get(new PlantedTruth.Key(indicator, "COMPARISON", "AFTER", "ALL", "ALL")).total())
                    .as(indicator).isPositive();
        }
        assertThat(actual).hasSameSizeAs(truth);

        // the planted ViosKlinikken effect, stated outright
        var before = actual.get(new PlantedTruth.Key("ACUTE_CONTACTS", "TARGET", "BEFORE", "SUBGROUP", "HIGH_RISK"));
        var after = actual.get(new PlantedTruth.Key("ACUTE_CONTACTS", "TARGET", "AFTER", "SUBGROUP", "HIGH_RISK"));
        assertThat(before.median()).isEqualByComparingTo("4");
        assertThat(after.median()).isEqualByComparingTo("1.5");
        var bedBefore = actual.get(new PlantedTruth.Key("ACUTE_BED_DAYS", "TARGET", "BEFORE", "SUBGROUP", "HIGH_RISK"));
        var bedAfter = actual.get(new PlantedTruth.Key("ACUTE_BED_DAYS", "TARGET", "AFTER", "SUBGROUP", "HIGH_RISK"));
        assertThat(bedBefore.mean().subtract(bedAfter.mean())).isEqualByComparingTo(new BigDecimal("17"));
        // ... its DRG value per citizen: 150,000 kr. before, 20,000 kr. after (median and mean), 130,000 kr. less
        var drgBefore = actual.get(new PlantedTruth.Key("DRG_VALUE", "TARGET", "BEFORE", "SUBGROUP", "HIGH_RISK"));
        var drgAfter = actual.get(new PlantedTruth.Key("DRG_VALUE", "TARGET", "AFTER", "SUBGROUP", "HIGH_RISK"));
        assertThat(drgBefore.median()).isEqualByComparingTo("15000000"); // øre
        assertThat(drgBefore.median().subtract(drgAfter.median())).isEqualByComparingTo("13000000");
        assertThat(drgBefore.mean().subtract(drgAfter.mean())).isEqualByComparingTo("13000000");
        // ... and the DRG value of their acute contacts (DOMAIN.md's ViosKlinikken result): the same 130,000 kr. less
        var acuteBefore = actual.get(new PlantedTruth.Key("DRG_VALUE_ACUTE", "TARGET", "BEFORE", "SUBGROUP",
                "HIGH_RISK"));
        var acuteAfter = actual.get(new PlantedTruth.Key("DRG_VALUE_ACUTE", "TARGET", "AFTER", "SUBGROUP",
                "HIGH_RISK"));
        assertThat(acuteBefore.median()).isEqualByComparingTo("15000000");
        assertThat(acuteBefore.median().subtract(acuteAfter.median())).isEqualByComparingTo("13000000");
        // in the whole target group the acute contacts' value is less than all contacts' (planned ones exist)
        assertThat(actual.get(new PlantedTruth.Key("DRG_VALUE_ACUTE", "TARGET", "BEFORE", "ALL", "ALL")).total())
                .isLessThan(actual.get(new PlantedTruth.Key("DRG_VALUE", "TARGET", "BEFORE", "ALL", "ALL")).total());
        // ... their municipal services (20,800 → 7,800 kr.) and general-practice fees (600 → 1,500 kr.) per citizen
        assertThat(actual.get(new PlantedTruth.Key("MUNICIPAL_COST", "TARGET", "BEFORE", "SUBGROUP", "HIGH_RISK"))
                .median()).isEqualByComparingTo("2080000");
        var municipalAfter = actual.get(new PlantedTruth.Key("MUNICIPAL_COST", "TARGET", "AFTER", "SUBGROUP",
                "HIGH_RISK"));
        assertThat(municipalAfter.median()).isEqualByComparingTo("780000");
        assertThat(municipalAfter.mean()).isEqualByComparingTo("780000");
        assertThat(actual.get(new PlantedTruth.Key("GP_COST", "TARGET", "BEFORE", "SUBGROUP", "HIGH_RISK")).median())
                .isEqualByComparingTo("60000");
        assertThat(actual.get(new PlantedTruth.Key("GP_COST", "TARGET", "AFTER", "SUBGROUP", "HIGH_RISK")).median())
                .isEqualByComparingTo("150000");
        // the three sectors add up: DRG value + municipal services + GP fees = total cost, in every shown cell
        for (var key : actual.keySet()) {
            if (key.indicator().equals("TOTAL_COST") && actual.get(key).total() != null) {
                var parts = java.util.stream.Stream.of("DRG_VALUE", "MUNICIPAL_COST", "GP_COST")
                        .map(code -> actual.get(new PlantedTruth.Key(code, key.group(), key.period(), key.stratum(),
                                key.value())))
                        .toList();
                if (parts.stream().allMatch(p -> p.total() != null)) {
                    assertThat(parts.stream().map(IndicatorResult::total).reduce(BigDecimal.ZERO, BigDecimal::add))
                            .as("sectors of %s", key).isEqualByComparingTo(actual.get(key).total());
                }
            }
        }
        // ... and their EQ-5D index (PRO), everyone answering: 0.55 before, 0.80 after (kept in hundredths)
        var eq5dBefore = actual.get(new PlantedTruth.Key("PRO_EQ5D_INDEX", "TARGET", "BEFORE", "SUBGROUP", "HIGH_RISK"));
        var eq5dAfter = actual.get(new PlantedTruth.Key("PRO_EQ5D_INDEX", "TARGET", "AFTER", "SUBGROUP", "HIGH_RISK"));
        assertThat(eq5dBefore.median()).isEqualByComparingTo("55");
        assertThat(eq5dAfter.median()).isEqualByComparingTo("80");
        assertThat(eq5dAfter.mean()).isEqualByComparingTo("80");
        assertThat(eq5dBefore.shareWithEvent()).isEqualByComparingTo("1");
        assertThat(eq5dAfter.shareWithEvent()).isEqualByComparingTo("1");
        // the other persons answer now and then: the comparison group's share answering lies strictly between
        var experience = actual.get(new PlantedTruth.Key("PRO_EXPERIENCE", "COMPARISON", "AFTER", "ALL", "ALL"));
        assertThat(experience.shareWithEvent()).isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(Files.exists(dir.resolve("persons.csv"))).isTrue();

        assertEffects(runId, truth);
    }

    /**
     * The effects (issue 12, item 7): every shown difference-in-differences equals the one computed from the planted
     * truth, its bootstrap interval holds it, the seed is recorded, and the planted falls are found (the interval
     * excludes zero). The interval's coverage over repeated samples is EffectCoverageBenchmark's (bench/README.md).
     */
    private void assertEffects(long runId, Map<PlantedTruth.Key, PlantedTruth.Expected> truth) {
        Effect.Set set = runs.effects(runId);
        assertThat(set.seed()).isEqualTo(runId);
        assertThat(set.replicates()).isEqualTo(dk.tvaers.indicators.EffectSql.REPLICATES);
        var catalogue = dk.tvaers.indicators.Indicator.catalogue();
        assertThat(set.effects()).hasSameSizeAs(catalogue);
        int shown = 0;
        for (var indicator : catalogue) {
            Effect effect = set.effects().stream().filter(e -> e.indicator().equals(indicator.code())).findFirst()
                    .orElseThrow();
            assertThat(effect.kind()).isEqualTo(indicator.afterOnly() ? dk.tvaers.indicators.EffectSql.Kind.DIFFERENCE_AFTER
                    : dk.tvaers.indicators.EffectSql.Kind.DID);
            assertThat(effect.matched()).isFalse();
            if (effect.suppressed()) {
                assertThat(effect.estimate()).isNull();
                continue;
            }
            double expected = PlantedTruth.effect(truth, indicator.code(), indicator.afterOnly());
            assertThat(effect.estimate().doubleValue()).as("effect of %s", indicator.code())
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4 + Math.abs(expected) * 1e-9));
            assertThat(effect.lower()).as("interval of %s", indicator.code()).isLessThanOrEqualTo(effect.estimate());
            assertThat(effect.upper()).as("interval of %s", indicator.code()).isGreaterThanOrEqualTo(effect.estimate());
            assertThat(effect.lower()).isLessThan(effect.upper());
            shown++;
        }
        assertThat(shown).isGreaterThanOrEqualTo(9);
        // the planted falls of the high-risk target persons: the intervals lie below zero
        for (String planted : new String[] {"ACUTE_CONTACTS", "ACUTE_BED_DAYS", "DRG_VALUE_ACUTE", "MUNICIPAL_COST"}) {
            Effect effect = set.effects().stream().filter(e -> e.indicator().equals(planted)).findFirst().orElseThrow();
            assertThat(effect.certain()).as(planted).isTrue();
            assertThat(effect.upper()).as(planted).isNegative();
        }
        // ... and the planted rise of their general-practice fees: the interval lies above zero
        Effect gp = set.effects().stream().filter(e -> e.indicator().equals("GP_COST")).findFirst().orElseThrow();
        assertThat(gp.certain()).isTrue();
        assertThat(gp.lower()).isPositive();
        // the run charts' months: 12 each side of the index date, for both groups and both measures
        var series = runs.series(runId);
        assertThat(series).hasSize(2 * 2 * 24);
        assertThat(series).filteredOn(m -> m.month() == -1 && m.group().equals("TARGET"))
                .allSatisfy(m -> assertThat(m.persons()).isEqualTo(
                        truth.get(new PlantedTruth.Key("ACUTE_CONTACTS", "TARGET", "BEFORE", "ALL", "ALL")).n()));
        long eventsBefore = series.stream().filter(m -> m.measure().equals("ACUTE_CONTACTS")
                && m.group().equals("TARGET") && m.month() < 0).mapToLong(Effect.Month::events).sum();
        assertThat(eventsBefore).isPositive().isLessThanOrEqualTo(
                truth.get(new PlantedTruth.Key("ACUTE_CONTACTS", "TARGET", "BEFORE", "ALL", "ALL")).total().longValue());
    }
}
