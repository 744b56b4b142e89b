package dk.tvaers.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiatives;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Completeness counts a time point only for the courses whose due date has come, to the day, although the page reads
 * the months before the due date's month from monthly counts and only that month's days from daily ones (ADR 0044).
 * Hand-worked around the due dates of today: END (84 days) and START (day 0), with courses on the due date, the day
 * after, the first of its month and the last day of the month before; and the same after a correction.
 */
@IntegrationTest
class CompletenessByDueDateTests {

    @Autowired
    Schemes schemes;

    @Autowired
    Registrations registrations;

    @Autowired
    Benchmarks benchmarks;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Test
    void aTimePointCountsFromItsDueDateToTheDay() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Viewer staff = RegistrationFixtures.staffOf(made.units().getFirst());
        LocalDate today = registrations.today();
        LocalDate endDue = today.minusDays(84);
        // END is due for courses that started on or before endDue; each course's END is complete or not
        Map<LocalDate, Boolean> ends = new java.util.LinkedHashMap<>();
        ends.put(endDue, true);
        ends.put(endDue.plusDays(1), true);
        ends.put(endDue.withDayOfMonth(1), false);
        ends.put(endDue.withDayOfMonth(1).minusDays(1), true);
        ends.put(endDue.minusMonths(3), false);
        Map<LocalDate, Long> courses = new java.util.LinkedHashMap<>();
        int person = 0;
        for (var course : ends.entrySet()) {
            long id = registrations.open(made.schemeId(), "due" + person++, course.getKey(), staff);
            courses.put(course.getKey(), id);
            save(id, course.getValue(), staff);
        }
        // due: endDue, the first of its month, the month before, three months before; not the day after endDue
        assertThat(cell(TimePoint.END, made)).containsExactly(due(ends, endDue), complete(ends, endDue));
        assertThat(due(ends, endDue)).isEqualTo(ends.containsKey(endDue.plusDays(1)) ? ends.size() - 1 : ends.size());

        // START is due from the start: every course, today's included; only today's has its START registered
        long started = registrations.open(made.schemeId(), "due-today", today, staff);
        registrations.save(started, TimePoint.START, Map.of("SCREEN", "ja", "WATT", "100"), false, staff);
        assertThat(cell(TimePoint.START, made)).containsExactly((long) ends.size() + 1, 1L);

        // corrections: the course on endDue loses its final END (a draft now), the first of the month gets one
        ends.put(endDue, false);
        save(courses.get(endDue), false, staff);
        ends.put(endDue.withDayOfMonth(1), true);
        save(courses.get(endDue.withDayOfMonth(1)), true, staff);
        assertThat(cell(TimePoint.END, made)).containsExactly(due(ends, endDue), complete(ends, endDue));
    }

    private void save(long course, boolean complete, Viewer staff) {
        if (complete) {
            registrations.save(course, TimePoint.END, Map.of("WATT", "120", "SESSIONS", "20"), false, staff);
        } else {
            registrations.save(course, TimePoint.END, Map.of("WATT", "120", "SESSIONS", ""), true, staff);
        }
    }

    private static long due(Map<LocalDate, Boolean> ends, LocalDate dueBy) {
        return ends.keySet().stream().filter(d -> !d.isAfter(dueBy)).count();
    }

    private static long complete(Map<LocalDate, Boolean> ends, LocalDate dueBy) {
        return ends.entrySet().stream().filter(e -> !e.getKey().isAfter(dueBy) && e.getValue()).count();
    }

    private List<Long> cell(TimePoint tp, RegistrationFixtures.Made made) {
        Benchmarks.Cell cell = benchmarks.of(made.schemeId()).completeness().stream()
                .filter(f -> f.timePoint() == tp).findFirst().orElseThrow().of(made.units().getFirst()).cell();
        return List.of(cell.n(), cell.k());
    }
}
