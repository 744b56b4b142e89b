package dk.tvaers.challenges;

import dk.tvaers.accounts.Actor;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Pool;
import dk.tvaers.shared.Region;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data on request: the four innovation questions and the four experiments that Region Midtjylland's Task Force
 * posed in 2012, each with its (long closed) call in the 2012–2013 pool. The early psychiatric effort had no
 * applicants, so its call can be opened again. Loaded once, after the funding demo data.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "tvaers.demo-data", havingValue = "true")
class ChallengesDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChallengesDemoData.class);
    private static final Actor TASK_FORCE = new Actor(null, "Task Force (demodata)");
    private static final String POOL = "Task Force-puljen 2012–2013";

    record Demo(ChallengeKind kind, String title, String vision, String description, String question,
            LocalDate published, LocalDate deadline) {}

    static final List<Demo> CHALLENGES = List.of(
            new Demo(ChallengeKind.INNOVATION_QUESTION, "Tryghed for borgere med kronisk sygdom",
                    "Borgere med kronisk sygdom lever trygt i eget hjem og ved, hvem de kan ringe til.",
                    "Mange med KOL, hjertesvigt eller diabetes bliver indlagt akut, fordi de bliver utrygge, når "
                            + "symptomerne skifter. Hjælpen findes i flere sektorer, men hænger ikke sammen for dem.",
                    "Hvad nu hvis borgeren med kronisk sygdom er tryg?",
                    LocalDate.of(2012, 2, 1), LocalDate.of(2012, 4, 1)),
            new Demo(ChallengeKind.INNOVATION_QUESTION, "Trygge forældre med syge børn",
                    "Forældre til syge børn kan passe deres barn hjemme med sygehuset inden for rækkevidde.",
                    "Forældre søger ofte til sygehuset, fordi de er usikre på, om barnets symptomer er farlige, og "
                            + "fordi kommunens og praktiserende lægers tilbud ikke er kendt af dem.",
                    "Hvad nu hvis forældre til syge børn er trygge derhjemme?",
                    LocalDate.of(2012, 2, 1), LocalDate.of(2012, 4, 1)),
            new Demo(ChallengeKind.INNOVATION_QUESTION, "Ældres modstandskraft",
                    "Ældre borgere bevarer kræfter og netværk, så et fald eller en infektion ikke bliver en indlæggelse.",
                    "Ældre medicinske patienter genindlægges ofte kort efter udskrivning. Ingen ansøgning har endnu "
                            + "vist en løsning, der styrker modstandskraften på tværs af sektorerne.",
                    "Hvad nu hvis ældre borgere kan klare sig selv længere?",
                    LocalDate.of(2012, 2, 1), LocalDate.of(2012, 4, 1)),
            new Demo(ChallengeKind.INNOVATION_QUESTION, "Jobcentre og sundhed",
                    "Borgere med helbredsproblemer får hjælp til både helbred og job i ét sammenhængende forløb.",
                    "Jobcentre og sundhedsvæsenet arbejder hver for sig med de samme borgere, f.eks. ved stress, "
                            + "psykisk sygdom og unge uden uddannelse.",
                    "Hvad nu hvis jobcentret og sundhedsvæsenet hjælper borgeren sammen?",
                    LocalDate.of(2012, 8, 1), LocalDate.of(2012, 10, 1)),
            new Demo(ChallengeKind.EXPERIMENT, "Eksperiment: Slip sundheden fri",
                    "", "Task Forcen har valgt at afprøve, hvad der sker, når fagfolk får frihed til at tilrettelægge "
                            + "indsatsen ud fra borgerens behov frem for regler og snitflader. Et konsortium søges.",
                    "", LocalDate.of(2012, 9, 1), LocalDate.of(2012, 11, 1)),
            new Demo(ChallengeKind.EXPERIMENT, "Eksperiment: Et interaktivt skulderforløb",
                    "", "Patienter med skulderlidelser følger et forløb med digital træning og vejledning mellem "
                            + "sygehus, fysioterapeut og egen læge. Et konsortium søges til at afprøve det.",
                    "", LocalDate.of(2012, 9, 1), LocalDate.of(2012, 11, 1)),
            new Demo(ChallengeKind.EXPERIMENT, "Eksperiment: Multisyge",
                    "", "Borgere med flere kroniske sygdomme samles om én plan og én koordinerende behandler i stedet "
                            + "for mange adskilte forløb. Et konsortium søges.",
                    "", LocalDate.of(2012, 9, 1), LocalDate.of(2012, 11, 1)),
            new Demo(ChallengeKind.EXPERIMENT, "Eksperiment: Tidlig indsats i psykiatrien",
                    "", "Borgere med begyndende psykisk sygdom får hjælp tidligt i samarbejde mellem kommune, egen læge "
                            + "og psykiatrien. Ingen søgte; opslaget kan åbnes igen.",
                    "", LocalDate.of(2013, 3, 1), LocalDate.of(2013, 5, 1)));

    private final Challenges challenges;
    private final Funding funding;
    private final java.time.Clock clock;

    ChallengesDemoData(Challenges challenges, Funding funding, java.time.Clock clock) {
        this.challenges = challenges;
        this.funding = funding;
        this.clock = clock;
    }

    /** An innovation question open now, with a call eight weeks from the start, so a visitor can apply. */
    static final String OPEN = "Ensomme ældre efter udskrivning";

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!challenges.exists(OPEN)) {
            Long pool2014 = funding.pools().stream().filter(p -> p.name().equals("Task Force-puljen 2014"))
                    .map(Pool::id).findFirst().orElse(null);
            Instant now = clock.instant();
            challenges.publishAsOf(new NewChallenge(ChallengeKind.INNOVATION_QUESTION, OPEN,
                    "Ældre, der kommer hjem fra sygehuset, har nogen at tale med og spise sammen med.",
                    "Ældre udskrives ofte til et tomt hjem. Ensomheden ejes af ingen sektor, og genindlæggelserne "
                            + "stiger. Kommune, sygehus, egen læge og foreninger søges til at prøve noget sammen.",
                    "Hvad nu hvis ingen ældre kommer hjem til et tomt hjem?", Region.MIDTJYLLAND, pool2014,
                    now.plus(java.time.Duration.ofDays(56))), now, TASK_FORCE);
            log.info("Demodata: en åben udfordring med opslag er oprettet.");
        }
        if (challenges.exists(CHALLENGES.getFirst().title())) {
            return;
        }
        Long pool = funding.pools().stream().filter(p -> p.name().equals(POOL)).map(Pool::id).findFirst()
                .orElse(null);
        ZoneId zone = ZoneId.of("Europe/Copenhagen");
        for (Demo demo : CHALLENGES) {
            Instant deadline = demo.deadline().atTime(12, 0).atZone(zone).toInstant();
            challenges.publishAsOf(new NewChallenge(demo.kind(), demo.title(), demo.vision(), demo.description(),
                    demo.question(), Region.MIDTJYLLAND, pool, deadline),
                    demo.published().atStartOfDay(zone).toInstant(), TASK_FORCE);
        }
        log.info("Demodata: {} udfordringer fra Task Forcen er oprettet.", CHALLENGES.size());
    }
}
