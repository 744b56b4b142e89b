package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.SyntheticData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What DuckDB needs at the national size under its memory limit (ADR 0055) gives the same rows: the stays step
 * computed in slices of the cohort's persons gives the step's table row for row, and so the same per-person table and
 * aggregates; the aggregates asked one stratum at a time give the one query's rows in its order.
 */
class RunSlicesTests {

    private static final IndicatorRun RUN = new IndicatorRun(1, 1, JobStatus.RUNNING, 0, null, 365, 1, null, null,
            "test", null, null);

    @TempDir
    Path dir;

    /** A DuckDB file with {@code persons} generated persons loaded and the code lists in place. */
    private Connection loaded(int persons) throws Exception {
        SyntheticData.write(new SyntheticData.Options(persons, 7, 8, 0.3, 1, false), dir.resolve("data"));
        Connection duck = StandaloneEngine.open(dir.resolve("run.duckdb"));
        StandaloneEngine.load(duck, dir.resolve("data"));
        try (Statement statement = duck.createStatement()) {
            RunQueries.loadCodeLists(statement);
        }
        return duck;
    }

    @Test
    void staysInSlicesAreTheStaysAndTheAggregatesAreTheSame() throws Exception {
        try (Connection duck = loaded(3_000); Statement statement = duck.createStatement()) {
            RunQueries.computePersonTable(statement, RUN, "whole", null, (p, k) -> {}, 1);
            List<IndicatorResult> whole = RunQueries.aggregate(statement, RUN, "whole", Indicator.catalogue());
            assertThat(count(statement, "whole_stay")).isGreaterThan(1_000);
            assertThat(RunQueries.staySlices(statement, "whole")).as("a small cohort needs one slice").isEqualTo(1);

            for (int slices : new int[] {2, 7}) {
                String prefix = "sliced" + slices;
                RunQueries.computePersonTable(statement, RUN, prefix, null, (p, k) -> {}, slices);
                assertThat(difference(statement, "whole_stay", prefix + "_stay")).as(slices + " slices").isZero();
                assertThat(difference(statement, prefix + "_stay", "whole_stay")).as(slices + " slices").isZero();
                assertThat(difference(statement, "whole_person", prefix + "_person")).isZero();
                assertThat(difference(statement, prefix + "_person", "whole_person")).isZero();
                assertThat(RunQueries.aggregate(statement, RUN, prefix, Indicator.catalogue()))
                        .containsExactlyInAnyOrderElementsOf(whole);
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM duckdb_views() WHERE view_name LIKE '"
                        + prefix + "_slice%'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the slices' views are dropped").isZero();
                }
            }
        }
    }

    @Test
    void aggregatesOneStratumAtATimeAreTheOneQuerysRowsInItsOrder() throws Exception {
        try (Connection duck = loaded(2_000); Statement statement = duck.createStatement()) {
            RunQueries.computePersonTable(statement, RUN, "p", null, (p, k) -> {}, 1);
            var indicators = Indicator.catalogue();

            List<IndicatorResult> one = RunQueries.aggregate(statement, RUN, "p", indicators, false);
            List<IndicatorResult> byStratum = RunQueries.aggregate(statement, RUN, "p", indicators, true);
            assertThat(one).hasSizeGreaterThan(500);
            assertThat(one.stream().map(IndicatorResult::stratum).distinct())
                    .containsExactlyInAnyOrderElementsOf(dk.tvaers.indicators.IndicatorSql.STRATA);
            assertThat(one.stream().filter(IndicatorResult::suppressed)).as("some cells are hidden").isNotEmpty();
            assertThat(byStratum).containsExactlyElementsOf(one);

            assertThat(RunQueries.aggregateByStratum(statement, "p", indicators))
                    .as("a small table under the machine's limit: one query").isFalse();
            // the national size at 5 GB (3.6 million person rows: 5.2 GB of medians) asks one stratum at a time; 2
            // million persons at half of 24 GB (1.2 million rows: 1.7 GB) and a quarter of that limit at 1.6 GB do not
            assertThat(RunQueries.aggregateByStratum(3_600_000, 13, 5_000_000_000L)).isTrue();
            assertThat(RunQueries.aggregateByStratum(1_200_000, 13, 12_000_000_000L)).isFalse();
            assertThat(RunQueries.aggregateByStratum(1_200_000, 13, 6_000_000_000L)).isTrue();
        }
    }

    private static long count(Statement statement, String table) throws Exception {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long difference(Statement statement, String left, String right) throws Exception {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM (SELECT * FROM " + left
                + " EXCEPT ALL SELECT * FROM " + right + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
