package dk.tvaers.initiatives;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
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
 * Demo data on request: the fourteen cross-sector laboratories of Region Midtjylland's leadership programme
 * (a project 2011–2013, a standing form of collaboration from 2014), selected on a development day and
 * prioritised by the steering group (in the order listed). Loaded once, after the accounts' demo organisations.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "tvaers.demo-data", havingValue = "true")
class InitiativesDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitiativesDemoData.class);

    static final List<String> LABORATORIES = List.of(
            "Behandling af borgere med KOL i eget hjem",
            "Forebyggelse af uhensigtsmæssige indlæggelser",
            "Sårbehandling",
            "Børn med inkontinens",
            "Pakkeforløb for hoftenære frakturer",
            "Fælles model for beslutning og implementering",
            "Geriatri – udkørende geriatrisk team",
            "Ny visitationsmodel for Randersklyngen",
            "Når hjemmet er ønsket om det sidste levested",
            "Sårbare patienter med misbrugsproblematikker",
            "Demens",
            "Rehabilitering – tilbage til arbejdsmarkedet",
            "Rehabilitering – den ældre medicinske patient",
            "Bedre indsats for den psykiatriske patient");

    private static final Actor STEERING_GROUP = new Actor(null, "Styregruppen (demodata)");

    private final Initiatives initiatives;
    private final OrganisationDirectory organisations;
    private final LaboratoryPriorities priorities;

    InitiativesDemoData(Initiatives initiatives, OrganisationDirectory organisations,
            LaboratoryPriorities priorities) {
        this.initiatives = initiatives;
        this.organisations = organisations;
        this.priorities = priorities;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (initiatives.search(new Initiatives.Filter(LABORATORIES.getFirst(), null, InitiativeKind.LABORATORY, null),
                1, 1).total() > 0) {
            return;
        }
        Long region = organisations.findByName("Region Midtjylland").map(Organisation::id).orElse(null);
        int rank = 1;
        for (String title : LABORATORIES) {
            long id = initiatives.start(new NewInitiative(title,
                    "Tværsektorielt laboratorium: region, kommuner og almen praksis afprøver sammen en model for bedre "
                            + "samarbejde om borgeren, med små prøvehandlinger og Triple Aim-monitorering.",
                    InitiativeKind.LABORATORY, InnovationType.EVERYDAY, region,
                    EnumSet.of(Sector.REGION, Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE), null), STEERING_GROUP);
            if (title.startsWith("Behandling af borgere med KOL") || title.startsWith("Sårbehandling")) {
                initiatives.movePhase(id, Phase.USEFUL,
                        "Modellen er afprøvet og videreføres som fast samarbejdsform fra 2014", STEERING_GROUP);
            }
            priorities.prioritise(id, rank++, "Prioriteret på udviklingsdagen", STEERING_GROUP);
        }
        log.info("Demodata: {} laboratorier er oprettet som initiativer.", LABORATORIES.size());
    }
}
