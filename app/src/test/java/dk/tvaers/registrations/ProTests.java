package dk.tvaers.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Role;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Scoring and triage by the questionnaire version's rules, the link's expiry, the triage list, the export. */
@IntegrationTest
@RecordApplicationEvents
class ProTests {

    @Autowired
    Pro pro;

    @Autowired
    Schemes schemes;

    @Autowired
    Registrations registrations;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    RegistrationExport export;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents published;

    private static Questionnaire questionnaire(int yellowFrom, int redFrom, boolean worstItemRed) {
        List<String> five = List.of("1", "2", "3", "4", "5");
        return new Questionnaire(1, 1, "Q", 1, "Q", yellowFrom, redFrom, worstItemRed, null, List.of(
                new Questionnaire.Item(0, "A", "A", five, true, null),
                new Questionnaire.Item(1, "B", "B", five, true, null),
                new Questionnaire.Item(2, "X", "X", five, false, null)));
    }

    @Test
    void theScoreIsTheSumOfLevelsAboveTheBestAndTheThresholdsTriageIt() {
        Questionnaire q = questionnaire(3, 6, true);
        assertThat(q.score(Map.of("A", 1, "B", 1, "X", 5))).isEqualTo(new Questionnaire.Scored(0,
                Questionnaire.Triage.GREEN));
        assertThat(q.score(Map.of("A", 2, "B", 2, "X", 1)).triage()).isEqualTo(Questionnaire.Triage.GREEN);
        assertThat(q.score(Map.of("A", 3, "B", 2, "X", 1))).isEqualTo(new Questionnaire.Scored(3,
                Questionnaire.Triage.YELLOW));
        assertThat(q.score(Map.of("A", 4, "B", 4, "X", 1))).isEqualTo(new Questionnaire.Scored(6,
                Questionnaire.Triage.RED));
        assertThat(q.score(Map.of("A", 5, "B", 1, "X", 1))).as("worst level of one item")
                .isEqualTo(new Questionnaire.Scored(4, Questionnaire.Triage.RED));
        assertThat(questionnaire(3, 6, false).score(Map.of("A", 5, "B", 1, "X", 1)).triage())
                .isEqualTo(Questionnaire.Triage.YELLOW);
        assertThatThrownBy(() -> q.score(Map.of("A", 1, "X", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.score(Map.of("A", 6, "B", 1, "X", 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void triageIsMonotoneInEveryAnswer() {
        Questionnaire q = questionnaire(3, 6, true);
        var random = new SplittableRandom(14);
        for (int i = 0; i < 2_000; i++) {
            Map<String, Integer> answers = new LinkedHashMap<>(Map.of("A", 1 + random.nextInt(5),
                    "B", 1 + random.nextInt(5), "X", 1 + random.nextInt(5)));
            Questionnaire.Scored before = q.score(answers);
            String item = random.nextBoolean() ? "A" : "B";
            if (answers.get(item) < 5) {
                answers.put(item, answers.get(item) + 1);
                Questionnaire.Scored after = q.score(answers);
                assertThat(after.score()).isEqualTo(before.score() + 1);
                assertThat(after.triage().ordinal()).isGreaterThanOrEqualTo(before.triage().ordinal());
            }
        }
    }

    @Test
    void aLinkWorksUntilItExpiresAndOnlyOnce() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Viewer staff = RegistrationFixtures.staffOf(made.units().getFirst());
        long course = registrations.open(made.schemeId(), "link1", LocalDate.of(2024, 5, 1), staff);
        long q = RegistrationFixtures.questionnaire(pro, made.schemeId());
        String token = pro.link(course, q, staff);

        Pro laterBy13Days = at(Duration.ofDays(13));
        Pro laterBy15Days = at(Duration.ofDays(15));
        assertThat(laterBy13Days.open(token)).isPresent();
        assertThat(laterBy15Days.open(token)).isEmpty();
        assertThat(laterBy15Days.answer(token, green())).isEmpty();
        assertThat(pro.open("not-" + token)).isEmpty();

        assertThat(pro.answer(token, green())).map(Questionnaire.Scored::triage).contains(Questionnaire.Triage.GREEN);
        assertThat(pro.open(token)).as("used up").isEmpty();
        assertThat(pro.answer(token, green())).isEmpty();
        assertThatThrownBy(() -> pro.link(course, q, RegistrationFixtures.staffOf(424_243L)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRedAnswerIsOnTheUnitsTriageListAtOnceUntilAProfessionalRecordsWhatWasDone() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A", "A");
        long unit = made.units().getFirst();
        Viewer staff = RegistrationFixtures.staffOf(unit);
        Viewer other = RegistrationFixtures.staffOf(made.units().get(1));
        long course = registrations.open(made.schemeId(), "red1", LocalDate.of(2024, 5, 1), staff);
        long q = RegistrationFixtures.questionnaire(pro, made.schemeId());
        Map<String, Integer> bad = new LinkedHashMap<>(green());
        bad.put("ANXIETY", 5);
        published.clear();

        assertThat(pro.answer(pro.link(course, q, staff), bad)).map(Questionnaire.Scored::triage)
                .contains(Questionnaire.Triage.RED);

        assertThat(published.stream(CourseTriagedRed.class)).singleElement()
                .satisfies(e -> assertThat(e.courseId()).isEqualTo(course));
        var list = pro.triageList(unit, true, staff, 1, 20);
        assertThat(list.items()).singleElement().satisfies(t -> {
            assertThat(t.personRef()).isEqualTo("red1");
            assertThat(t.triage()).isEqualTo(Questionnaire.Triage.RED);
        });
        assertThat(pro.waiting(unit).count()).isEqualTo(1);
        assertThatThrownBy(() -> pro.triageList(unit, true, other, 1, 20)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pro.handle(list.items().getFirst().id(), "Ringet op", other))
                .isInstanceOf(NotFoundException.class);

        assertThat(pro.handle(list.items().getFirst().id(), "Ringet op, tid hos egen læge", staff)).isTrue();
        assertThat(pro.triageList(unit, true, staff, 1, 20).items()).isEmpty();
        assertThat(pro.triageList(unit, false, staff, 1, 20).items().getFirst().action())
                .isEqualTo("Ringet op, tid hos egen læge");
        assertThat(pro.waiting(unit).count()).isZero();
        // a green answer is not on the list
        assertThat(pro.answer(pro.link(course, q, staff), green())).isPresent();
        assertThat(pro.waiting(unit).count()).isZero();
    }

    @Test
    void theExportIsTheMonitoringImportsRegistrationsCsvForAnalystsOnlyAndIsRecorded() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "A");
        Viewer staff = RegistrationFixtures.staffOf(made.units().getFirst());
        long course = registrations.open(made.schemeId(), "exp1", LocalDate.of(2024, 5, 1), staff);
        long q = RegistrationFixtures.questionnaire(pro, made.schemeId());
        Map<String, Integer> answers = new LinkedHashMap<>(green());
        answers.put("PAIN", 3); // score 2 of 20 → index 0.90
        pro.answer(pro.link(course, q, staff), answers);
        var out = new StringWriter();
        Viewer analyst = new Viewer(799_010, "Analytiker", null, Set.of(Role.ANALYST));

        int rows = export.write(made.schemeId(), analyst, out);

        assertThat(rows).isEqualTo(2);
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("person_id,registration_date,measure,score");
        assertThat(lines[1]).matches("exp1,\\d{4}-\\d{2}-\\d{2},EQ5D_INDEX,0\\.90");
        assertThat(lines[2]).matches("exp1,\\d{4}-\\d{2}-\\d{2},PATIENT_EXPERIENCE,4");
        assertThat(jdbc.sql("SELECT rows FROM registration_export WHERE scheme_id = :s").param("s", made.schemeId())
                .query(Integer.class).single()).isEqualTo(2);
        assertThatThrownBy(() -> export.write(made.schemeId(), staff, new StringWriter()))
                .isInstanceOf(NotFoundException.class);
    }

    private static Map<String, Integer> green() {
        return Map.of("MOBILITY", 1, "SELFCARE", 1, "ACTIVITIES", 1, "PAIN", 1, "ANXIETY", 1, "EXPERIENCE", 4);
    }

    private Pro at(Duration later) {
        return new Pro(jdbc, registrations, audit, events, Clock.offset(Clock.systemUTC(), later), Duration.ofDays(14));
    }
}
