package dk.tvaers.economy;

import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo business cases, approved, for the two catalogue cases whose initiative is in Tværs (catalog's demo data starts
 * them): ViosKlinikken, reconstructed from public-looking inputs so that it reproduces its published figures
 * (cumulative net positive 25 months after the start; 3.7 mio. kr. net a year from the third year at 150 citizens),
 * and Vi samler kræfterne, economically neutral because each municipality pays its own part.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "tvaers.demo-data", havingValue = "true")
class EconomyDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EconomyDemoData.class);
    private static final Actor EDITOR = new Actor(null, "Tværs demodata");

    private final BusinessCases businessCases;
    private final Initiatives initiatives;

    EconomyDemoData(BusinessCases businessCases, Initiatives initiatives) {
        this.businessCases = businessCases;
        this.initiatives = initiatives;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<Initiative> vios = project("ViosKlinikken");
        Optional<Initiative> together = project("Vi samler kræfterne");
        if (vios.isEmpty() || together.isEmpty()) {
            log.info("Demodata for økonomi: initiativerne ViosKlinikken og Vi samler kræfterne findes ikke.");
            return;
        }
        if (businessCases.approved(vios.get().id()).isPresent()) {
            log.info("Demodata for økonomi findes allerede.");
            return;
        }
        Initiative v = vios.get();
        int number = businessCases.saveAs(v.id(), viosKlinikken(BusinessCases.startOf(v)),
                "Rekonstrueret af offentliggjorte nøgletal: positiv business case 25 måneder efter start og en "
                        + "nettobesparelse på 3,7 mio. kr. om året fra tredje år ved 150 borgere.", true, EDITOR);
        businessCases.approveAs(v.id(), number, EDITOR);
        Initiative t = together.get();
        number = businessCases.saveAs(t.id(), viSamlerKraefterne(BusinessCases.startOf(t)),
                "Hver kommune betaler selv for de hold, den holder, og sparer de tilsvarende egne hold.", true, EDITOR);
        businessCases.approveAs(t.id(), number, EDITOR);
        log.info("Demodata for økonomi er indlæst: to godkendte business cases.");
    }

    private Optional<Initiative> project(String title) {
        return initiatives.search(new Initiatives.Filter(title, null, InitiativeKind.PROJECT, null), 1, 10).items()
                .stream().filter(i -> i.title().equals(title)).findFirst();
    }

    /**
     * ViosKlinikken at 150 citizens over five years. Investments 3,400,000 kr. in the first two months; operating
     * costs 2,550 kr. a citizen a month from month 1; gains 4,606 kr. a citizen a month from month 7 (the first
     * half-year brings no effect yet). So months 1–6 cost 382,500 kr. each, and from month 7 the net is 2,056 kr. ×
     * 150 = 308,400 kr. a month: −3,400,000 − 2,295,000 + 308,400 × 18 = −143,800 kr. after month 24 and +164,600 kr.
     * after month 25 (break-even), and 3,700,800 kr. a year in operation (the published 3.7 mio. kr.).
     */
    static Plan viosKlinikken(YearMonth start) {
        return new Plan(start, 5, 150, DiscountRate.STATE_DEFAULT_BASIS_POINTS, List.of(
                line(LineCategory.INVESTMENT, EconomySector.REGION, Effect.CASH, "Telemedicinsk platform og måleudstyr",
                        start, AmountBasis.MONTHLY, 2_000_000, 1,
                        "Indkøb og opsætning af platform og grundpakker med måleudstyr (rekonstrueret)."),
                line(LineCategory.INVESTMENT, EconomySector.MUNICIPALITY, Effect.CASH,
                        "Oplæring af sygeplejersker og etablering af klinikken", start, AmountBasis.MONTHLY, 700_000, 2,
                        "Tre kommuner deler udgiften til uddannelse og etablering (rekonstrueret)."),
                line(LineCategory.OPERATING, EconomySector.MUNICIPALITY, Effect.CASH, "Klinikkens sygeplejersker døgnet rundt",
                        start, AmountBasis.PER_CITIZEN, 1_500, null,
                        "Bemanding af den virtuelle klinik, fordelt pr. tilknyttet borger."),
                line(LineCategory.OPERATING, EconomySector.REGION, Effect.CASH, "Drift af platform og lægefaglig back-up",
                        start, AmountBasis.PER_CITIZEN, 900, null,
                        "Licens, udstyr og sygehusets lunge- og hjertelæger som back-up."),
                line(LineCategory.OPERATING, EconomySector.GENERAL_PRACTICE, Effect.CASH, "Koordinering med egen læge",
                        start, AmountBasis.PER_CITIZEN, 150, null, "Ydelser for samarbejde om borgerens forløb."),
                line(LineCategory.GAIN, EconomySector.REGION, Effect.CAPACITY,
                        "Færre akutte indlæggelser og sengedage", start.plusMonths(6), AmountBasis.PER_CITIZEN,
                        3_906, null, "Færre akutte kontakter og sengedage det første år efter inklusion (frigjort "
                                + "kapacitet på sygehuset)."),
                line(LineCategory.GAIN, EconomySector.MUNICIPALITY, Effect.CASH,
                        "Færre akutte besøg og midlertidige pladser", start.plusMonths(6), AmountBasis.PER_CITIZEN, 700,
                        null, "Forværring opdages tidligt og behandles hjemme."),
                line(LineCategory.GAIN, EconomySector.CITIZEN, Effect.NON_ECONOMIC, "Tryghed og bedre livskvalitet",
                        start, AmountBasis.MONTHLY, 0, null, "Målt med PRO (EQ-5D); tælles ikke med i beløbene.")));
    }

    /** Vi samler kræfterne: the municipalities' teams cost what the teams they replace cost; net 0. */
    static Plan viSamlerKraefterne(YearMonth start) {
        return new Plan(start, 3, 0, DiscountRate.STATE_DEFAULT_BASIS_POINTS, List.of(
                line(LineCategory.OPERATING, EconomySector.MUNICIPALITY, Effect.CASH,
                        "Diagnosespecifikke hold i de kommuner, der holder dem", start, AmountBasis.MONTHLY, 250_000,
                        null, "Fordelt efter en fordelingsnøgle mellem de ni kommuner (rekonstrueret)."),
                line(LineCategory.GAIN, EconomySector.MUNICIPALITY, Effect.CASH,
                        "Egne hold, som de fælles hold erstatter", start, AmountBasis.MONTHLY, 250_000, null,
                        "Hver kommune betaler sin egen del; samarbejdet er økonomisk neutralt."),
                line(LineCategory.GAIN, EconomySector.CITIZEN, Effect.NON_ECONOMIC,
                        "Rehabilitering af høj og ensartet kvalitet", start, AmountBasis.MONTHLY, 0, null,
                        "Flere diagnosespecifikke tilbud for borgerne.")));
    }

    /** A line with its amount in whole kroner. */
    private static PlanLine line(LineCategory category, EconomySector sector, Effect effect, String title,
            YearMonth start, AmountBasis basis, long kroner, Integer duration, String assumption) {
        return new PlanLine(category, sector, effect, title, start, basis, kroner * 100, duration, assumption);
    }
}
