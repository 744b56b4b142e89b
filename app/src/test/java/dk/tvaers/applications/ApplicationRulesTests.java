package dk.tvaers.applications;

import static dk.tvaers.applications.ApplicationFixtures.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.challenges.ChallengeRuleException;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.shared.FileType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules of consortia and applications, each with a test that fails when the rule is taken out. */
@IntegrationTest
class ApplicationRulesTests {

    private static final Locale DANISH = Locale.of("da");

    @Autowired
    dk.tvaers.accounts.OrganisationDirectory organisations;

    @Autowired
    dk.tvaers.accounts.UserDirectory users;

    @Autowired
    dk.tvaers.funding.Funding funding;

    ApplicationFixtures fixtures;

    @org.junit.jupiter.api.BeforeEach
    void fixtures() {
        fixtures = new ApplicationFixtures(organisations, users, challenges, funding, consortia, applications);
    }

    @Autowired
    Consortia consortia;

    @Autowired
    Applications applications;

    @Autowired
    Reviews reviews;

    @Autowired
    Challenges challenges;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aOneSectorConsortiumCannotSubmitAndTheMessageNamesTheMissingSectors() {
        long hospital = fixtures.organisation("Regionshospitalet", Sector.REGION);
        long otherHospital = fixtures.organisation("Hospitalsenheden", Sector.REGION);
        Actor writer = fixtures.user(hospital, Role.STAFF);
        long consortium = consortia.create("Kun hospitaler", hospital, writer.id(), writer);
        consortia.addMember(consortium, otherHospital);
        long application = applications.start(consortium, fixtures.challenge(null), writer);
        applications.saveDraft(application, content("Hjemmemonitorering", hospital, otherHospital), List.of(), writer);

        assertThatThrownBy(() -> applications.submit(application, writer))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> {
                    assertThat(e.messageKeys()).containsExactly("application.error.sectors.one");
                    assertThat(ApplicationRuleException.message(e.problems().getFirst(), messages, DANISH))
                            .contains("konsortiet dækker kun Region/hospital")
                            .contains("Der mangler en organisation fra Kommune eller Almen praksis");
                });
        assertThat(applications.find(application).status()).isEqualTo(ApplicationStatus.DRAFT);

        consortia.addMember(consortium, fixtures.organisation("Kommune", Sector.MUNICIPALITY));
        applications.submit(application, writer);
        assertThat(applications.find(application).status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void aConsortiumWithoutHealthCareSectorsIsToldAllThree() {
        long company = fixtures.organisation("Medtech ApS", Sector.PRIVATE_COMPANY);
        Actor writer = fixtures.user(company, Role.STAFF);
        long consortium = consortia.create("Kun virksomheder", company, writer.id(), writer);
        long application = applications.start(consortium, fixtures.challenge(null), writer);
        applications.saveDraft(application, content("Sensorer", company), List.of(), writer);

        assertThatThrownBy(() -> applications.submit(application, writer))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(
                        ApplicationRuleException.message(e.problems().getFirst(), messages, DANISH))
                        .contains("Region/hospital, Kommune eller Almen praksis"));
    }

