package dk.tvaers.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Role;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fulfilment and completeness arithmetic against a hand-worked fixture, the import's all-or-nothing with errors
 * by line, one course whatever the source, drafts, Danish validation and the rights on person rows.
 */
@IntegrationTest
class RegistrationsTests {

    @Autowired
    Schemes schemes;

    @Autowired
    Registrations registrations;

    @Autowired
    RegistrationImport imports;

    @Autowired
    Benchmarks benchmarks;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private static final String H = RegistrationImport.HEADER + "\n";

    /**
     * The fixture, worked by hand. Units U0 and U1 in cluster A, U2 alone in cluster B; START day 0, END day 84.
     * <pre>
     * U0 (2024-01-10), p1..p6: SCREEN ja ja ja nej ja –      → 4 of 5 = 80 %
     *   WATT start 100 110 120 130 140 150, end 120 115 150 – 160 150 → changes 20 5 30 · 20 0 → median 20
     *   SESSIONS end 20 16 10 – 24 15                       → ≥ 16: 3 of 5 = 60 %
     *   complete at START: p6 lacks SCREEN → 5 of 6; at END: p4 lacks both → 5 of 6
     * U1 (2025-03-01), q1..q5 (+ q6 with only a draft):
     *   SCREEN ja nej nej ja ja → 3 of 5; WATT 80→100 90→90 100→130 110→100 120→150 → 20 0 30 −10 30 → median 20
     *   SESSIONS 16 17 5 0 20 → 3 of 5; complete START 5 of 6 and END 5 of 6 (q6's draft does not count)
     * U2 (2024-06-01), r1, r2: SCREEN ja ja; WATT 100→110, 100→120; SESSIONS 16 16 → n = 2: hidden, and cluster B
     *   with it; cluster A is then hidden too (region − A would give B)
     * Region: SCREEN 9 of 12 = 75 %; WATT changes −10 0 0 5 10 20 20 20 20 30 30 30 → median (20 + 20) / 2 = 20;
     *   SESSIONS 8 of 12; completeness START 12 of 14, END 12 of 14. By year 2024: SCREEN 6 of 7 (U0 and U2).
     * </pre>
     */
    @Test
    void fulfilmentAndCompletenessAreTheHandWorkedFigures() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A", "A", "B");
        String v = made.code() + ",1,";
        var file = new StringBuilder(H);
        String[] screenU0 = {"ja", "ja", "ja", "nej", "ja", null};
        int[] wattStartU0 = {100, 110, 120, 130, 140, 150};
        Integer[] wattEndU0 = {120, 115, 150, null, 160, 150};
        Integer[] sessionsU0 = {20, 16, 10, null, 24, 15};
        for (int i = 0; i < 6; i++) {
            String c = v + "U0,p" + (i + 1) + ",2024-01-10,";
            if (screenU0[i] != null) file.append(c).append("START,SCREEN,").append(screenU0[i]).append('\n');
            file.append(c).append("START,WATT,").append(wattStartU0[i]).append('\n');
            if (wattEndU0[i] != null) file.append(c).append("END,WATT,").append(wattEndU0[i]).append('\n');
            if (sessionsU0[i] != null) file.append(c).append("END,SESSIONS,").append(sessionsU0[i]).append('\n');
        }
        String[] screenU1 = {"ja", "nej", "nej", "ja", "ja"};
        int[] wattStartU1 = {80, 90, 100, 110, 120};
        int[] wattEndU1 = {100, 90, 130, 100, 150};
        int[] sessionsU1 = {16, 17, 5, 0, 20};
        for (int i = 0; i < 5; i++) {
            String c = v + "U1,q" + (i + 1) + ",2025-03-01,";
            file.append(c).append("START,SCREEN,").append(screenU1[i]).append('\n');
            file.append(c).append("START,WATT,").append(wattStartU1[i]).append('\n');
            file.append(c).append("END,WATT,").append(wattEndU1[i]).append('\n');
            file.append(c).append("END,SESSIONS,").append(sessionsU1[i]).append('\n');
        }
        for (int i = 0; i < 2; i++) {
            String c = v + "U2,r" + (i + 1) + ",2024-06-01,";
            file.append(c).append("START,SCREEN,ja\n");
            file.append(c).append("START,WATT,100\n");
            file.append(c).append("END,WATT,").append(110 + 10 * i).append('\n');
            file.append(c).append("END,SESSIONS,16\n");
        }
        var summary = imports.importCsv(in(file.toString()), made.schemeId(), null, Source.FILE,
                new dk.tvaers.accounts.Actor(null, "Test"));
        assertThat(summary.courses()).isEqualTo(13);
        // q6 at U1: a draft only, entered in the form
        Viewer u1 = RegistrationFixtures.staffOf(made.units().get(1));
        long q6 = registrations.open(made.schemeId(), "q6", LocalDate.of(2025, 3, 1), u1);
        registrations.save(q6, TimePoint.START, Map.of("SCREEN", "ja"), true, u1);

