package dk.tvaers.funding;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.time.LocalDate;
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
 * Demo data on request: the pools of Region Midtjylland's Task Force for Nære Sundhedstilbud og Sundhedsinnovation
 * (20 mio. kr. for 2012–2013, 10 mio. kr. for 2014) and its grants to the innovation questions and experiments,
 * each in two tranches whose progress reports were due at the end of 2013 and mid-2014; the first tranches are
 * released and paid. Each grant pays for a project (an initiative of kind project) led by its recipient, with a
 * municipality and general practice as partners. Loaded once, after the accounts' demo organisations and the
 * laboratories.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "tvaers.demo-data", havingValue = "true")
class FundingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FundingDemoData.class);

    static final String POOL_2012 = "Task Force-puljen 2012–2013";
    static final String POOL_2014 = "Task Force-puljen 2014";

    private static final Actor TASK_FORCE = new Actor(null, "Task Force (demodata)");
    private static final Actor FINANCE = new Actor(null, "Økonomi (demodata)");
    private static final LocalDate END_2013 = LocalDate.of(2013, 12, 31);
    private static final LocalDate MID_2014 = LocalDate.of(2014, 6, 30);

    record DemoGrant(String title, String recipient, long kroner) {}

    static final List<DemoGrant> GRANTS = List.of(
            new DemoGrant("Telemedicinsk servicecenter – tryghed for borgere med kronisk sygdom", "Region Midtjylland",
                    2_200_000),
            new DemoGrant("Trygge forældre med syge børn – Randers", "Regionshospitalet Randers", 500_000),
            new DemoGrant("Trygge forældre med syge børn – Midt og Vest", "Regionshospitalet Viborg", 600_000),
            new DemoGrant("Jobcenter og sundhed: stress som vilkår – Holstebro", "Holstebro Kommune", 250_000),
            new DemoGrant("Jobcenter og sundhed: Unge der lykkes – Silkeborg", "Silkeborg Kommune", 250_000),
            new DemoGrant("Jobcenter og sundhed: psykisk sygdom og arbejdsmarkedet – Silkeborg", "Silkeborg Kommune",
                    250_000),
            new DemoGrant("Jobcenter og sundhed: nye veje uden for systemerne", "Region Midtjylland", 200_000),
            new DemoGrant("Eksperiment: Slip sundheden fri", "Regionshospitalet Gødstrup", 1_500_000),
            new DemoGrant("Eksperiment: Et interaktivt skulderforløb", "Regionshospitalet Viborg", 750_000),
            new DemoGrant("Eksperiment: Multisyge", "Regionshospitalet Silkeborg", 450_000));

    private final Funding funding;
    private final Tranches trancheCycle;
    private static final Actor STEERING = new Actor(null, "Task Force (demodata)");

    private final OrganisationDirectory organisations;
    private final Initiatives initiatives;

    FundingDemoData(Funding funding, Tranches trancheCycle, OrganisationDirectory organisations,
            Initiatives initiatives) {
        this.funding = funding;
        this.trancheCycle = trancheCycle;
        this.organisations = organisations;
        this.initiatives = initiatives;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (funding.pools().stream().anyMatch(pool -> pool.name().equals(POOL_2012))) {
            return;
        }
        long pool2012 = funding.createPool(POOL_2012, Region.MIDTJYLLAND, Money.ofKroner(20_000_000), 2012, 2013);
        funding.createPool(POOL_2014, Region.MIDTJYLLAND, Money.ofKroner(10_000_000), 2014, 2014);
        for (DemoGrant demo : GRANTS) {
            Money amount = Money.ofKroner(demo.kroner());
            Money half = new Money(amount.ore() / 2);
            var organisation = organisations.findByName(demo.recipient());
            Long recipient = organisation.map(Organisation::id).orElse(null);
            long grant = funding.grant(new GrantDecision(pool2012, demo.title(), recipient, amount, amount, null,
                    List.of(new GrantDecision.NewTranche(half, END_2013),
                            new GrantDecision.NewTranche(amount.minus(half), MID_2014))), TASK_FORCE);
            var sectors = EnumSet.of(Sector.REGION, Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE);
            organisation.map(Organisation::sector).ifPresent(sectors::add);
            long project = initiatives.start(new NewInitiative(demo.title(),
                    "Projekt under Task Forcens pulje 2012–2013: et tværsektorielt konsortium afprøver løsningen med "
                            + "små prøvehandlinger og rapporterer om fremdrift, før næste rate frigives.",
                    InitiativeKind.PROJECT, InnovationType.EVERYDAY, recipient, sectors, null), STEERING);
            funding.linkInitiative(grant, project);
            Tranche first = trancheCycle.tranches(grant).getFirst();
            trancheCycle.submitReport(first.id(), "Projektet er i gang; de første prøvehandlinger er afprøvet og "
                    + "evalueret med borgere og fagfolk.", new Actor(null, "Projektleder (demodata)"));
            trancheCycle.approveReport(first.id(), null, TASK_FORCE);
            trancheCycle.markPaid(first.id(), FINANCE);
        }
        log.info("Demodata: Task Force-puljerne og {} bevillinger er oprettet.", GRANTS.size());
    }
}