    @Test
    void eachEffectIsRequiredOnSubmitButADraftMayBeIncomplete() {
        Setup setup = crossSectorDraft();
        var incomplete = new ApplicationContent("Halvfærdig", "", "Sparer sengedage", "", " ", null, List.of(),
                List.of());
        applications.saveDraft(setup.application(), incomplete, List.of(), setup.writer());
        assertThat(applications.version(setup.application(), 1).title()).isEqualTo("Halvfærdig");

        assertThatThrownBy(() -> applications.submit(setup.application(), setup.writer()))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.problems())
                        .extracting(ApplicationRuleException.Problem::field)
                        .containsExactly("summary", "effectHealth", "effectCitizens", "innovationType", "budget"));
    }

    @Test
    void submissionAfterTheDeadlineIsRefusedByTheServersClock() {
        Setup setup = crossSectorDraft();
        long callId = applications.find(setup.application()).callId();
        moveDeadline(callId, Instant.now().minus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> applications.submit(setup.application(), setup.writer()))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("application.error.deadlinePassed"));
        assertThat(applications.find(setup.application()).status()).isEqualTo(ApplicationStatus.DRAFT);

        moveDeadline(callId, Instant.now().plus(Duration.ofMinutes(5)));
        applications.submit(setup.application(), setup.writer());
        assertThat(applications.find(setup.application()).status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void aSubmittedApplicationIsFrozenAndAChangeIsANewVersion() {
        Setup setup = crossSectorDraft();
        applications.saveDraft(setup.application(), content("Hjemmemonitorering", setup.hospital(),
                setup.municipality()), List.of(new NewAttachment("plan.pdf", FileType.PDF,
                "%PDF-1.4 plan".getBytes(StandardCharsets.US_ASCII))), setup.writer());
        applications.submit(setup.application(), setup.writer());
        ApplicationVersion first = applications.version(setup.application(), 1);

        ApplicationContent changed = content("Hjemmemonitorering, udvidet", setup.hospital());
        assertThatThrownBy(() -> applications.saveDraft(setup.application(), changed, List.of(), setup.writer()))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("application.error.frozen"));

        int version = applications.revise(setup.application(), changed, List.of(), setup.writer());

        assertThat(version).isEqualTo(2);
        assertThat(applications.version(setup.application(), 1)).isEqualTo(first);
        assertThat(first.title()).isEqualTo("Hjemmemonitorering");
        assertThat(first.budget()).hasSize(2);
        ApplicationVersion second = applications.latest(setup.application());
        assertThat(second.title()).isEqualTo("Hjemmemonitorering, udvidet");
        assertThat(second.budget()).hasSize(1);
        assertThat(second.frozen()).isTrue();
        assertThat(second.attachments()).extracting(ApplicationVersion.Attachment::filename).containsExactly("plan.pdf");
        assertThat(applications.versions(setup.application())).extracting(Applications.VersionListing::version)
                .containsExactly(2, 1);

        // not even a direct change reaches a submitted version: the database refuses it
        assertThatThrownBy(() -> jdbc.sql("UPDATE application_version SET title = 'Ændret' WHERE application_id = :id"
                + " AND version = 1").param("id", setup.application()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM application_budget_line WHERE application_id = :id")
                .param("id", setup.application()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
        assertThat(applications.version(setup.application(), 1)).isEqualTo(first);
    }

    @Test
    void aReviewerFromAnOrganisationInTheConsortiumCannotReviewIt() {
        Setup setup = crossSectorDraft();
        applications.submit(setup.application(), setup.writer());
        long callId = applications.find(setup.application()).callId();
        Actor conflicted = fixtures.user(setup.municipality(), Role.STAFF);
        Actor independent = fixtures.user(fixtures.organisation("Lægehuset", Sector.GENERAL_PRACTICE), Role.STAFF);
        // warned and refused at assignment: the reviewer's organisation is in a consortium that applied to the call
        assertThatThrownBy(() -> reviews.assign(callId, fixtures.login(conflicted), ApplicationFixtures.TASK_FORCE))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("review.error.conflictAtAssignment"));
        assertThat(reviews.isReviewer(callId, conflicted.id())).isFalse();
        reviews.assign(callId, fixtures.login(independent), ApplicationFixtures.TASK_FORCE);
        assertThat(reviews.assignments(independent.id())).singleElement()
                .satisfies(a -> assertThat(a.conflict()).isFalse());

        // assigned before their organisation joined the consortium: never asked to review it, and refused if they try
        jdbc.sql("INSERT INTO call_reviewer (call_id, user_id, assigned_by_name) VALUES (:call, :user, 'Task Force')")
                .param("call", callId).param("user", conflicted.id()).update();
        assertThat(reviews.assignments(conflicted.id())).singleElement()
                .satisfies(a -> assertThat(a.conflict()).isTrue());
        assertThat(reviews.conflict(setup.application(), conflicted.id())).get().asString().startsWith("Kommune");
        assertThatThrownBy(() -> reviews.review(setup.application(), scores(4), Recommendation.FULL, "", conflicted))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("review.error.conflict"));

        reviews.review(setup.application(), scores(4), Recommendation.REDUCED, "Løft innovationshøjden", independent);
        assertThat(reviews.of(setup.application())).singleElement().satisfies(review -> {
            assertThat(review.reviewerUserId()).isEqualTo(independent.id());
            assertThat(review.recommendation()).isEqualTo(Recommendation.REDUCED);
            assertThat(review.scores()).hasSize(4);
        });
    }

    @Test
    void theStepperGoesFromDraftThroughSubmittedAndInReviewToDecided() {
        Setup setup = crossSectorDraft();
        assertThat(reviews.step(applications.find(setup.application()))).isZero();
        applications.submit(setup.application(), setup.writer());
        Application submitted = applications.find(setup.application());
        assertThat(reviews.step(submitted)).as("submitted, no reviewer yet").isEqualTo(1);

        Actor independent = fixtures.user(fixtures.organisation("Lægehuset", Sector.GENERAL_PRACTICE), Role.STAFF);
        reviews.assign(submitted.callId(), fixtures.login(independent), ApplicationFixtures.TASK_FORCE);
        assertThat(reviews.step(submitted)).as("a reviewer is assigned to its call").isEqualTo(2);

        jdbc.sql("UPDATE application SET status = 'DECIDED' WHERE id = :id").param("id", setup.application()).update();
        assertThat(reviews.step(applications.find(setup.application()))).isEqualTo(3);
    }

    @Test
    void aReviewerMustBeAssignedToTheCall() {
        Setup setup = crossSectorDraft();
        applications.submit(setup.application(), setup.writer());
        Actor stranger = fixtures.user(fixtures.organisation("Lægehuset", Sector.GENERAL_PRACTICE), Role.STAFF);
        assertThatThrownBy(() -> reviews.review(setup.application(), scores(3), Recommendation.FULL, "", stranger))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("review.error.notAssigned"));
    }

    @Test
    void anAssignedInnovationConsultantSeesTheDraftsAndAnOutsiderDoesNot() {
        Setup setup = crossSectorDraft();
        Actor consultant = fixtures.user(fixtures.organisation("Innovationsenheden", Sector.REGION),
                Role.INNOVATION_CONSULTANT);
        Actor outsider = fixtures.user(fixtures.organisation("Anden kommune", Sector.MUNICIPALITY), Role.STAFF);
        assertThat(consortia.isInside(setup.consortium(), consultant.id())).isFalse();
        assertThat(consortia.isInside(setup.consortium(), outsider.id())).isFalse();

        consortia.assignConsultant(setup.consortium(), fixtures.login(consultant));
        assertThat(consortia.isInside(setup.consortium(), consultant.id())).isTrue();
        assertThat(consortia.mayEdit(setup.consortium(), consultant.id())).isFalse();
        assertThat(consortia.isInside(setup.consortium(), outsider.id())).isFalse();
        assertThatThrownBy(() -> consortia.assignConsultant(setup.consortium(), fixtures.login(outsider)))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("consortium.error.notConsultant"));
    }

    @Test
    void aCallIsReopenedOnlyWhenNoApplicationWasSubmittedToIt() {
        Setup withApplicant = crossSectorDraft();
        applications.submit(withApplicant.application(), withApplicant.writer());
        long challengeWithApplicant = applications.find(withApplicant.application()).challengeId();
        closeCall(applications.find(withApplicant.application()).callId());
        assertThatThrownBy(() -> challenges.reopen(challengeWithApplicant, Instant.now().plus(Duration.ofDays(30))))
                .isInstanceOfSatisfying(ChallengeRuleException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("challenge.error.hasApplicants"));

        Setup onlyADraft = crossSectorDraft();
        long challengeWithDraft = applications.find(onlyADraft.application()).challengeId();
        closeCall(applications.find(onlyADraft.application()).callId());
        challenges.reopen(challengeWithDraft, Instant.now().plus(Duration.ofDays(30)));
        assertThat(challenges.find(challengeWithDraft).calls()).hasSize(2);
    }

    record Setup(long hospital, long municipality, Actor writer, long consortium, long application) {}

    /** A hospital and a municipality with a complete draft (budget lines for both) to an open call. */
    private Setup crossSectorDraft() {
        long hospital = fixtures.organisation("Regionshospitalet", Sector.REGION);
        long municipality = fixtures.organisation("Kommune", Sector.MUNICIPALITY);
        Actor writer = fixtures.user(hospital, Role.STAFF);
        long consortium = consortia.create("Hospital og kommune", hospital, writer.id(), writer);
        consortia.addMember(consortium, municipality);
        long application = applications.start(consortium, fixtures.challenge(null), writer);
        applications.saveDraft(application, content("Hjemmemonitorering", hospital, municipality), List.of(), writer);
        return new Setup(hospital, municipality, writer, consortium, application);
    }

    static Map<ReviewCriterion, Review.Score> scores(int score) {
        Map<ReviewCriterion, Review.Score> scores = new EnumMap<>(ReviewCriterion.class);
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            scores.put(criterion, new Review.Score(score, ""));
        }
        return scores;
    }

    private void moveDeadline(long callId, Instant deadline) {
        jdbc.sql("UPDATE challenge_call SET deadline = :deadline WHERE id = :id")
                .param("deadline", Timestamp.from(deadline)).param("id", callId).update();
    }

    private void closeCall(long callId) {
        jdbc.sql("UPDATE challenge_call SET opens_at = :opens, deadline = :deadline WHERE id = :id")
                .param("opens", Timestamp.from(Instant.now().minus(Duration.ofDays(60))))
                .param("deadline", Timestamp.from(Instant.now().minus(Duration.ofDays(1)))).param("id", callId)
                .update();
    }
}