        Benchmarks.Benchmark b = benchmarks.of(made.schemeId());
        long u0 = made.units().get(0);
        long u1Id = made.units().get(1);
        long u2 = made.units().get(2);
        Benchmarks.Figures screen = fulfilment(b, "SCREEN");
        assertThat(cell(screen, u0)).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k, Benchmarks.Cell::hidden)
                .containsExactly(5L, 4L, false);
        assertThat(cell(screen, u1Id)).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k, Benchmarks.Cell::hidden)
                .containsExactly(5L, 3L, false);
        assertThat(cell(screen, u2).hidden()).isTrue();
        assertThat(screen.clusters().get("B").hidden()).isTrue();
        assertThat(screen.clusters().get("A").hidden()).as("secondary: region − A would give B").isTrue();
        assertThat(screen.region().n()).isEqualTo(12);
        assertThat(screen.region().k()).isEqualTo(9);
        assertThat(screen.regionByYear().get(2024)).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k)
                .containsExactly(7L, 6L);
        assertThat(screen.unitByYear().get(2025).get(u1Id).k()).isEqualTo(3);
        assertThat(screen.of(u0).position()).isEqualTo(Stats.Position.WITHIN);

        Benchmarks.Figures watt = fulfilment(b, "WATT");
        assertThat(cell(watt, u0).median()).isEqualByComparingTo(BigDecimal.valueOf(20));
        assertThat(cell(watt, u0).n()).isEqualTo(5);
        assertThat(cell(watt, u1Id).median()).isEqualByComparingTo(BigDecimal.valueOf(20));
        assertThat(watt.region().median()).isEqualByComparingTo(BigDecimal.valueOf(20));
        assertThat(watt.region().n()).isEqualTo(12);

        Benchmarks.Figures sessions = fulfilment(b, "SESSIONS");
        assertThat(cell(sessions, u0)).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k).containsExactly(5L, 3L);
        assertThat(cell(sessions, u1Id)).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k).containsExactly(5L, 3L);
        assertThat(sessions.region()).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k).containsExactly(12L, 8L);

        Benchmarks.Figures start = completeness(b, TimePoint.START);
        assertThat(cell(start, u0)).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k).containsExactly(6L, 5L);
        assertThat(cell(start, u1Id)).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k).containsExactly(6L, 5L);
        assertThat(start.region()).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k).containsExactly(14L, 12L);
        Benchmarks.Figures end = completeness(b, TimePoint.END);
        assertThat(cell(end, u0)).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k).containsExactly(6L, 5L);
        assertThat(end.region()).extracting(Benchmarks.Cell::n, Benchmarks.Cell::k).containsExactly(14L, 12L);
        assertThat(b.fulfilment()).as("REFERRAL has no fulfilment rule").hasSize(3);
    }

    @Test
    void aFileWithOneBadLineIsRefusedWithItsLineAndNothingIsLoaded() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        String v = made.code() + ",1,U0,";
        String file = H + v + "b1,2024-02-01,START,SCREEN,ja\n"
                + v + "b1,2024-02-01,START,WATT,512\n"
                + v + "b2,2024-02-01,START,SCREEN,ja\n";
        assertThatThrownBy(() -> imports.importCsv(in(file), made.schemeId(), null, Source.FILE,
                dk.tvaers.accounts.Actor.SYSTEM))
                .isInstanceOfSatisfying(RegistrationsRejectedException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().getFirst().line()).isEqualTo(3);
                    assertThat(e.problems().getFirst().field()).isEqualTo("value");
                    assertThat(e.problems().getFirst().messageKey()).isEqualTo("registration.error.range");
                });
        assertThat(jdbc.sql("SELECT count(*) FROM registration_course WHERE scheme_id = :s")
                .param("s", made.schemeId()).query(Long.class).single()).isZero();
    }

    @Test
    void theSameRegistrationTwiceInOneFileNamesBothLines() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        String v = made.code() + ",1,U0,";
        String file = H + v + "d1,2024-02-01,START,SCREEN,ja\n" + v + "d1,2024-02-01,START,SCREEN,nej\n";
        assertThatThrownBy(() -> imports.importCsv(in(file), made.schemeId(), null, Source.FILE,
                dk.tvaers.accounts.Actor.SYSTEM))
                .isInstanceOfSatisfying(RegistrationsRejectedException.class, e -> {
                    assertThat(e.problems().getFirst().line()).isEqualTo(3);
                    assertThat(e.problems().getFirst().arguments()).containsExactly(2L);
                });
    }

    @Test
    void aCourseRegisteredInTheFormAndInAFileIsOneCourseAndEachValueCountsOnce() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Viewer staff = RegistrationFixtures.staffOf(made.units().getFirst());
        long course = registrations.open(made.schemeId(), "twice", LocalDate.of(2024, 5, 1), staff);
        registrations.save(course, TimePoint.START, Map.of("SCREEN", "ja", "WATT", "100,5"), false, staff);
        var summary = imports.importCsv(in(H + made.code() + ",1,U0,twice,2024-05-01,START,SCREEN,ja\n"
                + made.code() + ",1,U0,twice,2024-05-01,START,WATT,100.5\n"), made.schemeId(), null, Source.API,
                dk.tvaers.accounts.Actor.SYSTEM);
        assertThat(summary.newCourses()).isZero();
        assertThat(registrations.open(made.schemeId(), "twice", LocalDate.of(2024, 5, 1), staff)).isEqualTo(course);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_value WHERE course_id = :c").param("c", course)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(fulfilment(benchmarks.of(made.schemeId()), "SCREEN").region().n()).isEqualTo(1);
    }

    /**
     * The values' course is checked once per statement (ADR 0047), not by a per-row foreign key: a statement with one
     * value of no course among valid ones is refused whole, an update that moves a value to no course too, and a
     * course — with or without values — is never deleted, so no value can lose its course afterwards.
     */
    @Test
    void aValueOfNoCourseIsRefusedWholeAndCoursesAreNeverDeleted() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Viewer staff = RegistrationFixtures.staffOf(made.units().getFirst());
        long course = registrations.open(made.schemeId(), "kept", LocalDate.of(2024, 5, 1), staff);
        long empty = registrations.open(made.schemeId(), "kept2", LocalDate.of(2024, 5, 1), staff);
        registrations.save(course, TimePoint.START, Map.of("SCREEN", "ja", "WATT", "100"), false, staff);
        long none = jdbc.sql("SELECT coalesce(max(id), 0) + 1000 FROM registration_course").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO registration_value (course_id, time_point, indicator, value_text, value_num, source,
                    entered_by)
                VALUES (:course, 'END', 'WATT', '120', 120, 'FILE', 'test'),
                       (:none, 'END', 'WATT', '120', 120, 'FILE', 'test')""")
                .param("course", course).param("none", none).update())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> jdbc.sql("UPDATE registration_value SET course_id = :none WHERE course_id = :course")
                .param("course", course).param("none", none).update())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM registration_course WHERE id = :id").param("id", course)
                .update()).hasMessageContaining("is kept");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM registration_course WHERE id = :id").param("id", empty)
                .update()).hasMessageContaining("is kept");
        assertThat(jdbc.sql("SELECT count(*) FROM registration_value WHERE course_id = :c").param("c", course)
                .query(Long.class).single()).isEqualTo(2);
    }

    /** A file with courses there are and new ones: the new get fresh ids, the others keep theirs, values merge. */
    @Test
    void aFileMixingCoursesThereAreWithNewOnesGivesEachItsOneCourse() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Viewer staff = RegistrationFixtures.staffOf(made.units().getFirst());
        long old = registrations.open(made.schemeId(), "old1", LocalDate.of(2024, 5, 1), staff);
        registrations.save(old, TimePoint.START, Map.of("SCREEN", "nej", "WATT", "90"), false, staff);
        String v = made.code() + ",1,U0,";
        var summary = imports.importCsv(in(H + v + "new1,2024-05-02,START,SCREEN,ja\n"
                + v + "old1,2024-05-01,START,SCREEN,ja\n" + v + "new2,2024-05-03,START,WATT,80\n"),
                made.schemeId(), null, Source.FILE, dk.tvaers.accounts.Actor.SYSTEM);
        assertThat(summary.courses()).isEqualTo(3);
        assertThat(summary.newCourses()).isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT string_agg(c.person_ref || ':' || v.indicator || '=' || v.value_text, ' '
                                  ORDER BY c.person_ref, v.indicator)
                FROM registration_course c JOIN registration_value v ON v.course_id = c.id
                WHERE c.scheme_id = :s""").param("s", made.schemeId()).query(String.class).single())
                .isEqualTo("new1:SCREEN=ja new2:WATT=80 old1:SCREEN=ja old1:WATT=90");
        assertThat(registrations.open(made.schemeId(), "old1", LocalDate.of(2024, 5, 1), staff)).isEqualTo(old);
        assertThat(fulfilment(benchmarks.of(made.schemeId()), "SCREEN").region().n()).isEqualTo(2);
    }

    @Test
    void aFinalSaveNeedsEveryRequiredValueAndNamesWhatIsWrongInDanishKeysWhileADraftKeepsWhatWasTyped() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Viewer staff = RegistrationFixtures.staffOf(made.units().getFirst());
        long course = registrations.open(made.schemeId(), "draft1", LocalDate.of(2024, 5, 1), staff);
        assertThatThrownBy(() -> registrations.save(course, TimePoint.START, Map.of("WATT", "401"), false, staff))
                .isInstanceOfSatisfying(RegistrationsRejectedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("SCREEN", "registration.error.required"),
                                org.assertj.core.groups.Tuple.tuple("WATT", "registration.error.range")));
        registrations.save(course, TimePoint.START, Map.of("WATT", "99,5"), true, staff);
        CourseView view = registrations.view(course, staff);
        assertThat(view.stage(TimePoint.START).values().get("WATT").text()).isEqualTo("99.5");
        assertThat(view.stage(TimePoint.START).values().get("WATT").draft()).isTrue();
        assertThat(view.stage(TimePoint.START).missing()).extracting(Indicator::code)
                .containsExactly("SCREEN", "WATT");
        assertThatThrownBy(() -> registrations.save(course, TimePoint.START, Map.of("SCREEN", "måske"), true, staff))
                .isInstanceOf(RegistrationsRejectedException.class);
    }

    @Test
    void anotherUnitsProfessionalSeesNoPersonRowsWhileTheUnitAndAnalystsDoAndEveryViewIsAudited() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A", "A");
        Viewer own = RegistrationFixtures.staffOf(made.units().get(0));
        Viewer other = RegistrationFixtures.staffOf(made.units().get(1));
        Viewer analyst = new Viewer(799_001, "Analytiker", null, Set.of(Role.ANALYST));
        Viewer consultant = new Viewer(799_002, "Konsulent", null, Set.of(Role.INNOVATION_CONSULTANT));
        long course = registrations.open(made.schemeId(), "secret1", LocalDate.of(2024, 5, 1), own);

        assertThatThrownBy(() -> registrations.view(course, other)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registrations.view(course, consultant)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registrations.courses(made.units().get(0), new Registrations.Filter(null, null,
                null), null, other, 1, 20)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registrations.save(course, TimePoint.START, Map.of("SCREEN", "ja"), true, other))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registrations.save(course, TimePoint.START, Map.of("SCREEN", "ja"), true, analyst))
                .as("analysts read, they do not register").isInstanceOf(NotFoundException.class);
        assertThat(registrations.courses(made.units().get(1), new Registrations.Filter(null, null, null), null, other,
                1, 20).items()).isEmpty();

        assertThat(registrations.view(course, own).course().personRef()).isEqualTo("secret1");
        assertThat(registrations.view(course, analyst).course().personRef()).isEqualTo("secret1");
        assertThat(registrations.courses(made.units().get(0), new Registrations.Filter(null, "secret", null), null,
                own, 1, 20).items()).extracting(Course::personRef).containsExactly("secret1");
        assertThat(audit.search(new AuditLog.Filter(AuditKind.COURSE_VIEWED, "course " + course, null, null), 1, 10)
                .items()).hasSize(2);
        // the benchmark's aggregates: both units' staff, not a unit outside the scheme
        Scheme scheme = schemes.get(made.schemeId());
        assertThat(Registrations.maySeeFigures(scheme, other)).isTrue();
        assertThat(Registrations.maySeeFigures(scheme, RegistrationFixtures.staffOf(424_242L))).isFalse();
    }

    @Test
    void wilsonIntervalAndFunnelLimitsAreTheTextbookFigures() {
        double[] wilson = Stats.wilson(4, 5, Stats.Z95);
        // (0.8 + 1.96²/10 ± 1.96·√(0.16/5 + 1.96²/100)) / (1 + 1.96²/5)
        assertThat(wilson[0]).isCloseTo(0.3755, within(0.0005));
        assertThat(wilson[1]).isCloseTo(0.9638, within(0.0005));
        double[] funnel = Stats.funnel(0.75, 5, Stats.Z998);
        assertThat(funnel[0]).isCloseTo(0.75 - 3.090232 * Math.sqrt(0.1875 / 5), within(1e-9));
        assertThat(Stats.position(50, 100, 0.75)).isEqualTo(Stats.Position.BELOW);
        assertThat(Stats.position(98, 100, 0.75)).isEqualTo(Stats.Position.ABOVE);
        assertThat(Stats.position(4, 5, 0.75)).isEqualTo(Stats.Position.WITHIN);
    }

    private static Benchmarks.Figures fulfilment(Benchmarks.Benchmark b, String code) {
        return b.fulfilment().stream().filter(f -> f.indicator().code().equals(code)).findFirst().orElseThrow();
    }

    private static Benchmarks.Figures completeness(Benchmarks.Benchmark b, TimePoint tp) {
        return b.completeness().stream().filter(f -> f.timePoint() == tp).findFirst().orElseThrow();
    }

    private static Benchmarks.Cell cell(Benchmarks.Figures f, long unit) {
        return f.of(unit).cell();
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
