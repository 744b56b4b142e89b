package dk.tvaers.ideas;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.util.List;
import java.util.Set;
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
 * Demo ideas, so a visitor does not meet an empty portal (issue 11): one in every state of the clinic's way (waiting
 * for its e-mail confirmation, submitted, in review with a question, prioritised into an initiative, referred,
 * merged, rejected), with supports and comments from the demo users of {@code accounts.DemoData}. Loaded once.
 */
@Component
@Order(6)
@ConditionalOnProperty(name = "tvaers.demo-data", havingValue = "true")
class IdeasDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdeasDemoData.class);
    static final String FIRST = "Sms-påmindelse dagen før KOL-kontrollen";

    private final Ideas ideas;
    private final IdeaReactions reactions;
    private final IdeaClinic clinic;
    private final UserDirectory users;
    private final JdbcClient jdbc;

    IdeasDemoData(Ideas ideas, IdeaReactions reactions, IdeaClinic clinic, UserDirectory users, JdbcClient jdbc) {
        this.ideas = ideas;
        this.reactions = reactions;
        this.clinic = clinic;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean loaded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM idea WHERE title = :title)").param("title", FIRST)
                .query(Boolean.class).single();
        var citizen = users.findByLogin("borger@demo.tvaers.dk");
        var staff = users.findByLogin("medarbejder@demo.tvaers.dk");
        var doctor = users.findByLogin("laege@demo.tvaers.dk");
        var consultant = users.findByLogin("konsulent@demo.tvaers.dk");
        if (loaded || citizen.isEmpty() || staff.isEmpty() || doctor.isEmpty() || consultant.isEmpty()) {
            return;
        }
        Actor clinicActor = actor(consultant.get());

        long sms = submit(FIRST, "Mange med KOL glemmer kontrollen hos egen læge og bliver i stedet indlagt akut.",
                "Kommunen sender en sms dagen før kontrollen, med et nummer man kan ringe til, hvis man er dårlig.",
                "Borgere med KOL og deres pårørende", Set.of(Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE),
                citizen.get());
        support(sms, staff.get(), doctor.get(), consultant.get());
        reactions.comment(sms, "Vi har prøvet noget lignende i Favrskov: det virker, hvis beskeden kommer om morgenen.",
                actor(staff.get()));
        reactions.comment(sms, "Hvis sms'en også når den pårørende, kan de hjælpe med at komme afsted.",
                actor(doctor.get()));

        long medicine = submit("Én fælles medicinliste for egen læge og hjemmeplejen",
                "Hjemmeplejen og egen læge har hver sin medicinliste, og fejl opdages først ved en indlæggelse.",
                "Hjemmeplejen læser og retter i Fælles Medicinkort, og lægen får besked ved ændringer.",
                "Ældre med mange slags medicin", Set.of(Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE), staff.get());
        support(medicine, doctor.get());
        clinic.assign(medicine, consultant.get().id(), consultant.get().displayName(), clinicActor);
        clinic.ask(medicine, "Hvilke hjemmeplejegrupper vil være med til at prøve det først?", clinicActor);

        long parents = submit("Telefonlinje til forældre med syge børn om aftenen",
                "Forældre kører på skadestuen om aftenen, fordi de ikke ved, om barnets feber er farlig.",
                "En sygeplejerske fra børneafdelingen svarer telefonen kl. 17–22 og kan se barnet på video.",
                "Forældre til børn under 6 år", Set.of(Sector.REGION, Sector.GENERAL_PRACTICE), doctor.get());
        support(parents, citizen.get(), staff.get());
        clinic.assign(parents, consultant.get().id(), consultant.get().displayName(), clinicActor);
        clinic.prioritise(parents, "Idéklinikken starter et projekt med børneafdelingen og to lægehuse.",
                clinicActor);

        long signs = submit("Bedre skilte på sygehusets parkeringsplads",
                "Patienter kommer for sent, fordi de ikke kan finde indgangen til ambulatoriet.",
                "Skilte med farver fra p-pladsen til hver indgang.", "Patienter og pårørende",
                Set.of(Sector.REGION), citizen.get());
        clinic.assign(signs, consultant.get().id(), consultant.get().displayName(), clinicActor);
        clinic.refer(signs, "Regionens ejendomsafdeling, som har fået idéen videre.", clinicActor);

        long reminder = submit("Påmindelse om lægekontrol på sms",
                "Man glemmer kontroller hos lægen.", "En sms før hver kontrol.", "Borgere med kronisk sygdom",
                Set.of(Sector.GENERAL_PRACTICE), staff.get());
        clinic.assign(reminder, consultant.get().id(), consultant.get().displayName(), clinicActor);
        clinic.merge(reminder, sms, "Samme idé som sms-påmindelsen før KOL-kontrollen; støtterne er flyttet dertil.",
                clinicActor);

        long parking = submit("Gratis parkering for alle pårørende",
                "Det er dyrt at besøge en indlagt i mange dage.", "Parkering er gratis for pårørende.",
                "Pårørende", Set.of(Sector.REGION), citizen.get());
        clinic.assign(parking, consultant.get().id(), consultant.get().displayName(), clinicActor);
        clinic.reject(parking, "Parkeringsafgifterne er et politisk spørgsmål for regionsrådet, ikke en innovation.",
                clinicActor);

        ideas.submit(new NewIdea("Gåhold for borgere med hjertesvigt", "Mange tør ikke bevæge sig efter udskrivning.",
                "Kommunens træningscenter starter gåhold sammen med hjerteambulatoriet.", "Borgere med hjertesvigt",
                Set.of(Sector.MUNICIPALITY, Sector.REGION), InnovationType.EVERYDAY, Region.MIDTJYLLAND, false,
                List.of()), Submitter.anonymous("Karen Jensen", "karen.jensen@eksempel.dk"));
        log.info("Demodata: 7 idéer i alle idéklinikkens tilstande er oprettet.");
    }

    private long submit(String title, String problem, String proposal, String beneficiaries, Set<Sector> sectors,
            UserAccount by) {
        return ideas.submit(new NewIdea(title, problem, proposal, beneficiaries, sectors, InnovationType.EVERYDAY,
                Region.MIDTJYLLAND, true, List.of()), Submitter.account(by.id(), by.displayName(), by.email()));
    }

    private void support(long ideaId, UserAccount... supporters) {
        for (UserAccount supporter : supporters) {
            reactions.support(ideaId, supporter.id());
        }
    }

    private static Actor actor(UserAccount user) {
        return new Actor(user.id(), user.displayName());
    }
}
