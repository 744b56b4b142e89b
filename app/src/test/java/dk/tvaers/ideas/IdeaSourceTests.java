package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.shared.IdeaSource;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The source of an idea (ADR 0040) is stored at submission from who submits it, and the migration's rule for older
 * ideas ({@code idea_source_of}) tells what the rows can tell and says UNKNOWN where they cannot; the idea list
 * filters by it.
 */
@IntegrationTest
class IdeaSourceTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    Ideas ideas;

    @Autowired
    UserDirectory users;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSourceIsStoredFromWhoSubmits() {
        long citizen = user(null, Role.CITIZEN);
        long nurse = user(organisation(Sector.REGION), Role.STAFF);
        long doctor = user(organisation(Sector.GENERAL_PRACTICE), Role.STAFF);
        long company = user(organisation(Sector.PRIVATE_COMPANY), Role.STAFF);
        long university = user(organisation(Sector.KNOWLEDGE_INSTITUTION), Role.STAFF);

        assertThat(source(ideas.submit(idea(), Submitter.anonymous("Anna Anonym", "anna@example.dk"))))
                .isEqualTo(IdeaSource.CITIZEN);
        assertThat(source(ideas.submit(idea(), Submitter.assisted("Bent Borger", null, nurse, "Sygeplejerske"))))
                .as("typed in by staff for a citizen: the citizen's idea").isEqualTo(IdeaSource.CITIZEN);
        assertThat(source(ideas.submit(idea(), Submitter.account(citizen, "Borger", null)))).isEqualTo(IdeaSource.CITIZEN);
        assertThat(source(ideas.submit(idea(), Submitter.account(nurse, "Sygeplejerske", null)))).isEqualTo(IdeaSource.STAFF);
        assertThat(source(ideas.submit(idea(), Submitter.account(doctor, "Læge", null)))).isEqualTo(IdeaSource.STAFF);
        assertThat(source(ideas.submit(idea(), Submitter.account(company, "Firma", null)))).isEqualTo(IdeaSource.PARTNER);
        assertThat(source(ideas.submit(idea(), Submitter.account(university, "Forsker", null))))
                .isEqualTo(IdeaSource.PARTNER);
    }

    @Test
    void theBackfillTellsWhatTheRowsCanTellAndUnknownOtherwise() {
        long citizen = user(null, Role.CITIZEN);
        long nurse = user(organisation(Sector.MUNICIPALITY), Role.STAFF);
        long patients = user(organisation(Sector.PATIENT_ORGANISATION), Role.STAFF);
        long administrator = user(null, Role.ADMINISTRATOR);
        long deleted = user(organisation(Sector.REGION), Role.STAFF);
        users.anonymise(deleted);

        assertThat(backfill(null, null)).as("submitted without an account").isEqualTo("CITIZEN");
        assertThat(backfill(null, nurse)).as("assisted").isEqualTo("CITIZEN");
        assertThat(backfill(citizen, null)).isEqualTo("CITIZEN");
        assertThat(backfill(nurse, null)).isEqualTo("STAFF");
        assertThat(backfill(patients, null)).isEqualTo("PARTNER");
        assertThat(backfill(administrator, null)).as("neither organisation nor the citizen role").isEqualTo("UNKNOWN");
        assertThat(backfill(deleted, null)).as("a deleted (anonymised) account").isEqualTo("UNKNOWN");
        assertThat(backfill(Long.MAX_VALUE, null)).as("an account that is gone").isEqualTo("UNKNOWN");
    }

    @Test
    void theIdeaListFiltersBySource() {
        long company = user(organisation(Sector.PRIVATE_COMPANY), Role.STAFF);
        String title = "Kildefilter " + SEQUENCE.incrementAndGet() + " " + System.nanoTime();
        ideas.submit(new NewIdea(title, "Problem", "Forslag", "Patienter", EnumSet.of(Sector.REGION),
                InnovationType.EVERYDAY, Region.HOVEDSTADEN, false, List.of()), Submitter.account(company, "Firma", null));
        assertThat(ideas.search(new Ideas.Filter(title, null, null, null, IdeaSource.PARTNER), Ideas.Sort.NEWEST, 1, 10)
                .total()).isEqualTo(1);
        assertThat(ideas.search(new Ideas.Filter(title, null, null, null, IdeaSource.CITIZEN), Ideas.Sort.NEWEST, 1, 10)
                .total()).isZero();
    }

    private String backfill(Long submitter, Long assistedBy) {
        return jdbc.sql("SELECT idea_source_of(:submitter, :assisted)").param("submitter", submitter)
                .param("assisted", assistedBy).query(String.class).single();
    }

    private IdeaSource source(long idea) {
        return IdeaSource.valueOf(jdbc.sql("SELECT source FROM idea WHERE id = :id").param("id", idea)
                .query(String.class).single());
    }

    private static NewIdea idea() {
        return new NewIdea("Kilde " + SEQUENCE.incrementAndGet(), "Problem", "Forslag", "Patienter",
                EnumSet.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY, Region.SYDDANMARK, false, List.of());
    }

    private Long organisation(Sector sector) {
        return organisations.create(new OrganisationDetails("Kildeorganisation " + SEQUENCE.incrementAndGet() + " "
                + System.nanoTime(), sector, Region.SYDDANMARK, null), Actor.SYSTEM).id();
    }

    private long user(Long organisation, Role role) {
        int n = SEQUENCE.incrementAndGet();
        return users.create(new UserAttributes("kilde-" + n + "-" + System.nanoTime() + "@test.tvaers.dk", "Kilde " + n,
                organisation, EnumSet.of(role)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
    }
}
