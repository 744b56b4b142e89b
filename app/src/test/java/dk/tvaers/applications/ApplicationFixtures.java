package dk.tvaers.applications;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.challenges.ChallengeKind;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.challenges.NewChallenge;
import dk.tvaers.funding.Funding;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Organisations, users, pools, calls and consortia for the applications tests (the database is shared). */
public class ApplicationFixtures {

    public static final Actor TASK_FORCE = new Actor(null, "Task Force");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final OrganisationDirectory organisations;
    final UserDirectory users;
    final Challenges challenges;
    final Funding funding;
    final Consortia consortia;
    final Applications applications;

    public ApplicationFixtures(OrganisationDirectory organisations, UserDirectory users, Challenges challenges,
            Funding funding, Consortia consortia, Applications applications) {
        this.organisations = organisations;
        this.users = users;
        this.challenges = challenges;
        this.funding = funding;
        this.consortia = consortia;
        this.applications = applications;
    }

    static int unique() {
        return SEQUENCE.incrementAndGet() + (int) (System.nanoTime() % 100_000) * 1000;
    }

    public long organisation(String name, Sector sector) {
        return organisations.create(new OrganisationDetails(name + " " + unique(), sector, Region.MIDTJYLLAND, null),
                Actor.SYSTEM).id();
    }

    public Actor user(Long organisationId, Role... roles) {
        int n = unique();
        String name = "Bruger " + n;
        long id = users.create(new UserAttributes("app" + n + "@test.tvaers.dk", name, organisationId,
                EnumSet.copyOf(List.of(roles))), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        return new Actor(id, name);
    }

    public String login(Actor user) {
        return users.find(user.id()).orElseThrow().email();
    }

    public long pool(long kroner) {
        return funding.createPool("Pulje " + unique(), Region.MIDTJYLLAND, Money.ofKroner(kroner), 2026, 2027);
    }

    public long challenge(Long poolId) {
        return challenges.publish(new NewChallenge(ChallengeKind.INNOVATION_QUESTION, "Tryghed hjemme " + unique(),
                "Borgeren er tryg i eget hjem", "Mange indlæggelser kunne undgås",
                "Hvad nu hvis borgeren er tryg?", Region.MIDTJYLLAND, poolId,
                Instant.now().plus(Duration.ofDays(30))), TASK_FORCE);
    }

    /** A complete application's content with one budget line per organisation. */
    public static ApplicationContent content(String title, long... organisations) {
        var budget = new java.util.ArrayList<ApplicationContent.BudgetLine>();
        for (long organisation : organisations) {
            budget.add(new ApplicationContent.BudgetLine(2026, organisation, Money.ofKroner(500_000)));
        }
        return new ApplicationContent(title, "Telemedicin til borgere med KOL", "Færre indlæggelser sparer sengedage",
                "Tidlig opsporing af forværring", "Borgeren bliver i eget hjem", InnovationType.EVERYDAY, budget,
                List.of("Hvad nu hvis sygeplejersken ringer hver morgen?"));
    }
}
