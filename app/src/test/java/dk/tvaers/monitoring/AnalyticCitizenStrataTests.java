package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.registrations.CitizenStrata;
import dk.tvaers.registrations.Stratum;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registrations' citizens' strata from the analytic store, hand-worked: education BASIC → short education, income LOW
 * → low income, living alone; a value the data lack (OMOP) → no stratum of it; multimorbidity: two distinct chronic
 * conditions (diabetes DE11, COPD DJ44) among action diagnoses of contacts before the course's start, so the same
 * citizen is multimorbid for a later course and not for an earlier one; a citizen not in the data is absent.
 */
class AnalyticCitizenStrataTests {

    @TempDir
    Path dir;

    @Test
    void theStrataOfEachCourseFromTheStore() throws Exception {
        var store = new AnalyticStore(dir.resolve("store"), 1);
        try (var connection = store.connect(); var statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE person (person_id VARCHAR, birth_date DATE, sex VARCHAR, municipality_code VARCHAR,
                                         education VARCHAR, income_group VARCHAR, living_alone BOOLEAN)""");
            statement.execute("""
                    INSERT INTO person VALUES
                        ('p1', DATE '1950-01-01', 'F', '751', 'BASIC', 'LOW', true),
                        ('p2', DATE '1950-01-01', 'M', '751', 'HIGHER', 'MIDDLE', false),
                        ('p3', DATE '1950-01-01', 'M', '751', NULL, NULL, NULL)""");
            statement.execute("""
                    CREATE TABLE hospital_contact (contact_id VARCHAR, person_id VARCHAR, start_ts TIMESTAMP,
                                                   action_diagnosis VARCHAR)""");
            statement.execute("""
                    INSERT INTO hospital_contact VALUES
                        ('c1', 'p2', TIMESTAMP '2024-01-10 10:00', 'DE110'),
                        ('c2', 'p2', TIMESTAMP '2024-01-11 10:00', 'DE119'),
                        ('c3', 'p2', TIMESTAMP '2024-03-01 09:00', 'DJ441'),
                        ('c4', 'p3', TIMESTAMP '2024-01-01 09:00', 'DE110'),
                        ('c5', 'p3', TIMESTAMP '2024-01-02 09:00', 'DJ441')""");
        }
        var strata = new AnalyticCitizenStrata(store, () -> Optional.of(12));
        assertThat(strata.source()).contains("12");
        Optional<CitizenStrata.Known> known = strata.of(List.of(
                new CitizenStrata.Citizen(1, "p1", LocalDate.of(2024, 5, 1)),
                new CitizenStrata.Citizen(2, "p2", LocalDate.of(2024, 3, 1)),
                new CitizenStrata.Citizen(3, "p2", LocalDate.of(2024, 3, 2)),
                new CitizenStrata.Citizen(4, "p3", LocalDate.of(2024, 2, 1)),
                new CitizenStrata.Citizen(5, "nobody", LocalDate.of(2024, 2, 1))));
        assertThat(known).isPresent();
        assertThat(known.get().source()).isEqualTo("12");
        assertThat(known.get().byKey()).isEqualTo(Map.<Long, Set<Stratum>>of(
                1L, EnumSet.of(Stratum.SHORT_EDUCATION, Stratum.LOW_INCOME, Stratum.LIVING_ALONE),
                2L, EnumSet.noneOf(Stratum.class),
                3L, EnumSet.of(Stratum.MULTIMORBIDITY),
                4L, EnumSet.of(Stratum.MULTIMORBIDITY)));
        // twice on one store: the temporary tables are the call's own
        assertThat(strata.of(List.of(new CitizenStrata.Citizen(9, "p1", LocalDate.of(2024, 5, 1)))).orElseThrow()
                .byKey()).containsOnlyKeys(9L);
        store.close();
    }

    @Test
    void withoutImportedDataNothingIsKnown() throws Exception {
        var store = new AnalyticStore(dir.resolve("empty"), 1);
        assertThat(new AnalyticCitizenStrata(store, Optional::empty).of(List.of()).isEmpty()).isTrue();
        // a data version but no person table (e.g. imported before the tables existed): not known either
        assertThat(new AnalyticCitizenStrata(store, () -> Optional.of(1)).of(List.of(
                new CitizenStrata.Citizen(1, "p1", LocalDate.of(2024, 5, 1))))).isEmpty();
        store.close();
    }
}
