package dk.tvaers.monitoring;

import dk.tvaers.indicators.Indicator;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indicator SQL on a fixture small enough to check by hand (src/test/resources/monitoring/fixture; every
 * expected figure is worked out in the comments below from the rows there). Index date 2024-06-01 for all, window
 * 365 days: AFTER is 2024-06-01 to 2025-05-31.
 */
class DefinitionsFixtureTests {

    private static final Path FIXTURE = Path.of("src/test/resources/monitoring/fixture");

    @TempDir
    Path dir;

    private AnalyticStore store;
    private Connection connection;
    private Statement statement;
    private final Map<String, Map<String, Object>> after = new HashMap<>();
    private final Map<String, Map<String, Object>> before = new HashMap<>();

    @BeforeEach
    void runOnTheFixture() throws Exception {
        var persons = new HashSet<String>();
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
        var run = new IndicatorRun(1, 9, JobStatus.RUNNING, 0, null, 365, 1, null, null, "test", null, null);
        RunQueries.computePersonTable(statement, run, "run_1", (p, k) -> {});
        try (ResultSet rs = statement.executeQuery("SELECT * FROM run_1_person")) {
            while (rs.next()) {
                var row = new HashMap<String, Object>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                (rs.getString("period").equals("AFTER") ? after : before).put(rs.getString("person_id"), row);
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        statement.close();
        connection.close();
        store.close();
    }

    private long value(Map<String, Map<String, Object>> period, String person, String column) {
        return ((Number) period.get(person).get(column)).longValue();
    }

    @Test
    void mergesContactsAtMostFourHoursApartIntoOneStay() {
        // A1 ends 07-03 10:00, A2 starts 14:00 (4 h): one stay 07-01 08:00 to 07-04 09:00, 3 bed days, acute by A1;
        // A3 is a second acute admission of 2 bed days; A4 lasts 5 h: an acute contact, no admission
        assertThat(value(after, "A", "acute_contacts")).isEqualTo(3);
        assertThat(value(after, "A", "acute_admissions")).isEqualTo(2);
        assertThat(value(after, "A", "acute_bed_days")).isEqualTo(5);
        // B1 ends 08-02 08:00 and B2 starts 13:00 (5 h): two stays; B3 lasts exactly 12 h on one day: 1 bed day
        assertThat(value(after, "B", "acute_admissions")).isEqualTo(3);
        assertThat(value(after, "B", "acute_bed_days")).isEqualTo(3);
    }

    @Test
    void anAdmissionIsAcuteOnlyWhenItsFirstContactIs() {
        // D1 (planned) and D2 (acute) overlap: one 14 h stay, not acute; D3, D4, D5 are acute admissions
        assertThat(value(after, "D", "acute_contacts")).isEqualTo(4);
        assertThat(value(after, "D", "acute_admissions")).isEqualTo(3);
        assertThat(value(after, "D", "acute_bed_days")).isEqualTo(4);
    }

    @Test
    void countsReadmissionsWithTheNationalExclusions() {
        // A: stay 1 readmitted by A3 16 days later; A3 itself is not followed by one
        assertThat(value(after, "A", "index_admissions")).isEqualTo(2);
        assertThat(value(after, "A", "readmissions_30d")).isEqualTo(1);
        // B: the injury (B2) and the cancer (B3) are no readmissions; B3 is no index admission either
        assertThat(value(after, "B", "index_admissions")).isEqualTo(2);
        assertThat(value(after, "B", "readmissions_30d")).isZero();
        // C: the admission ended in death: no index admission
        assertThat(value(after, "C", "index_admissions")).isZero();
        // D: birth (D3) and psychiatric (D4) are no readmissions; D4 (psychiatric) is no index; D5 is > 720 h after D3
        assertThat(value(after, "D", "index_admissions")).isEqualTo(3);
        assertThat(value(after, "D", "readmissions_30d")).isZero();
        // E: E2 starts exactly 720 h after E1 ends: a readmission; E3 was hospice, so E4 readmits nothing
        assertThat(value(after, "E", "index_admissions")).isEqualTo(3);
        assertThat(value(after, "E", "readmissions_30d")).isEqualTo(1);
    }

    @Test
    void countsPreventableAdmissionsOnTheListForCitizensAged65AndOver() {
        assertThat(value(after, "A", "preventable_admissions")).isEqualTo(1); // DJ189, acute, aged 74
        assertThat(value(after, "A", "aged_65")).isEqualTo(1);
        assertThat(value(after, "B", "aged_65")).isZero(); // his DJ189 does not count in the 65+ population
        assertThat(value(after, "D", "preventable_admissions")).isEqualTo(1); // DN390 acute; DJ189 stay was planned
    }

    @Test
    void countsDeathsCostsAndMultimorbidity() {
        assertThat(value(after, "C", "mortality")).isEqualTo(1);
        assertThat(value(before, "C", "mortality")).isZero();
        assertThat(value(before, "C", "acute_contacts")).isZero(); // C0 is virtual, not a physical attendance
        assertThat(value(before, "C", "drg_value")).isEqualTo(5000);
        // A after: four contacts at 1,000 kr, one GP fee of 150 kr, 2.50 hours at 450.01 kr = 1,125.025 → 1,125.03 kr
        assertThat(value(after, "A", "drg_value")).isEqualTo(400_000);
        assertThat(value(after, "A", "total_cost")).isEqualTo(400_000 + 15_000 + 112_503);
        assertThat(after.get("A").get("multimorbidity")).isEqualTo("MULTI"); // COPD and diabetes before the index
        assertThat(after.get("B").get("multimorbidity")).isEqualTo("NOT_MULTI");
    }

    @Test
    void takesEachPersonsLatestProRegistrationOfAMeasureInThePeriod() {
        // A after: 0.60 on 07-01, then 0.70 and 0.90 both on 08-01: the latest day, the highest score, in hundredths
        assertThat(value(after, "A", "pro_eq5d_index")).isEqualTo(90);
        assertThat(value(before, "A", "pro_eq5d_index")).isEqualTo(50);
        // B's 2023-06-01 lies a day before the window (index − 365 days = 2023-06-02); OTHER_MEASURE is no indicator
        assertThat(before.get("B").get("pro_eq5d_index")).isNull();
        assertThat(after.get("B").get("pro_eq5d_index")).isNull();
        // A's experience on 2025-06-01 is the day after the window; C's on the index date counts after
        assertThat(after.get("A").get("pro_experience")).isNull();
        assertThat(value(after, "C", "pro_experience")).isEqualTo(400);
    }

    @Test
    void anOpenContactLastsUntilTheDataCutOff() {
        // F1 is open and the latest timestamp in the data: a stay of no length, an acute contact but no admission
        assertThat(value(after, "F", "acute_contacts")).isEqualTo(1);
        assertThat(value(after, "F", "acute_admissions")).isZero();
    }

    @Test
    void suppressesEveryGroupUnderFivePersons() throws SQLException {
        var run = new IndicatorRun(1, 9, JobStatus.RUNNING, 0, null, 365, 1, null, null, "test", null, null);
        var results = RunQueries.aggregate(statement, run, "run_1", Indicator.catalogue());
        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.suppressed()).isTrue();
            assertThat(r.n()).isNull();
            assertThat(r.total()).isNull();
            assertThat(r.median()).isNull();
        });
    }
}
