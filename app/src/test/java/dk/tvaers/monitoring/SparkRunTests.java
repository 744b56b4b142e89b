package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.IndicatorSql;
import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run on Spark through the application's own path (ADR 0041): the suite's Spark target is the shaded job jar in a
 * child JVM as Spark local[2] (config/application-test.properties). A planted population is imported, run on DuckDB
 * and on Spark, and every stored cell of the two runs compared; the Spark run records its engine and versions and
 * shows the job's progress.
 */
@IntegrationTest
class SparkRunTests {

    @Autowired
    Imports imports;

    @Autowired
    Runs runs;

    @Autowired
    Initiatives initiatives;

    @Autowired
    SparkTarget target;

    @TempDir
    Path dir;

    @Test
    void aRunOnSparkStoresTheSameCellsAsTheRunOnDuckDb() throws Exception {
        assertThat(target.enabled()).as("the suite's Spark target").isTrue();
        long initiative = initiatives.start(new NewInitiative("Spark-kørsel " + System.nanoTime(), "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        SyntheticData.write(new SyntheticData.Options(1500, 23, 8, 0.3, initiative, true), dir);
        long importId = imports.startFromDirectory(dir, Actor.SYSTEM);
        ImportJob job = Awaiting.until(() -> imports.find(importId).orElseThrow(), j -> j.status().finished());
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);

        long duckId = runs.start(initiative, 365, IndicatorRun.Engine.DUCKDB, Actor.SYSTEM);
        IndicatorRun duck = Awaiting.until(() -> runs.find(duckId).orElseThrow(), r -> r.status().finished());
        assertThat(duck.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(duck.engine()).isEqualTo(IndicatorRun.Engine.DUCKDB);
        assertThat(duck.engineVersion()).startsWith("DuckDB v");

        long sparkId = runs.start(initiative, 365, IndicatorRun.Engine.SPARK, Actor.SYSTEM);
        Set<String> steps = new LinkedHashSet<>();
        IndicatorRun spark = runs.find(sparkId).orElseThrow();
        long deadline = System.nanoTime() + 25L * 60 * 1_000_000_000L;
        while (!spark.status().finished() && System.nanoTime() < deadline) {
            if (spark.stepKey() != null) {
                steps.add(spark.stepKey());
            }
            Thread.sleep(100);
            spark = runs.find(sparkId).orElseThrow();
        }
        Path log = target.workDir().resolve("run-" + sparkId).resolve("job.log");
        assertThat(spark.status()).as("the Spark run (log %s):\n%s", log,
                Files.exists(log) ? tail(Files.readString(log)) : "none").isEqualTo(JobStatus.SUCCEEDED);
        assertThat(spark.engine()).isEqualTo(IndicatorRun.Engine.SPARK);
        assertThat(spark.engineVersion()).startsWith("Spark 4.");
        assertThat(spark.definitionVersion()).isEqualTo(IndicatorSql.DEFINITION_VERSION);
        assertThat(spark.dataVersion()).isEqualTo(job.dataVersion());
        assertThat(spark.tariffYears()).isEqualTo(duck.tariffYears());
        // the job's PROGRESS lines became the run's steps (the cohort and person steps run for seconds each)
        // (writing the inputs can take less than one poll; the launch, seconds of a JVM start, is always seen)
        assertThat(steps).as("steps seen").contains("monitoring.run.step.submitted")
                .containsAnyOf("monitoring.run.step.cohort", "monitoring.run.step.stays",
                        "monitoring.run.step.admissions", "monitoring.run.step.readmissions",
                        "monitoring.run.step.multimorbidity", "monitoring.run.step.persons");
        // the inputs (person-level rows) are gone after the run; the job's log stays
        assertThat(target.workDir().resolve("run-" + sparkId).resolve("input")).doesNotExist();
        assertThat(log).exists();
        assertThat(runs.personTableKept(sparkId)).isFalse();

        Map<String, IndicatorResult> a = byKey(runs.results(duckId));
        Map<String, IndicatorResult> b = byKey(runs.results(sparkId));
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        var differences = new ArrayList<String>();
        int shown = 0;
        for (var entry : a.entrySet()) {
            IndicatorResult x = entry.getValue();
            IndicatorResult y = b.get(entry.getKey());
            if (x.suppressed() != y.suppressed() || x.secondary() != y.secondary() || !Objects.equals(x.n(), y.n())
                    || !Objects.equals(x.denominator(), y.denominator())
                    || !Objects.equals(x.withEvent(), y.withEvent()) || !same(x.total(), y.total())
                    || !same(x.median(), y.median())) {
                differences.add(entry.getKey() + ": DuckDB " + x + " / Spark " + y);
            }
            shown += x.suppressed() ? 0 : 1;
        }
        assertThat(differences).as("cells that differ").isEmpty();
        assertThat(shown).as("cells with figures").isGreaterThan(300);
        // the planted effect came through Spark: high-risk targets' acute contacts, median 4 before
        assertThat(b.get("ACUTE_CONTACTS TARGET BEFORE SUBGROUP HIGH_RISK").median()).isEqualByComparingTo("4");
        // no effects or series on Spark (they need the per-person table), and the page says so
        assertThat(runs.effects(sparkId).effects()).isEmpty();
        assertThat(runs.effects(duckId).effects()).isNotEmpty();
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    private static boolean same(java.math.BigDecimal x, java.math.BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }

    private static Map<String, IndicatorResult> byKey(List<IndicatorResult> results) {
        var map = new TreeMap<String, IndicatorResult>();
        for (IndicatorResult r : results) {
            map.put(r.indicator() + " " + r.group() + " " + r.period() + " " + r.stratum() + " " + r.stratumValue(), r);
        }
        return map;
    }
}
