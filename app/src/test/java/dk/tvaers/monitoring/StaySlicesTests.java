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
 * The stays step computed in slices of the cohort's persons (what DuckDB needs at the national size under its memory
 * limit, ADR 0055) gives the step's table row for row, and so the same per-person table and the same aggregates.
 */
class StaySlicesTests {

    @TempDir
    Path dir;

    @Test
    void staysInSlicesAreTheStaysAndTheAggregatesAreTheSame() throws Exception {
        SyntheticData.write(new SyntheticData.Options(3_000, 7, 8, 0.3, 1, false), dir.resolve("data"));
        var run = new IndicatorRun(1, 1, JobStatus.RUNNING, 0, null, 365, 1, null, null, "test", null, null);
        try (Connection duck = StandaloneEngine.open(dir.resolve("slices.duckdb"));
                Statement statement = duck.createStatement()) {
            StandaloneEngine.load(duck, dir.resolve("data"));
            RunQueries.loadCodeLists(statement);

            RunQueries.computePersonTable(statement, run, "whole", null, (p, k) -> {}, 1);
            List<IndicatorResult> whole = RunQueries.aggregate(statement, run, "whole", Indicator.catalogue());
            assertThat(count(statement, "whole_stay")).isGreaterThan(1_000);
            assertThat(RunQueries.staySlices(statement, "whole")).as("a small cohort needs one slice").isEqualTo(1);

            for (int slices : new int[] {2, 7}) {
                String prefix = "sliced" + slices;
                RunQueries.computePersonTable(statement, run, prefix, null, (p, k) -> {}, slices);
                assertThat(difference(statement, "whole_stay", prefix + "_stay")).as(slices + " slices").isZero();
                assertThat(difference(statement, prefix + "_stay", "whole_stay")).as(slices + " slices").isZero();
                assertThat(difference(statement, "whole_person", prefix + "_person")).isZero();
                assertThat(difference(statement, prefix + "_person", "whole_person")).isZero();
                assertThat(RunQueries.aggregate(statement, run, prefix, Indicator.catalogue()))
                        .containsExactlyInAnyOrderElementsOf(whole);
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM duckdb_views() WHERE view_name LIKE '"
                        + prefix + "_slice%'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the slices' views are dropped").isZero();
                }
            }
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
