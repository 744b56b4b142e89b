package dk.tvaers.applications;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.challenges.ChallengeKind;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.challenges.NewChallenge;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo application: a cross-sector consortium's application to the open call, in review, loaded once (issue 11). */
@IntegrationTest
class ApplicationsDemoDataTests {

    @Autowired Consortia consortia;
    @Autowired Applications applications;
    @Autowired Reviews reviews;
    @Autowired Challenges challenges;
    @Autowired UserDirectory users;
    @Autowired OrganisationDirectory organisations;
    @Autowired JdbcClient jdbc;

    @Test
    void loadsAConsortiumsApplicationInReviewWithAReviewerWithoutConflictOnce() {
        // the demo users and the open challenge it reads, made as accounts' and challenges' demo data make them, so
        // that this test may run before or after theirs in the shared context (outside Midtjylland's demo names)
        ensureUser("medarbejder", Role.STAFF, Sector.MUNICIPALITY);
        ensureUser("laege", Role.STAFF, Sector.GENERAL_PRACTICE);
        ensureUser("taskforce", Role.TASK_FORCE, Sector.REGION);
        if (challenges.findByTitle(ApplicationsDemoData.OPEN_CHALLENGE).filter(c -> !c.calls().isEmpty()).isEmpty()) {
            challenges.publish(new NewChallenge(ChallengeKind.INNOVATION_QUESTION, ApplicationsDemoData.OPEN_CHALLENGE,
                    "Ingen ældre kommer hjem til et tomt hjem.", "Ensomhed efter udskrivning.",
                    "Hvad nu hvis ingen ældre kommer hjem til et tomt hjem?", Region.MIDTJYLLAND, null,
                    Instant.now().plus(Duration.ofDays(56))), new Actor(null, "Task Force"));
        }
        var demo = new ApplicationsDemoData(consortia, applications, reviews, challenges, users, jdbc);
        demo.run(null);
        demo.run(null);

        List<Long> consortiumIds = jdbc.sql("SELECT id FROM consortium WHERE name = :name")
                .param("name", ApplicationsDemoData.CONSORTIUM).query(Long.class).list();
        assertThat(consortiumIds).hasSize(1);
        Consortium consortium = consortia.find(consortiumIds.getFirst());
        assertThat(consortium.members()).hasSize(2);
        List<Application> applied = applications.ofConsortium(consortium.id());
        assertThat(applied).singleElement().satisfies(application -> {
            assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
            assertThat(application.challengeTitle()).isEqualTo(ApplicationsDemoData.OPEN_CHALLENGE);
            assertThat(reviews.step(application)).as("in review").isEqualTo(2);
            var reviewer = users.findByLogin("taskforce@demo.tvaers.dk").orElseThrow();
            assertThat(reviews.isReviewer(application.callId(), reviewer.id())).isTrue();
            assertThat(reviews.conflict(application.id(), reviewer.id())).isEmpty();
            assertThat(reviews.assignments(reviewer.id()))
                    .filteredOn(a -> a.applicationId() == application.id()).singleElement()
                    .satisfies(a -> assertThat(a.conflict()).isFalse());
        });
    }

    private void ensureUser(String login, Role role, Sector sector) {
        if (users.findByLogin(login + "@demo.tvaers.dk").isEmpty()) {
            long organisation = organisations.create(new OrganisationDetails("Demo " + login + " " + System.nanoTime(),
                    sector, Region.SYDDANMARK, null), Actor.SYSTEM).id();
            users.create(new UserAttributes(login + "@demo.tvaers.dk", "Demo " + login, organisation, Set.of(role)),
                    "Demo-adgangskode-2026", false, Actor.SYSTEM);
        }
    }
}
