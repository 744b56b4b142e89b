package dk.tvaers.registrations;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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
 * Demo registrations (only with demo data on): HjerteKomMidt's heart-rehabilitation scheme with the four indicator
 * kinds of the seeds (attendance, physical training, screening for anxiety and depression, change in physical work
 * capacity) for the 19 municipalities of Region Midtjylland in five clusters, synthetic citizens (seeded, so the same
 * every time) with realistic gaps: units differ in how completely they register, and about one in five drops out
 * before the end (no end registrations). One PRO questionnaire (EQ-5D-5L-style items and an experience item) with
 * triage; some of Randers' citizens have answered, two of them red and on the triage list.
 */
@Component
@Order(12)
@ConditionalOnProperty(name = "tvaers.demo-data", havingValue = "true")
class RegistrationsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegistrationsDemoData.class);
    static final String CODE = "HJERTEKOMMIDT";
    private static final Actor EDITOR = new Actor(null, "Tværs demodata");

    /** Municipality, its code, its cluster (the hospital units' catchments), courses a year. */
    record Municipality(String name, String code, String cluster, int courses) {}

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("Herning Kommune", "657", "Vest", 90),
            new Municipality("Holstebro Kommune", "661", "Vest", 60),
            new Municipality("Ikast-Brande Kommune", "756", "Vest", 45),
            new Municipality("Lemvig Kommune", "665", "Vest", 22),
            new Municipality("Ringkøbing-Skjern Kommune", "760", "Vest", 60),
            new Municipality("Struer Kommune", "671", "Vest", 23),
            new Municipality("Randers Kommune", "730", "Nord", 100),
            new Municipality("Norddjurs Kommune", "707", "Nord", 40),
            new Municipality("Syddjurs Kommune", "706", "Nord", 42),
            new Municipality("Favrskov Kommune", "710", "Nord", 48),
            new Municipality("Viborg Kommune", "791", "Midt", 95),
            new Municipality("Skive Kommune", "779", "Midt", 50),
            new Municipality("Silkeborg Kommune", "740", "Midt", 95),
            new Municipality("Aarhus Kommune", "751", "Øst", 320),
            new Municipality("Samsø Kommune", "741", "Øst", 2),
            new Municipality("Odder Kommune", "727", "Øst", 23),
            new Municipality("Skanderborg Kommune", "746", "Øst", 60),
            new Municipality("Horsens Kommune", "615", "Syd", 90),
            new Municipality("Hedensted Kommune", "766", "Syd", 47));

    private final Schemes schemes;
    private final Initiatives initiatives;
    private final OrganisationDirectory organisations;
    private final RegistrationImport imports;
    private final Registrations registrations;
    private final Pro pro;
    private final JdbcClient jdbc;

    RegistrationsDemoData(Schemes schemes, Initiatives initiatives, OrganisationDirectory organisations,
            RegistrationImport imports, Registrations registrations, Pro pro, JdbcClient jdbc) {
        this.schemes = schemes;
        this.initiatives = initiatives;
        this.organisations = organisations;
        this.imports = imports;
        this.registrations = registrations;
        this.pro = pro;
        this.jdbc = jdbc;
    }

    static List<Indicator> indicators() {
        return List.of(
                new Indicator("ATTENDANCE", 0, "Mødt til afklarende samtale", ValueType.YES_NO, "", null, null, "",
                        Set.of(TimePoint.START), true, FulfilmentRule.SHARE_YES, TimePoint.START, null),
                new Indicator("SCREENING", 1, "Screenet for angst og depression (HADS)", ValueType.YES_NO, "", null,
                        null, "", Set.of(TimePoint.START), true, FulfilmentRule.SHARE_YES, TimePoint.START, null),
                new Indicator("CAPACITY", 2, "Fysisk arbejdskapacitet", ValueType.DECIMAL, "W", BigDecimal.ZERO,
                        BigDecimal.valueOf(400), "", Set.of(TimePoint.START, TimePoint.END), true,
                        FulfilmentRule.MEDIAN_CHANGE, null, null),
                new Indicator("IN_TRAINING", 3, "Deltager fortsat i holdtræning", ValueType.YES_NO, "", null, null, "",
                        Set.of(TimePoint.DURING), true, FulfilmentRule.SHARE_YES, TimePoint.DURING, null),
                new Indicator("TRAINING", 4, "Gennemførte træningsgange (af 24)", ValueType.WHOLE, "gange",
                        BigDecimal.ZERO, BigDecimal.valueOf(24), "", Set.of(TimePoint.END), true,
                        FulfilmentRule.SHARE_AT_LEAST, TimePoint.END, BigDecimal.valueOf(18)),
                new Indicator("REFERRED_BY", 5, "Henvist fra", ValueType.CHOICE, "", null, null,
                        "HOSPITAL=Sygehus|GP=Egen læge|OTHER=Andet", Set.of(TimePoint.START), false,
                        FulfilmentRule.NONE, null, null),
                new Indicator("FINAL_TALK", 6, "Dato for afsluttende samtale", ValueType.DATE, "", null, null, "",
                        Set.of(TimePoint.END), false, FulfilmentRule.NONE, null, null));
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (schemes.newest(CODE).isPresent()) {
            log.info("Demodata for registreringer findes allerede.");
            return;
        }
        var units = new ArrayList<Schemes.NewUnit>();
        for (Municipality m : MUNICIPALITIES) {
            organisations.findByName(m.name()).map(Organisation::id)
                    .ifPresent(id -> units.add(new Schemes.NewUnit(id, m.code(), m.cluster())));
        }
        if (units.size() != MUNICIPALITIES.size()) {
            log.info("Demodata for registreringer: kommunerne i Region Midtjylland findes ikke alle.");
            return;
        }
        long initiative = initiatives.search(new Initiatives.Filter("HjerteKomMidt", null, null, null), 1, 10)
                .items().stream().filter(i -> i.title().equals("HjerteKomMidt")).map(Initiative::id).findFirst()
                .orElseGet(() -> initiatives.start(new NewInitiative("HjerteKomMidt",
                        "Tværkommunal kvalitetsdatabase for hjerterehabilitering.", InitiativeKind.PROJECT,
                        InnovationType.EVERYDAY, null, EnumSet.of(Sector.MUNICIPALITY, Sector.REGION), null),
                        EDITOR));
        long schemeId = schemes.define(new Schemes.NewScheme(initiative, CODE, "Hjerterehabilitering i kommunerne",
                Map.of(TimePoint.START, 0, TimePoint.DURING, 42, TimePoint.END, 84), units, indicators()), EDITOR);
        String csv = courses(schemes.get(schemeId), registrations.today());
        var summary = imports.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), schemeId,
                null, Source.DEMO, EDITOR);
        long questionnaire = questionnaire(schemeId);
        answers(schemeId, questionnaire);
        log.info("Demodata for registreringer er indlæst: {} forløb med {} registreringer.", summary.courses(),
                summary.rows());
    }

    /**
     * Two years of courses: per unit its own completeness (0.70–0.98) and screening practice; one in five drops out
     * after the start (no end registrations); work capacity rises by about 15 W for those who complete.
     */
    static String courses(Scheme scheme, LocalDate today) {
        var random = new SplittableRandom(2017);
        var csv = new StringBuilder(RegistrationImport.HEADER).append('\n');
        LocalDate first = today.minusYears(2);
        int days = (int) (today.toEpochDay() - first.toEpochDay());
        for (Municipality m : MUNICIPALITIES) {
            double completeness = 0.70 + 0.28 * random.nextDouble();
            double screening = 0.55 + 0.4 * random.nextDouble();
            for (int i = 0; i < m.courses() * 2; i++) {
                LocalDate start = first.plusDays(random.nextInt(days));
                String prefix = scheme.code() + "," + scheme.version() + "," + m.code() + ",HR" + m.code() + "-"
                        + (1000 + i) + "," + start + ",";
                long age = today.toEpochDay() - start.toEpochDay();
                boolean attended = random.nextDouble() < 0.95;
                line(csv, random, completeness, prefix, "START,ATTENDANCE", attended ? "ja" : "nej");
                if (!attended) {
                    continue;
                }
                line(csv, random, completeness, prefix, "START,SCREENING",
                        random.nextDouble() < screening ? "ja" : "nej");
                double capacity = Math.max(30, Math.min(300, 95 + random.nextGaussian() * 28));
                line(csv, random, completeness, prefix, "START,CAPACITY", String.valueOf(Math.round(capacity)));
                if (random.nextDouble() < 0.6) {
                    line(csv, random, 1, prefix, "START,REFERRED_BY",
                            random.nextDouble() < 0.7 ? "HOSPITAL" : random.nextBoolean() ? "GP" : "OTHER");
                }
                boolean dropsOut = random.nextDouble() < 0.2;
                if (age >= 42) {
                    line(csv, random, completeness, prefix, "DURING,IN_TRAINING", dropsOut ? "nej" : "ja");
                }
                if (age >= 84 && !dropsOut) {
                    double gain = random.nextGaussian() * 12 + 15;
                    line(csv, random, completeness, prefix, "END,CAPACITY",
                            String.valueOf(Math.round(Math.max(30, Math.min(400, capacity + gain)))));
                    line(csv, random, completeness, prefix, "END,TRAINING",
                            String.valueOf(Math.max(0, Math.min(24, (int) Math.round(19 + random.nextGaussian() * 4)))));
                    if (random.nextDouble() < 0.5) {
                        line(csv, random, 1, prefix, "END,FINAL_TALK", start.plusDays(84 + random.nextInt(10))
                                .toString());
                    }
                }
            }
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, SplittableRandom random, double completeness, String prefix,
            String what, String value) {
        if (random.nextDouble() < completeness) {
            csv.append(prefix).append(what).append(',').append(value).append('\n');
        }
    }

    private long questionnaire(long schemeId) {
        List<String> five = List.of("Ingen problemer", "Lette problemer", "Moderate problemer", "Svære problemer",
                "Ekstreme problemer");
        return pro.define(new Pro.NewQuestionnaire(schemeId, "HJERTE_PRO", "Sådan har du det under "
                + "hjerterehabiliteringen", 5, 10, true, "EQ5D_INDEX", List.of(
                        new Questionnaire.Item(0, "MOBILITY", "Gang: hvor svært er det at gå omkring?", five, true,
                                null),
                        new Questionnaire.Item(1, "SELFCARE", "Personlig pleje: at vaske dig og tage tøj på", five,
                                true, null),
                        new Questionnaire.Item(2, "ACTIVITIES", "Sædvanlige aktiviteter: arbejde, husarbejde, fritid",
                                five, true, null),
                        new Questionnaire.Item(3, "PAIN", "Smerter eller ubehag i dag", five, true, null),
                        new Questionnaire.Item(4, "ANXIETY", "Angst eller nedtrykthed i dag", five, true, null),
                        new Questionnaire.Item(5, "EXPERIENCE", "Hvordan oplever du dit rehabiliteringsforløb samlet "
                                + "set?", List.of("Meget dårligt", "Dårligt", "Nogenlunde", "Godt", "Meget godt"),
                                false, "PATIENT_EXPERIENCE"))));
    }

    /** Answers from 30 of Randers' citizens; two are red (an item at its worst) and wait on the triage list. */
    private void answers(long schemeId, long questionnaire) {
        var random = new SplittableRandom(730);
        List<Long> courses = jdbc.sql("""
                SELECT c.id FROM registration_course c JOIN registration_unit u ON u.scheme_id = c.scheme_id
                     AND u.organisation_id = c.unit_id
                WHERE c.scheme_id = :scheme AND u.unit_code = '730' ORDER BY c.start_date DESC, c.id LIMIT 30""")
                .param("scheme", schemeId).query(Long.class).list();
        for (int i = 0; i < courses.size(); i++) {
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (String item : List.of("MOBILITY", "SELFCARE", "ACTIVITIES", "PAIN", "ANXIETY")) {
                answers.put(item, 1 + (random.nextDouble() < 0.6 ? 0 : random.nextInt(3)));
            }
            if (i < 2) {
                answers.put("ANXIETY", 5);
            }
            answers.put("EXPERIENCE", 3 + random.nextInt(3));
            pro.answer(pro.linkAs(courses.get(i), questionnaire), answers);
        }
    }
}
