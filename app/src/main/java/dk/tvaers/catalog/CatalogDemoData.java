package dk.tvaers.catalog;

import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data on request ({@code TVAERS_DEMO_DATA=true}), after the accounts module's organisations: the thirteen
 * cases of the national case catalogue (seed 004) with their facts in our own words, each with an assessment read
 * from the catalogue's stated judgements, published, and one story. Loaded once; a second start leaves it alone.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "tvaers.demo-data", havingValue = "true")
class CatalogDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);
    private static final Actor EDITOR = new Actor(null, "Tværs demodata");

    /**
     * The cases whose initiative is in Tværs too (started here as projects), so that the economy module can give them
     * a business case: ViosKlinikken (a positive business case) and Vi samler kræfterne (economically neutral).
     */
    static final Set<String> WITH_INITIATIVE = Set.of("ViosKlinikken", "Vi samler kræfterne");

    private final CaseCatalog catalog;
    private final CaseSearch search;
    private final Stories stories;
    private final Initiatives initiatives;

    CatalogDemoData(CaseCatalog catalog, CaseSearch search, Stories stories, Initiatives initiatives) {
        this.catalog = catalog;
        this.search = search;
        this.stories = stories;
        this.initiatives = initiatives;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (search.listForEditors("Samblik", null, 1, 1).total() > 0) {
            log.info("Demodata for casekataloget findes allerede.");
            return;
        }
        Long navigator = null;
        for (CatalogDemoCases.DemoCase demo : CatalogDemoCases.CASES) {
            Long initiative = WITH_INITIATIVE.contains(demo.title())
                    ? initiatives.start(new NewInitiative(demo.title(), demo.summary(), InitiativeKind.PROJECT,
                            InnovationType.EVERYDAY, null, demo.sectors(), null), EDITOR)
                    : null;
            long id = catalog.create(draft(demo), initiative, EDITOR);
            Map<Parameter, Integer> scores = new EnumMap<>(Parameter.class);
            Map<Parameter, String> notes = new EnumMap<>(Parameter.class);
            for (Parameter p : Parameter.values()) {
                scores.put(p, demo.scores()[p.ordinal()]);
                notes.put(p, demo.notes()[p.ordinal()]);
            }
            long assessment = catalog.assess(id, new NewAssessment(scores, notes), EDITOR);
            catalog.publish(id, 1, assessment, EDITOR);
            if (demo.title().startsWith("Navigatortilbud")) {
                navigator = id;
            }
        }
        stories.write("En frivillig ved siden af gennem kræftforløbet",
                "Socialt sårbare kræftpatienter, der står alene, kan få en frivillig navigator, som følger dem til "
                        + "samtaler og hjælper med at holde styr på forløbet.",
                "Når man får kræft og ikke har nogen at støtte sig til, kan et behandlingsforløb være svært at overskue. "
                        + "Kræftens Bekæmpelse matcher derfor sårbare patienter med en frivillig navigator.\n\n"
                        + "Navigatoren går med til samtaler, hjælper med breve og aftaler og er en at tale med. "
                        + "En evaluering peger på, at patienterne bliver bedre til at forstå og håndtere deres forløb.\n\n"
                        + "Tilbuddet findes i hele landet, og idéen kan bruges for andre sygdomme.",
                navigator, null, EDITOR);
        log.info("Demodata for casekataloget er indlæst: {} cases.", CatalogDemoCases.CASES.size());
    }

    private static CaseDraft draft(CatalogDemoCases.DemoCase demo) {
        Map<CaseSection, String> sections = new EnumMap<>(CaseSection.class);
        sections.put(CaseSection.TARGET_GROUP, demo.targetGroup());
        sections.put(CaseSection.PURPOSE, demo.purpose());
        sections.put(CaseSection.CROSS_SECTOR, demo.crossSector());
        sections.put(CaseSection.RESULTS, demo.results());
        sections.put(CaseSection.ECONOMY, demo.economy());
        sections.put(CaseSection.SPREAD, demo.spread());
        return new CaseDraft(demo.title(), demo.summary(), demo.region(), demo.diseases(), demo.themes(), demo.sectors(),
                demo.actors(), sections, ore(demo.costKroner()), ore(demo.fundingKroner()), ore(demo.savingKroner()));
    }

    private static Long ore(Long kroner) {
        return kroner == null ? null : kroner * 100;
    }
}
