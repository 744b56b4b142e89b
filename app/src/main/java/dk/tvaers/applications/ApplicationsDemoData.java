package dk.tvaers.applications;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.challenges.Challenge;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data on request: an application in review, so a visitor sees the way from a call to a decision. The demo
 * municipality (Randers Kommune, lead) and the demo general practice form a consortium across two health-care
 * sectors; it submits an application to the innovation question open now, and the Task Force's demo member, whose
 * organisation (the region) is not in the consortium, is its call's reviewer. Loaded once, after the challenges.
 */
@Component
@Order(7)
@ConditionalOnProperty(name = "tvaers.demo-data", havingValue = "true")
class ApplicationsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApplicationsDemoData.class);

    static final String CONSORTIUM = "Ikke alene hjem (demo)";
    /** The innovation question the challenges' demo data keeps open, with its call. */
    static final String OPEN_CHALLENGE = "Ensomme ældre efter udskrivning";

    private final Consortia consortia;
    private final Applications applications;
    private final Reviews reviews;
    private final Challenges challenges;
    private final UserDirectory users;
    private final JdbcClient jdbc;

    ApplicationsDemoData(Consortia consortia, Applications applications, Reviews reviews, Challenges challenges,
            UserDirectory users, JdbcClient jdbc) {
        this.consortia = consortia;
        this.applications = applications;
        this.reviews = reviews;
        this.challenges = challenges;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean loaded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM consortium WHERE name = :name)")
                .param("name", CONSORTIUM).query(Boolean.class).single();
        Optional<UserAccount> staff = users.findByLogin("medarbejder@demo.tvaers.dk");
        Optional<UserAccount> doctor = users.findByLogin("laege@demo.tvaers.dk");
        Optional<UserAccount> taskForce = users.findByLogin("taskforce@demo.tvaers.dk");
        Optional<Challenge> open = challenges.findByTitle(OPEN_CHALLENGE);
        if (loaded || staff.isEmpty() || doctor.isEmpty() || taskForce.isEmpty() || open.isEmpty()
                || staff.get().organisationId() == null || doctor.get().organisationId() == null) {
            return;
        }
        Actor writer = new Actor(staff.get().id(), staff.get().displayName());
        long municipality = staff.get().organisationId();
        long practice = doctor.get().organisationId();
        long consortium = consortia.create(CONSORTIUM, municipality, writer.id(), writer);
        consortia.addMember(consortium, practice);
        consortia.addContact(consortium, doctor.get().email());

        long application = applications.start(consortium, open.get().id(), writer);
        applications.saveDraft(application, new ApplicationContent("Spisevenner efter udskrivning",
                "Ældre, der udskrives til et tomt hjem, får besøg af en frivillig spiseven de første fire uger. "
                        + "Hjemmeplejen melder behovet, og egen læge ser borgeren ved første kontrol.",
                "Færre genindlæggelser inden for 30 dage sparer sengedage og akutte besøg i hjemmeplejen.",
                "Bedre ernæring og færre fald i ugerne efter udskrivning.",
                "Borgeren har nogen at tale med og ved, hvem der kommer.",
                InnovationType.EVERYDAY,
                List.of(new ApplicationContent.BudgetLine(2027, municipality, Money.ofKroner(450_000)),
                        new ApplicationContent.BudgetLine(2027, practice, Money.ofKroner(150_000))),
                List.of("Hvad nu hvis hjemmeplejen melder behovet dagen før udskrivningen?",
                        "Hvad nu hvis egen læge ringer til borgeren efter en uge?")),
                List.of(), writer);
        applications.submit(application, writer);
        long callId = applications.find(application).callId();
        reviews.assign(callId, taskForce.get().email(), new Actor(null, "Task Force (demodata)"));
        log.info("Demodata: et konsortium med en ansøgning under bedømmelse er oprettet.");
    }
}
