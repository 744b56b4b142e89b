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

    /** A case of the demo catalogue; money in whole kroner, scores in the order of {@link Parameter}. */
    record DemoCase(String title, String summary, Region region, Set<DiseaseGroup> diseases, Set<Theme> themes,
            Set<Sector> sectors, List<String> actors, String targetGroup, String purpose, String crossSector,
            String results, String economy, String spread, Long costKroner, Long fundingKroner, Long savingKroner,
            int[] scores, String[] notes) {}

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
        for (DemoCase demo : CASES) {
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
        log.info("Demodata for casekataloget er indlæst: {} cases.", CASES.size());
    }

    private static CaseDraft draft(DemoCase demo) {
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

    private static int[] scores(int... scores) {
        return scores;
    }

    private static String[] notes(String... notes) {
        return notes;
    }

    static final List<DemoCase> CASES = List.of(
            new DemoCase("Samblik",
                    "Fælles overblik over kliniske data for mennesker med type 2-diabetes på tværs af sygehus, kommune og almen praksis.",
                    Region.MIDTJYLLAND, Set.of(DiseaseGroup.DIABETES),
                    Set.of(Theme.DATA_SHARING, Theme.TECHNOLOGICAL_SUPPORT, Theme.CROSS_SECTOR_COLLABORATION),
                    Set.of(Sector.REGION, Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE),
                    List.of("Steno Diabetes Center Aarhus", "Region Midtjylland"),
                    "Et it-værktøj til sundhedsprofessionelle, der behandler mennesker med type 2-diabetes: læge og sygeplejerske i almen praksis, hjemmesygeplejen og sygehusets ambulatorium. Borgeren har ingen adgang til løsningen.",
                    "Patienten skal ikke selv bære sin sygehistorie mellem sektorerne. De sundhedsprofessionelle får hurtigt et relevant overblik over sygdomsspecifikke data, så behandlingen bliver bedre og fejl undgås.",
                    "Data kan ses i alle tre sektorer. Steno Diabetes Center Aarhus har udviklet løsningen med eksterne parter; hvem der skal drive den fremover, er endnu ikke afklaret.",
                    "Løsningen er pilottestet, og brugerne har givet meget positive tilbagemeldinger. Der foreligger endnu ingen effektmåling.",
                    "Udviklingen har kostet omkring 5 mio. kr., heraf 1,65 mio. kr. fra Sundhedsministeriet.",
                    "Teknologien findes og kan bruges andre steder, men juridiske spørgsmål og en fælles model for drift skal afklares først.",
                    5_000_000L, 1_650_000L, null,
                    scores(3, 2, 3, 3, 3),
                    notes("Behovet er beskrevet grundigt af de sundhedsprofessionelle, der skal bruge løsningen.",
                            "Kun pilottestet; tilbagemeldingerne er meget positive, men virkningen er ikke målt.",
                            "Den tekniske løsning er beskrevet ret udførligt.",
                            "Der er mål for de forandringer, løsningen skal skabe.",
                            "Gode muligheder, da teknologien er tilgængelig; jura og organisering mangler afklaring.")),
            new DemoCase("ViosKlinikken",
                    "Virtuel klinik, hvor borgere med KOL, lungefibrose eller hjertesvigt måler sig selv hjemme og følges tæt.",
                    Region.SJAELLAND, Set.of(DiseaseGroup.LUNG, DiseaseGroup.HEART),
                    Set.of(Theme.TECHNOLOGICAL_SUPPORT, Theme.CROSS_SECTOR_COLLABORATION),
                    Set.of(Sector.REGION, Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE, Sector.PRIVATE_COMPANY),
                    List.of("Odsherred Kommune", "Holbæk Kommune", "Lejre Kommune", "Region Sjælland"),
                    "Borgere i Odsherred, Holbæk og Lejre Kommuner med KOL, lungefibrose, alfa1-antitrypsinmangel eller hjertesvigt, som kan klare en virtuel kontakt. De får måleudstyr med hjem.",
                    "Forværring skal opdages tidligt, så borgeren kan behandles hjemme eller i kommunen i stedet for at blive indlagt. Klinikken startede i 2018 i Odsherred som et innovations- og forskningsprojekt.",
                    "Klinikken er sektorneutral: kommuner, region, almen praksis og private parter bidrager hver med deres kompetencer. Ved forværring kan borgeren få besøg af akutsygepleje, behandling hjemme eller en kommunal plads.",
                    "Der er dokumenteret klare virkninger, blandt andet færre indlæggelser og et lavere forbrug på sygehuset det første år efter inklusion.",
                    "Projektet har et budget på omkring 50 mio. kr. over fem år fra Innovationsfonden og parterne. En business case viser en nettobesparelse på 3,7 mio. kr. om året fra tredje år ved 150 borgere.",
                    "Konceptet kan overføres til andre områder, men det kræver en afklaret finansieringsmodel på tværs af sektorerne.",
                    50_000_000L, null, 3_700_000L,
                    scores(3, 4, 4, 3, 3),
                    notes("Bygger på erfaringer fra tidligere, lignende projekter.",
                            "Klare, dokumenterede virkninger for borgerne.",
                            "Velbeskrevet og offentligt tilgængeligt.",
                            "Der er mål for virkningen på borgerne, men ikke alle kan måles entydigt.",
                            "Kan overføres geografisk, når finansieringen er afklaret.")),
            new DemoCase("Vi samler kræfterne",
                    "Ni kommuner samarbejder om diagnosespecifik kræftrehabilitering på tværs af kommunegrænser.",
                    Region.HOVEDSTADEN, Set.of(DiseaseGroup.CANCER), Set.of(Theme.CROSS_SECTOR_COLLABORATION),
                    Set.of(Sector.MUNICIPALITY),
                    List.of("Ballerup Kommune", "Gladsaxe Kommune", "Herlev Kommune", "Rødovre Kommune", "Furesø Kommune",
                            "Egedal Kommune", "Gentofte Kommune", "Lyngby-Taarbæk Kommune", "Rudersdal Kommune"),
                    "Borgere, der har eller har haft kræft, og som bor i en af de ni kommuner. De diagnosespecifikke hold supplerer kommunernes egne tilbud til kræftpatienter med blandede diagnoser.",
                    "Kræftrehabilitering af høj og ensartet kvalitet, og ressourcer brugt klogt, så borgerne kan få flere forskellige tilbud.",
                    "Hvert tilbud holdes i en til tre af kommunerne efter en fordelingsnøgle. En driftsledergruppe leder samarbejdet.",
                    "Borgere med et tydeligt diagnosespecifikt behov, som kan transportere sig til en anden kommune, får tilbud af høj kvalitet. Samarbejdet er evalueret internt og laver årsrapporter.",
                    "Kommunerne betaler selv for de tilbud, de holder, så samarbejdet er økonomisk neutralt.",
                    "Vidensdeling mellem kommuner kan relativt let bruges andre steder.",
                    null, null, null,
                    scores(3, 2, 4, 3, 3),
                    notes("Bygger på erfaringer siden starten; justeret efter evaluering, med egne kvalitetsstandarder.",
                            "Intern evaluering og årsrapporter om brugen, men ingen effektmåling.",
                            "Udførligt beskrevet på samarbejdets hjemmeside.",
                            "Mål for kvalitet og ensartethed; nye udviklingsmål hvert år.",
                            "Dele, fx vidensdeling på tværs af kommuner, kan let udbredes.")),
            new DemoCase("HjerteKomMidt",
                    "Tværkommunal kvalitetsdatabase for hjerterehabilitering, efter at rehabiliteringen flyttede fra sygehus til kommune.",
                    Region.MIDTJYLLAND, Set.of(DiseaseGroup.HEART), Set.of(Theme.DATA_SHARING),
                    Set.of(Sector.MUNICIPALITY, Sector.REGION),
                    List.of("Region Midtjylland", "Aarhus Kommune", "Randers Kommune", "Herning Kommune"),
                    "Kommunernes hjerterehabilitering af borgere med iskæmisk hjertesygdom, hjertesvigt eller en hjerteklapoperation. Databasen blev oprettet i 2017.",
                    "Kommunerne indberetter de samme kvalitetsindikatorer som sygehusene gjorde, så kvaliteten kan følges, efter at rehabiliteringen kom tættere på borgernes hverdag.",
                    "Databasen er fælles for kommunerne; data deles med regionen og bruges til at skabe mere sammenhængende forløb.",
                    "Efter fem år er data valide, og de viser, at kommunerne lever op til de samme kvalitetsstandarder som sygehusene.",
                    "Hver kommune betaler omkring 19.700 kr. om året i drift, afhængigt af størrelse.",
                    "Kan bruges i andre regioner og for andre sygdomme, men kræver en del implementering.",
                    19_700L, null, null,
                    scores(3, 3, 4, 4, 3),
                    notes("Bygger på de nationale kvalitetsindikatorer for hjerterehabilitering.",
                            "Databasen virker og dokumenterer kvaliteten af rehabiliteringen.",
                            "Databasen og indberetningen er beskrevet udførligt.",
                            "Klare mål for arbejdet med databasen.",
                            "Kan overføres, men kræver en del implementering.")),
            new DemoCase("MinSP",
                    "Patienternes adgang til deres egen journal, aftaler, spørgeskemaer og beskeder i to regioner.",
                    Region.HOVEDSTADEN, Set.of(DiseaseGroup.HEART, DiseaseGroup.LUNG, DiseaseGroup.OTHER),
                    Set.of(Theme.TECHNOLOGICAL_SUPPORT, Theme.DATA_SHARING), Set.of(Sector.REGION),
                    List.of("Region Hovedstaden", "Region Sjælland"),
                    "Patienter, der vil tage aktivt del i eget forløb, og deres pårørende. Omkring 900.000 brugere, heraf 250.000 aktive hver måned, især mennesker med kronisk sygdom.",
                    "Mere patientinddragelse: se forløb og prøvesvar, booke tider, svare på PRO-skemaer, indberette egne målinger og skrive med behandlerne. Nu også hjemmebehandling på hjerte- og lungeområdet.",
                    "Et tværregionalt ledelsesteam med udviklingsteams for app, PRO, hjemmebehandling og udbredelse, og et supportteam for patienter.",
                    "Interne, mest kvalitative undersøgelser: mange patienter er glade for at kunne holde styr på aftaler og prøvesvar.",
                    "Ni til tolv ansatte i drift og omkring 32 i udviklingsteams, plus licens. Platformen kræver mange ressourcer.",
                    "Kan overføres til andre regioner, men det er ressourcekrævende.",
                    null, null, null,
                    scores(2, 2, 2, 2, 2),
                    notes("Ikke knyttet til en navngiven teori; bygger på ønsket om patientinddragelse.",
                            "Kun interne erfaringsopsamlinger.",
                            "Der findes en beskrivelse af indsatsen.",
                            "Kun overordnede målsætninger.",
                            "Muligt, men ressourcekrævende at implementere.")),
            new DemoCase("V4M",
                    "Videomøder mellem patient, pårørende, kommune og sygehus om ældre patienters indlæggelse og udskrivelse.",
                    null, Set.of(DiseaseGroup.MULTIMORBIDITY),
                    Set.of(Theme.TECHNOLOGICAL_SUPPORT, Theme.CROSS_SECTOR_COLLABORATION),
                    Set.of(Sector.REGION, Sector.MUNICIPALITY),
                    List.of("VIVE – Det Nationale Forsknings- og Analysecenter for Velfærd"),
                    "Ældre patienter med multisygdom, gennemsnitligt 83 år og med omkring ti diagnoser ved indlæggelsen.",
                    "De fire parter laver sammen mål og plan for forløbet, så indlæggelse og udskrivelse hænger sammen, og patient og pårørende er med i beslutningerne.",
                    "Sygehuset planlægger og holder mødet; kommunen deltager over video via den fælles videoinfrastruktur.",
                    "Elleve forløb er undersøgt. Ingen deltagere oplevede mødet som spild af tid, og alle så det som centralt for et godt forløb. Større undersøgelser er nødvendige.",
                    "Forskningen er finansieret af Novo Nordisk. Videoløsningen findes allerede i regionerne, så der er ingen ekstra udgift til teknik.",
                    "Løser et problem, der findes i hele sundhedsvæsenet.",
                    null, null, null,
                    scores(3, 2, 3, 3, 4),
                    notes("Bygger på egen og VIVEs forskning om målgruppen.",
                            "Gode indikationer, men kun få forløb undersøgt.",
                            "Grundige beskrivelser bliver offentliggjort af VIVE.",
                            "Mål sættes for hver patient ud fra patientens behov.",
                            "Relevant for alle dele af sundhedsvæsenet.")),
            new DemoCase("LIVA (Aalborg Kommune)",
                    "Digital sundhedsvejledning i en app, med en kommunal sundhedsvejleder og borgerens egne mål.",
                    Region.NORDJYLLAND, Set.of(DiseaseGroup.DIABETES, DiseaseGroup.HEART, DiseaseGroup.LUNG),
                    Set.of(Theme.TECHNOLOGICAL_SUPPORT), Set.of(Sector.MUNICIPALITY, Sector.PRIVATE_COMPANY),
                    List.of("Aalborg Kommune", "LIVA Healthcare"),
                    "Borgere, der er motiverede for at ændre vaner, både selvhenvendere og borgere med kronisk sygdom henvist af læge eller sygehus.",
                    "Varige ændringer i kost, motion og søvn, med støtte fra en sundhedsvejleder gennem hele forløbet.",
                    "Egen læge og sygehus henviser; kommunen leverer forløbet.",
                    "Kommunen har ikke selv evalueret tilbuddet, men oplever, at det virker for mange af de deltagende borgere.",
                    "Der er ikke et klart overblik over ressourcerne; oplevelsen er, at udgiften står mål med virkningen.",
                    "Bruges allerede i mange kommuner.",
                    null, null, null,
                    scores(2, 2, 3, 3, 4),
                    notes("Ikke beskrevet, hvilken teori forløbet bygger på.",
                            "Ingen evaluering i kommunen; kun oplevet virkning.",
                            "Relativt udførligt beskrevet.",
                            "Realistiske og målbare mål for hver borger.",
                            "Bruges allerede i mange kommuner.")),
            new DemoCase("BackTrace",
                    "App til borgere med lænderygsmerter og portal til de sundhedsprofessionelle, de møder undervejs.",
                    Region.MIDTJYLLAND, Set.of(DiseaseGroup.MUSCULOSKELETAL),
                    Set.of(Theme.TECHNOLOGICAL_SUPPORT, Theme.DATA_SHARING, Theme.CROSS_SECTOR_COLLABORATION),
                    Set.of(Sector.REGION, Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE, Sector.KNOWLEDGE_INSTITUTION),
                    List.of("Region Midtjylland", "Hospitalsenheden Midt"),
                    "Borgere med lænderygsmerter, hvor to eller flere aktører er involveret i forløbet; også borgere med kortvarige rygsmerter, der vil følge sig selv.",
                    "Borgeren registrerer smerter og aktiviteter og deler dem med de sundhedsprofessionelle, så forløbet bliver mere sammenhængende.",
                    "Udvikles i Region Midtjylland i partnerskab med forskere, driftsenheder, konsulenter og it-leverandører.",
                    "Pilotprojektet er evalueret, men evalueringen er ikke offentliggjort endnu. Tilbagemeldingerne er meget positive.",
                    "Finansieret af regionen, Sundhedsministeriet og andre bidragydere; mindst 7,7 mio. kr. kan opgøres.",
                    "Løser et problem, der findes i hele sundhedsvæsenet; kan bruges for andre forløb.",
                    null, 7_700_000L, null,
                    scores(3, 2, 3, 3, 3),
                    notes("Bygger på egen undersøgelse af målgruppen.",
                            "Kun pilottestet.",
                            "Grundige beskrivelser på Hospitalsenheden Midts hjemmeside.",
                            "Hovedmål og delmål for patienter og sundhedsvæsen.",
                            "Relevant på tværs af sundhedsvæsenet.")),
            new DemoCase("Diabetesbussen",
                    "En bus med udstyr til diabetesundersøgelser kører ud til sårbare borgere på bosteder, herberger og i fængsler.",
                    Region.SJAELLAND, Set.of(DiseaseGroup.DIABETES, DiseaseGroup.MENTAL),
                    Set.of(Theme.SOCIAL_INEQUALITY, Theme.CROSS_SECTOR_COLLABORATION),
                    Set.of(Sector.REGION, Sector.MUNICIPALITY),
                    List.of("Steno Diabetes Center Sjælland", "Nykøbing Falster Sygehus", "Vordingborg Kommune",
                            "Guldborgsund Kommune", "Lolland Kommune"),
                    "Sårbare borgere med diabetes, som ikke kommer til de almindelige undersøgelser for senkomplikationer, fx fordi de også har psykisk sygdom, misbrug, svagt netværk eller sproglige udfordringer.",
                    "At finde senkomplikationer tidligt hos borgere, der ellers ikke bliver undersøgt, med et netværk omkring dem, der kan følge op på svarene.",
                    "Startede på Nykøbing Falster Sygehus med Steno Diabetes Center Sjælland og tre kommuner; nu knyttet til en klinik ved psykiatrien.",
                    "Der er endnu ikke viden om virkningen.",
                    "Den største udgift var køb og ombygning af bussen; dertil drift og frikøb af personale.",
                    "Kan bruges i andre områder og for andre målgrupper.",
                    null, null, null,
                    scores(2, 1, 2, 3, 3),
                    notes("Ikke beskrevet, hvilken viden indsatsen bygger på.",
                            "Ingen viden om virkningen endnu.",
                            "Kun en kortere offentlig beskrivelse.",
                            "Konkrete succesmål er fastsat.",
                            "Kan overføres til andre områder og målgrupper.")),
            new DemoCase("Sammen om dit helbred",
                    "Almen praksis opsporer og behandler hjertekarsygdom og diabetes hos patienter med svær psykisk sygdom.",
                    Region.HOVEDSTADEN, Set.of(DiseaseGroup.MENTAL, DiseaseGroup.HEART, DiseaseGroup.DIABETES),
                    Set.of(Theme.SOCIAL_INEQUALITY, Theme.CROSS_SECTOR_COLLABORATION),
                    Set.of(Sector.REGION, Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE),
                    List.of("Region Hovedstaden", "Psykiatrisk Center København", "Københavns Kommune"),
                    "Patienter på 36 til 65 år i Københavns Kommune med skizofreni, psykose eller bipolar lidelse. Forskningsprojekt 2016–2020.",
                    "Bedre opsporing af hjertekarsygdom, diabetes, forhøjet blodtryk og kolesterol, start af behandling og fastholdelse i den, fordi målgruppen har en markant overdødelighed.",
                    "Samarbejde mellem regionens forskning, psykiatrien, kommunens psykiatri og almen praksis.",
                    "Evalueringen viser, at indsatsen kan lade sig gøre, men kun en udvalgt del af målgruppen deltog i screeningen og fulgte behandlingen.",
                    "Finansieret af sundhedsaftalen og almen praksis' kvalitets- og efteruddannelsesmidler med 3,5 mio. kr.",
                    "Kan udvides til andre somatiske sygdomme for den del af målgruppen, den virker for.",
                    null, 3_500_000L, null,
                    scores(3, 3, 3, 2, 2),
                    notes("Udviklet med samskabelse, observationsstudier og litteraturgennemgang.",
                            "Evalueret; virkning vist for en udvalgt del af målgruppen.",
                            "Relativt velbeskrevet som forskningsprojekt.",
                            "Kun et overordnet mål, ikke mål for den enkelte læge eller patient.",
                            "Virker kun for en del af målgruppen.")),
            new DemoCase("Fleksible konsultationer",
                    "Ekstra tid og fleksibilitet i diabetesbehandlingen til voksne, der har svært ved den almindelige ambulante behandling.",
                    Region.MIDTJYLLAND, Set.of(DiseaseGroup.DIABETES), Set.of(Theme.SOCIAL_INEQUALITY),
                    Set.of(Sector.REGION),
                    List.of("Steno Diabetes Center Aarhus"),
                    "Voksne med diabetes med vedvarende dårlig regulering, mange udeblivelser, dårlig trivsel eller flere kroniske sygdomme. Projekt fra 2019 til 2021.",
                    "Bedre blodsukker, bedre mental trivsel, færre udeblivelser og mere indflydelse på eget forløb.",
                    "Et tværfagligt team i diabetesambulatoriet havde ansvaret og tilpassede tilbuddet undervejs.",
                    "Intern evaluering tyder på positive virkninger for nogle af patienterne.",
                    "Afprøvningen kostede omkring 2,9 mio. kr.",
                    "Idéen kan overføres, men kræver et tværfagligt team og flere faggrupper.",
                    2_900_000L, null, null,
                    scores(3, 2, 2, 2, 2),
                    notes("Bygger på empowerment-tilgangen og erfaringer.",
                            "Intern evaluering; positive tegn for nogle.",
                            "Projektbeskrivelse, der er ændret undervejs.",
                            "Kun et overordnet mål for patienterne.",
                            "Kræver flere faggrupper og en særlig organisering.")),
            new DemoCase("Navigatortilbud for kræftpatienter",
                    "Frivillige navigatorer støtter socialt sårbare kræftpatienter gennem forløbet, i hele landet.",
                    Region.NATIONAL, Set.of(DiseaseGroup.CANCER), Set.of(Theme.SOCIAL_INEQUALITY),
                    Set.of(Sector.PATIENT_ORGANISATION),
                    List.of("Kræftens Bekæmpelse"),
                    "Socialt sårbare kræftpatienter over 18 år, der har svært ved at klare forløbet selv, fx fordi de ikke har pårørende.",
                    "Et bedre liv med og efter kræft: mere trivsel og bedre sundhedskompetence gennem støtte fra en frivillig.",
                    "Kræftens Bekæmpelse driver tilbuddet med en faglig leder og regionale koordinatorer, der finder og støtter de frivillige.",
                    "En grundig evaluering viser, at en frivillig navigator kan rumme de mange problemer, sårbare kræftpatienter har, og styrke deres sundhedskompetence.",
                    "Ikke dyrt at drive, fordi det bygger på frivillige, men det er en én-til-én-indsats med løn til leder og koordinatorer.",
                    "Allerede landsdækkende og kan bruges for andre sygdomme; implementeringen tager tid.",
                    null, null, null,
                    scores(3, 3, 4, 3, 3),
                    notes("Bygger på viden om socialt sårbare patienters behov.",
                            "Grundig intern evaluering af indsatsen.",
                            "Udførligt beskrevet.",
                            "Mål for de positive forandringer, tilbuddet skal skabe.",
                            "Landsdækkende; kan overføres til andre sygdomme med lang implementering.")),
            new DemoCase("Sammen om diabetes",
                    "Et helhedsorienteret forløb i tolv måneder for voksne med type 2-diabetes i Aarhus.",
                    Region.MIDTJYLLAND, Set.of(DiseaseGroup.DIABETES),
                    Set.of(Theme.SOCIAL_INEQUALITY, Theme.CROSS_SECTOR_COLLABORATION),
                    Set.of(Sector.MUNICIPALITY, Sector.REGION, Sector.GENERAL_PRACTICE),
                    List.of("Aarhus Kommune", "Steno Diabetes Center Aarhus"),
                    "Voksne i Aarhus Kommune med type 2-diabetes, der er motiverede for at arbejde med vaner og trivsel og har brug for en ekstra håndholdt indsats. Henvises fra almen praksis og Steno Diabetes Center Aarhus.",
                    "Sund livsstil og færre senkomplikationer, med individuelle og gruppebaserede tiltag og opfølgning i to år efter forløbet.",
                    "Udviklet og evalueret af Aarhus Kommune, Steno Diabetes Center Aarhus og almen praksis; kommunen gennemfører forløbet.",
                    "Virkningen kan først måles om flere år; en model for evalueringen er lavet. Pilotprojektet gav viden om virkninger.",
                    "Omkring 40.000 kr. pr. deltagende borger.",
                    "Vurderes at kunne bruges for andre målgrupper.",
                    null, null, null,
                    scores(3, 2, 3, 4, 3),
                    notes("Bygger på internationale studier og et pilotprojekt.",
                            "Viden fra pilotprojektet, endnu ikke fra selve projektet.",
                            "Konkret beskrivelse af indhold og kompetencer, ikke af udviklingen.",
                            "Konkrete mål for borgernes sundhed.",
                            "Kan overføres til andre målgrupper.")));
}
