package dk.tvaers.monitoring;

import dk.tvaers.indicators.IndicatorSql;
import dk.tvaers.indicators.Indicator;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The definition decisions of issue 12 (docs/indicator-sql.md, ADR 0025) on the hand-checked fixture with a few rows
 * added: ties never decide by contact id, preventable admissions count from the 65th birthday, and the DRG value of
 * acute contacts.
 */
class DefinitionChoicesTests {

    private static final Path FIXTURE = Path.of("src/test/resources/monitoring/fixture");
    private static final String CONTACT = ",ALCA00,%s,,100000,2025,false";

    @TempDir
    Path dir;

    /** Every value of the per-person table and every aggregate of a run on the fixture plus the given contacts. */
    private Map<String, String> run(String name, String... contacts) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(FIXTURE)) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve(file.getFileName()));
            }
        }
        if (contacts.length > 0) {
            Files.writeString(data.resolve("hospital_contacts.csv"), String.join("\n", contacts) + "\n",
                    StandardOpenOption.APPEND);
        }
        var persons = new HashSet<String>();
        for (var spec : ImportFormat.FILES) {
            Path file = data.resolve(spec.fileName());
            if (Files.exists(file)) {
                assertThat(ImportFormat.check(spec, file, persons, 10, line -> {}).errors()).isEmpty();
            }
        }
        var cells = new TreeMap<String, String>();
        var store = new AnalyticStore(dir.resolve(name + "-store"));
        try (var connection = store.connect(); var statement = connection.createStatement()) {
            var present = ImportFormat.FILES.stream().filter(f -> Files.exists(data.resolve(f.fileName()))).toList();
            ImportLoading.stage(statement, data, present, i -> {});
            ImportLoading.swap(connection, 1);
            RunQueries.loadCodeLists(statement);
            var run = new IndicatorRun(1, 9, JobStatus.RUNNING, 0, null, 365, 1, null, null, "test", null, null);
            RunQueries.computePersonTable(statement, run, "run_1", (p, k) -> {});
            try (ResultSet rs = statement.executeQuery("SELECT * FROM run_1_person")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        cells.put(rs.getString("person_id") + "/" + rs.getString("period") + "/"
                                + rs.getMetaData().getColumnName(i), rs.getString(i));
                    }
                }
            }
            // the aggregates before suppression (the fixture's groups are all under 5)
            try (ResultSet rs = statement.executeQuery(RunQueries.sql(IndicatorSql.aggregates(Indicator.catalogue()),
                    "run_1", run))) {
                while (rs.next()) {
                    for (int i = 5; i <= rs.getMetaData().getColumnCount(); i++) {
                        cells.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "="
                                + rs.getString(4) + "/" + rs.getMetaData().getColumnName(i), rs.getString(i));
                    }
                }
            }
        } finally {
            store.close();
        }
        return cells;
    }

    private static String contact(String id, String person, String start, String end, String priority,
            String diagnosis) {
        return id + "," + person + "," + start + "," + end + "," + priority + CONTACT.formatted(diagnosis);
    }

    @Test
    void swappingTwoContactIdsChangesNoCell() throws Exception {
        // B: an acute one-hour emergency contact and a planned inpatient contact that start in the same minute;
        // E: two contacts with the same start and end, one psychiatric (the diagnosis at discharge decides whether
        // the admission can be an index admission)
        List<String> tie = List.of(
                contact("T1", "B", "2024-09-01T08:00", "2024-09-01T09:00", "ATA1", "DJ189"),
                contact("T2", "B", "2024-09-01T08:00", "2024-09-04T08:00", "ATA3", "DE119"),
                contact("T3", "E", "2024-10-01T08:00", "2024-10-02T20:00", "ATA1", "DF200"),
                contact("T4", "E", "2024-10-01T08:00", "2024-10-02T20:00", "ATA1", "DJ189"));
        var asSent = run("as-sent", tie.toArray(String[]::new));
        var swapped = run("swapped", tie.get(0).replace("T1,", "T2,"), tie.get(1).replace("T2,", "T1,"),
                tie.get(2).replace("T3,", "T4,"), tie.get(3).replace("T4,", "T3,"));
        assertThat(swapped).isEqualTo(asSent);
        var without = run("without");
        // the rule itself: B's tied stay is acute because one of its first contacts is: one acute admission more
        assertThat(Long.parseLong(asSent.get("B/AFTER/acute_admissions")))
                .isEqualTo(Long.parseLong(without.get("B/AFTER/acute_admissions")) + 1);
        // ... and E's tied stay ends with the lowest code, DF200: psychiatric, so it is no index admission
        assertThat(asSent.get("E/AFTER/index_admissions")).isEqualTo(without.get("E/AFTER/index_admissions"));
    }

    @Test
    void countsPreventableAdmissionsFromThe65thBirthday() throws Exception {
        // E turns 65 on 2025-01-01, inside the after window (2024-06-01 to 2025-05-31); DN390 is on the list
        var cells = run("sixty-five",
                contact("P0", "E", "2024-01-10T08:00", "2024-01-12T08:00", "ATA1", "DN390"),
                contact("P1", "E", "2024-12-01T08:00", "2024-12-03T08:00", "ATA1", "DN390"),
                contact("P2", "E", "2025-02-01T08:00", "2025-02-03T08:00", "ATA1", "DN390"));
        // before: under 65 all the time, not among the 65+ at all
        assertThat(cells.get("E/BEFORE/aged_65")).isEqualTo("0");
        assertThat(cells.get("E/BEFORE/preventable_admissions")).isEqualTo("0");
        // after: 65+ from 1 January; only the admission after the birthday counts
        assertThat(cells.get("E/AFTER/aged_65")).isEqualTo("1");
        assertThat(cells.get("E/AFTER/preventable_admissions")).isEqualTo("1");
        assertThat(cells.get("E/AFTER/acute_admissions")).isEqualTo("5"); // E2, E3, E4 of the fixture, P1, P2
        // D (79): its DN390 admission counts as before; the comparison group's 65+ after: D and E
        assertThat(cells.get("D/AFTER/preventable_admissions")).isEqualTo("1");
        assertThat(cells.get("COMPARISON/AFTER/ALL=ALL/n_preventable_admissions")).isEqualTo("2");
        assertThat(cells.get("COMPARISON/BEFORE/ALL=ALL/n_preventable_admissions")).isEqualTo("1");
    }

    @Test
    void theDrgValueOfAcuteContactsCountsAcutePhysicalAttendancesOnly() throws Exception {
        var cells = run("drg", contact("V1", "F", "2024-08-01T08:00", "2024-08-01T09:00", "ATA3", "DR074"));
        // F: F1 (acute, physical, 100,000 øre) and V1 (planned, 100,000 øre): the acute value counts F1 only
        long all = Long.parseLong(cells.get("F/AFTER/drg_value"));
        long acute = Long.parseLong(cells.get("F/AFTER/drg_value_acute"));
        assertThat(all - acute).isEqualTo(100_000);
        assertThat(cells.get("TARGET/AFTER/ALL=ALL/total_drg_value_acute")).isNotNull();
        // C0 is acute but by telephone (ALCA10): neither an acute contact nor in the acute DRG value
        assertThat(cells.get("C/BEFORE/acute_contacts")).isEqualTo("0");
        assertThat(cells.get("C/BEFORE/drg_value_acute")).isEqualTo("0");
        assertThat(cells.get("C/BEFORE/drg_value")).isNotEqualTo("0");
    }
}
