package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Populations by rule on a fixture small enough to check by hand (src/test/resources/monitoring/fixture-rule). The
 * rule: action diagnosis DJ44*, municipality 751, aged 60–80, contacts 2024-01-01 to 2024-12-31.
 * <ul>
 * <li>R1 (F, 1950, BASIC): DJ441 on 2024-03-10 (and DJ449 later): target, index 2024-03-10.</li>
 * <li>R2 (F, 1952, BASIC): DJ440 in 2023 is before the range; DJ441 on 2024-06-15 at 23:30: target, index that day.</li>
 * <li>R3: DJ441 in range but aged 34: neither target nor comparison (a qualifying contact).</li>
 * <li>R4: DJ441 in range but lives in 657: neither.</li>
 * <li>R5: DJ441 only as a secondary diagnosis: not qualifying, so a comparison candidate.</li>
 * <li>R11: DJ441 in 2025, after the range: a comparison candidate.</li>
 * <li>R10 (died 2024-01-15) and R12 (died 2024-02-01): dead before the reference date 2024-03-10.</li>
 * </ul>
 */
class PopulationRuleFixtureTests {

    private static final Path FIXTURE = Path.of("src/test/resources/monitoring/fixture-rule");
    private static final IndicatorRun RUN = new IndicatorRun(1, 9, JobStatus.RUNNING, 0, null, 365, 1, null, null,
            "test", null, null);

    @TempDir
    Path dir;

    private AnalyticStore store;
    private Connection connection;
    private Statement statement;

    @BeforeEach
    void load() throws Exception {
        var persons = new java.util.HashSet<String>();
        for (var spec : ImportFormat.FILES) {
            Path file = FIXTURE.resolve(spec.fileName());
            if (Files.exists(file)) {
                assertThat(ImportFormat.check(spec, file, persons, 10, line -> {}).errors()).as(spec.fileName())
                        .isEmpty();
            }
        }
        store = new AnalyticStore(dir);
        connection = store.connect();
        statement = connection.createStatement();
        var present = ImportFormat.FILES.stream().filter(f -> Files.exists(FIXTURE.resolve(f.fileName()))).toList();
        ImportLoading.stage(statement, FIXTURE, present, i -> {});
        ImportLoading.swap(connection, 1);
        RunQueries.loadCodeLists(statement);
    }

    @AfterEach
    void close() throws SQLException {
        statement.close();
        connection.close();
        store.close();
    }

    private static Population.Rule rule(Population.Comparison comparison, Integer k) {
        return new Population.Rule(List.of("DJ44"), List.of("751"), 60, 80, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), comparison, k, k == null ? null : Population.MatchStratum.EDUCATION);
    }

    /** person → "GROUP index-date" of the cohort the rule gives. */
    private Map<String, String> cohort(Population.Rule rule) throws SQLException {
        RunQueries.computePersonTable(statement, RUN, "run_1", rule, (p, k) -> {});
        var cohort = new TreeMap<String, String>();
        try (ResultSet rs = statement.executeQuery("SELECT person_id, cohort_group, index_date FROM run_1_cohort")) {
            while (rs.next()) {
                cohort.put(rs.getString(1), rs.getString(2) + " " + rs.getDate(3).toLocalDate());
            }
        }
        return cohort;
    }

    @Test
    void theTargetIsWhoeverHasAQualifyingContactInRangeAndTheComparisonEveryoneElseAtTheMedianIndexDate()
            throws SQLException {
        assertThat(cohort(rule(Population.Comparison.EVERYONE_ELSE, null))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "R1", "TARGET 2024-03-10",
                "R2", "TARGET 2024-06-15",
                // the reference date: the lower middle of the two targets' index dates
                "R5", "COMPARISON 2024-03-10",
                "R6", "COMPARISON 2024-03-10",
                "R7", "COMPARISON 2024-03-10",
                "R8", "COMPARISON 2024-03-10",
                "R9", "COMPARISON 2024-03-10",
                "R11", "COMPARISON 2024-03-10"));
    }

    @Test
    void matchesKPersonsPerTargetOnBirthYearBandSexAndStratumByPersonIdOrder() throws SQLException {
        // cell F / 1950–54 / BASIC: targets R1, R2; candidates in id order R11, R12, R5, R6, R7 (R8 is a man, R9 born
        // 1956, R10 born 1949). R1 gets R11 and R12, but R12 died before R1's index date; R2 gets R5 and R6.
        assertThat(cohort(rule(Population.Comparison.MATCHED, 2))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "R1", "TARGET 2024-03-10",
                "R2", "TARGET 2024-06-15",
                "R11", "COMPARISON 2024-03-10",
                "R5", "COMPARISON 2024-06-15",
                "R6", "COMPARISON 2024-06-15"));
        // k = 1: R1 gets R11; R2 gets R12, who died before: R2 has no match
        assertThat(cohort(rule(Population.Comparison.MATCHED, 1))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "R1", "TARGET 2024-03-10",
                "R2", "TARGET 2024-06-15",
                "R11", "COMPARISON 2024-03-10"));
    }

    @Test
    void theRuleFeedsTheWholeComputation() throws SQLException {
        cohort(rule(Population.Comparison.EVERYONE_ELSE, null));
        try (ResultSet rs = statement.executeQuery(
                "SELECT acute_contacts FROM run_1_person WHERE person_id = 'R1' AND period = 'AFTER'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1); // C1 is acute; C2 is planned
        }
    }

    @Test
    void refusesValuesThatAreNotCodes() {
        assertThatThrownBy(() -> new Population.Rule(List.of("DJ44'; DROP TABLE person; --"), List.of(), null, null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Population.Comparison.EVERYONE_ELSE, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Population.Rule(List.of("DJ44"), List.of("75"), null, null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Population.Comparison.EVERYONE_ELSE, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
