package dk.tvaers.accounts;

import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data on request ({@code TVAERS_DEMO_DATA=true}): the organisations of Region Midtjylland — the region, its
 * hospitals, its 19 municipalities, general practice — a few companies, knowledge institutions and patient
 * organisations, and one demo user per role. Loaded once; a second start finds it and leaves it alone.
 * The demo users share one password, from {@code TVAERS_DEMO_PASSWORD} or generated and printed to the log.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "tvaers.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String REGION = "Region Midtjylland";

    static final List<String> MUNICIPALITIES = List.of(
            "Favrskov Kommune", "Hedensted Kommune", "Herning Kommune", "Holstebro Kommune", "Horsens Kommune",
            "Ikast-Brande Kommune", "Lemvig Kommune", "Norddjurs Kommune", "Odder Kommune", "Randers Kommune",
            "Ringkøbing-Skjern Kommune", "Samsø Kommune", "Silkeborg Kommune", "Skanderborg Kommune",
            "Skive Kommune", "Struer Kommune", "Syddjurs Kommune", "Viborg Kommune", "Aarhus Kommune");

    static final List<String> HOSPITALS = List.of(
            "Aarhus Universitetshospital", "Regionshospitalet Randers", "Regionshospitalet Horsens",
            "Regionshospitalet Gødstrup", "Regionshospitalet Viborg", "Regionshospitalet Silkeborg",
            "Psykiatrien i Region Midtjylland", "Præhospitalet Region Midtjylland");

    static final List<String> GENERAL_PRACTICE = List.of(
            "PLO-Midtjylland", "Lægehuset i Randers (demo)", "Lægerne i Herning Midtby (demo)",
            "Skanderborg Lægehus (demo)");

    static final List<String> COMPANIES = List.of(
            "Telemedicin Midt ApS (demo)", "SundData A/S (demo)", "Hjemmemonitorering Danmark ApS (demo)");

    static final List<String> KNOWLEDGE = List.of(
            "Aarhus Universitet", "VIA University College", "DEFACTUM", "Alexandra Instituttet");

    static final List<String> PATIENT_ORGANISATIONS = List.of(
            "Danske Patienter", "Hjerteforeningen", "Lungeforeningen", "Diabetesforeningen", "Kræftens Bekæmpelse");

    private final OrganisationDirectory organisations;
    private final UserDirectory users;
    private final String demoPassword;

    DemoData(OrganisationDirectory organisations, UserDirectory users,
            @Value("${tvaers.demo.password:${TVAERS_DEMO_PASSWORD:}}") String demoPassword) {
        this.organisations = organisations;
        this.users = users;
        this.demoPassword = demoPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organisations.findByName(REGION).isPresent()) {
            log.info("Demodata findes allerede.");
            return;
        }
        Map<String, Sector> all = new LinkedHashMap<>();
        all.put(REGION, Sector.REGION);
        HOSPITALS.forEach(name -> all.put(name, Sector.REGION));
        MUNICIPALITIES.forEach(name -> all.put(name, Sector.MUNICIPALITY));
        GENERAL_PRACTICE.forEach(name -> all.put(name, Sector.GENERAL_PRACTICE));
        COMPANIES.forEach(name -> all.put(name, Sector.PRIVATE_COMPANY));
        KNOWLEDGE.forEach(name -> all.put(name, Sector.KNOWLEDGE_INSTITUTION));
        PATIENT_ORGANISATIONS.forEach(name -> all.put(name, Sector.PATIENT_ORGANISATION));
        Map<String, Long> ids = new LinkedHashMap<>();
        all.forEach((name, sector) -> {
            Region region = sector == Sector.PATIENT_ORGANISATION ? Region.NATIONAL : Region.MIDTJYLLAND;
            ids.put(name, organisations.create(new OrganisationDetails(name, sector, region, null), Actor.SYSTEM).id());
        });

        String password = demoPassword.isBlank() ? PasswordGenerator.generate(16) : demoPassword;
        createUser("borger@demo.tvaers.dk", "Birthe Borger", null, Role.CITIZEN, password);
        createUser("medarbejder@demo.tvaers.dk", "Mads Medarbejder", ids.get("Randers Kommune"), Role.STAFF, password);
        createUser("laege@demo.tvaers.dk", "Lise Læge", ids.get("Lægehuset i Randers (demo)"), Role.STAFF, password);
        createUser("konsulent@demo.tvaers.dk", "Karin Konsulent", ids.get(REGION), Role.INNOVATION_CONSULTANT,
                password);
        createUser("taskforce@demo.tvaers.dk", "Torben Task Force", ids.get(REGION), Role.TASK_FORCE, password);
        createUser("analytiker@demo.tvaers.dk", "Anna Analytiker", ids.get(REGION), Role.ANALYST, password);
        createUser("oekonomi@demo.tvaers.dk", "Ole Økonomi", ids.get(REGION), Role.FINANCE, password);
        createUser("administrator@demo.tvaers.dk", "Aksel Administrator", ids.get(REGION), Role.ADMINISTRATOR,
                password);
        log.warn("""

                ================================================================
                 Tværs: demodata er indlæst ({} organisationer).
                 Demobrugere (én pr. rolle), alle med adgangskoden: {}
                   borger@demo.tvaers.dk, medarbejder@demo.tvaers.dk,
                   laege@demo.tvaers.dk, konsulent@demo.tvaers.dk,
                   taskforce@demo.tvaers.dk, analytiker@demo.tvaers.dk,
                   administrator@demo.tvaers.dk
                ================================================================""", ids.size(),
                demoPassword.isBlank() ? password : "(fra TVAERS_DEMO_PASSWORD)");
    }

    private void createUser(String email, String name, Long organisationId, Role role, String password) {
        if (users.findByLogin(email).isPresent()) {
            // another module's demo data (or its test) made this demo user already: one user per address
            return;
        }
        users.create(new UserAttributes(email, name, organisationId, Set.of(role)), password, false, Actor.SYSTEM);
    }
}
