package dk.tvaers.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.MemberRole;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Schemes defined by the initiative's analysts and consultants (ADR 0044): a draft first, changed and published; the
 * database refuses any change of a published version; a new version copies the definition and courses stay with
 * the version they were registered under; nobody registers under a draft; Danish problems per field; only the
 * initiative's own analysts and consultants see and change its definitions; saves and publications are audited.
 */
@IntegrationTest
class SchemeDefinitionsTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    SchemeDefinitions definitions;

    @Autowired
    Schemes schemes;

    @Autowired
    Registrations registrations;

    @Autowired
    RegistrationImport imports;

    @Autowired
    Initiatives initiatives;

    @Autowired
    InitiativeMembers members;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    record Setting(long initiative, long unit, Viewer analyst, Viewer consultant, String code) {}

    /** An initiative owned by a fresh region organisation, its analyst (staff there) and a consultant member. */
    private Setting setting() {
        int n = SEQUENCE.incrementAndGet();
        long stamp = System.nanoTime() % 1_000_000_000L;
        long owner = organisations.create(new OrganisationDetails("Region-enhed " + n + " " + stamp, Sector.REGION,
                Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long unit = organisations.create(new OrganisationDetails("Kommune " + n + " " + stamp, Sector.MUNICIPALITY,
                Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long initiative = initiatives.start(new NewInitiative("Skemainitiativ " + n + " " + stamp, "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, owner, EnumSet.of(Sector.REGION), null),
                Actor.SYSTEM);
        Viewer analyst = new Viewer(900_000 + n * 10L, "Anna Analytiker", owner, Set.of(Role.ANALYST));
        Viewer consultant = new Viewer(900_001 + n * 10L, "Karl Konsulent", null,
                Set.of(Role.INNOVATION_CONSULTANT));
        return new Setting(initiative, unit, analyst, consultant, "DEF_" + n + "_" + stamp);
    }

    private static Schemes.NewScheme definition(Setting s, String name) {
        return new Schemes.NewScheme(s.initiative(), s.code(), name,
                Map.of(TimePoint.START, 0, TimePoint.END, 84),
                List.of(new Schemes.NewUnit(s.unit(), "K1", "Vest")), RegistrationFixtures.indicators());
    }

    @Test
    void aDraftIsChangedThenPublishedAndThenFixedEvenForTheDatabase() {
        Setting s = setting();
        long id = definitions.saveDraft(null, definition(s, "Hjerterehabilitering"), s.analyst());
        Scheme draft = definitions.get(id, s.analyst());
        assertThat(draft.published()).isFalse();
        assertThat(draft.version()).isEqualTo(1);
        // a draft is not registered under: not offered to the unit, not found for a file, not opened
        assertThat(schemes.ofUnit(s.unit())).extracting(Scheme::id).doesNotContain(id);
        assertThat(schemes.byCodeAndVersion(s.code(), 1)).isEmpty();
        Viewer professional = RegistrationFixtures.staffOf(s.unit());
        assertThatThrownBy(() -> registrations.open(id, "p1", LocalDate.of(2024, 1, 1), professional))
                .isInstanceOf(NotFoundException.class);
        String line = s.code() + ",1,K1,p1,2024-01-01,START,SCREEN,ja\n";
        assertThatThrownBy(() -> imports.importCsv(in(RegistrationImport.HEADER + "\n" + line), null, null,
                Source.API, Actor.SYSTEM)).isInstanceOf(RegistrationsRejectedException.class);

        definitions.saveDraft(id, definition(s, "Hjerterehabilitering i kommunerne"), memberConsultant(s));
        assertThat(schemes.get(id).name()).isEqualTo("Hjerterehabilitering i kommunerne");
        assertThat(definitions.publish(id, s.analyst())).isTrue();
        assertThat(definitions.publish(id, s.analyst())).isFalse();
        assertThat(schemes.ofUnit(s.unit())).extracting(Scheme::id).contains(id);

        assertThatThrownBy(() -> definitions.saveDraft(id, definition(s, "Ændret"), s.analyst()))
                .isInstanceOf(RegistrationsRejectedException.class);
        for (String change : List.of(
                "UPDATE registration_indicator SET label = 'x' WHERE scheme_id = :id",
                "UPDATE registration_unit SET cluster = 'x' WHERE scheme_id = :id",
                "DELETE FROM registration_time_point WHERE scheme_id = :id",
                "INSERT INTO registration_time_point (scheme_id, time_point, due_after_days) VALUES (:id, 'DURING', 9)",
                "UPDATE registration_scheme SET name = 'x' WHERE id = :id",
                "UPDATE registration_scheme SET published_at = NULL WHERE id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(change).param("id", id).update()).as(change)
                    .hasMessageContaining("published");
        }
        assertThat(schemes.get(id).name()).isEqualTo("Hjerterehabilitering i kommunerne");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE kind IN ('SCHEME_SAVED', 'SCHEME_PUBLISHED')
                  AND subject = :subject""").param("subject", "scheme " + id).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void aNewVersionCopiesTheDefinitionAndCoursesStayWithTheVersionTheyWereRegisteredUnder() {
        Setting s = setting();
        long v1 = definitions.saveDraft(null, definition(s, "Skema"), s.analyst());
        definitions.publish(v1, s.analyst());
        Viewer professional = RegistrationFixtures.staffOf(s.unit());
        long course = registrations.open(v1, "p1", LocalDate.of(2024, 1, 1), professional);

        long v2 = definitions.newVersion(v1, s.analyst());
        assertThat(definitions.newVersion(v1, s.analyst())).as("the draft there is").isEqualTo(v2);
        Scheme copy = schemes.get(v2);
        assertThat(copy.version()).isEqualTo(2);
        assertThat(copy.published()).isFalse();
        assertThat(copy.indicators()).isEqualTo(schemes.get(v1).indicators());
        var changed = new java.util.ArrayList<>(copy.indicators());
        changed.add(new Indicator("WEIGHT", 4, "Vægt", ValueType.DECIMAL, "kg", BigDecimal.valueOf(30),
                BigDecimal.valueOf(250), "", Set.of(TimePoint.START), false, FulfilmentRule.MEDIAN, TimePoint.START,
                null));
        definitions.saveDraft(v2, new Schemes.NewScheme(s.initiative(), s.code(), "Skema", copy.dueAfterDays(),
                List.of(new Schemes.NewUnit(s.unit(), "K1", "Vest")), changed), s.analyst());
        definitions.publish(v2, s.analyst());

        assertThat(schemes.get(v1).indicators()).hasSize(4);
        assertThat(schemes.get(v2).indicators()).hasSize(5);
        assertThat(jdbc.sql("SELECT scheme_id FROM registration_course WHERE id = :id").param("id", course)
                .query(Long.class).single()).isEqualTo(v1);
        assertThat(schemes.newest(s.code()).orElseThrow().id()).isEqualTo(v2);
    }

    @Test
    void problemsAreNamedPerFieldInDanishAndNothingIsSaved() {
        Setting s = setting();
        var bad = new Schemes.NewScheme(s.initiative(), "lower case", "", Map.of(TimePoint.START, 10,
                TimePoint.END, 5), List.of(new Schemes.NewUnit(s.unit(), "K 1", "")), List.of(
                new Indicator("A", 0, "Ja eller nej", ValueType.WHOLE, "", BigDecimal.TEN, BigDecimal.ONE, "",
                        Set.of(TimePoint.START), true, FulfilmentRule.SHARE_YES, TimePoint.START, null),
                new Indicator("A", 1, "", ValueType.CHOICE, "", null, null, "KUN=En", Set.of(TimePoint.FOLLOW_UP),
                        false, FulfilmentRule.MEDIAN_CHANGE, null, null)));
        long before = jdbc.sql("SELECT count(*) FROM registration_scheme").query(Long.class).single();
        assertThatThrownBy(() -> definitions.saveDraft(null, bad, s.analyst()))
                .isInstanceOfSatisfying(RegistrationsRejectedException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + " " + p.messageKey())
                        .containsExactly("code scheme.error.code", "name scheme.error.name",
                                "dueEND scheme.error.daysOrder", "unit-0-code scheme.error.unitCode",
                                "unit-0-cluster scheme.error.cluster", "indicator-0-max scheme.error.rangeOrder",
                                "indicator-0-rule scheme.error.ruleYesNo",
                                "indicator-1-code scheme.error.indicatorCodeTwice",
                                "indicator-1-label scheme.error.label", "indicator-1-choices scheme.error.choices",
                                "indicator-1-timePoints scheme.error.indicatorTimePointUnused",
                                "indicator-1-rule scheme.error.ruleNumber"));
        assertThat(jdbc.sql("SELECT count(*) FROM registration_scheme").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyTheInitiativesOwnAnalystsAndConsultantsSeeAndChangeItsDefinitions() {
        Setting s = setting();
        long id = definitions.saveDraft(null, definition(s, "Skema"), s.analyst());
        Setting other = setting();
        // an analyst and a consultant of another initiative, and the unit's own professional
        for (Viewer stranger : List.of(other.analyst(), other.consultant(), RegistrationFixtures.staffOf(s.unit()),
                new Viewer(1, "Analytiker uden initiativ", other.unit(), Set.of(Role.ANALYST)))) {
            assertThatThrownBy(() -> definitions.get(id, stranger)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> definitions.publish(id, stranger)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> definitions.saveDraft(id, definition(s, "Overtaget"), stranger))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> definitions.newVersion(id, stranger)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> definitions.saveDraft(null, definition(s, "Nyt"), stranger))
                    .isInstanceOf(RegistrationsRejectedException.class);
            assertThat(definitions.definable(stranger)).extracting(Scheme::id).doesNotContain(id);
        }
        assertThat(definitions.definable(s.analyst())).extracting(Scheme::id).contains(id);
        // a consultant becomes one of the initiative's when added as a member
        assertThatThrownBy(() -> definitions.get(id, s.consultant())).isInstanceOf(NotFoundException.class);
        assertThat(definitions.get(id, memberConsultant(s)).id()).isEqualTo(id);
        assertThat(schemes.get(id).name()).isEqualTo("Skema");
    }

    /** A consultant with an account, added to the initiative as a member in person. */
    private Viewer memberConsultant(Setting s) {
        int n = SEQUENCE.incrementAndGet();
        long region = organisations.create(new OrganisationDetails("Innovationsenhed " + n + " " + System.nanoTime(),
                Sector.REGION, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long user = users.create(new UserAttributes("konsulent" + n + "-" + System.nanoTime() + "@region.test",
                "Karla Konsulent " + n, region, EnumSet.of(Role.INNOVATION_CONSULTANT)), "Rolig-Rød-Cykel-1", false,
                Actor.SYSTEM);
        members.addPerson(s.initiative(), user, MemberRole.PARTICIPANT,
                new Editor(1, "Task Force", null, Set.of(Role.TASK_FORCE)));
        return new Viewer(user, "Karla Konsulent " + n, region, Set.of(Role.INNOVATION_CONSULTANT));
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
