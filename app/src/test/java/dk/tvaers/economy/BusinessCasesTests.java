package dk.tvaers.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Versions, rights on rows, validation, approval, the audit log and publishing with the catalogue case. */
@IntegrationTest
class BusinessCasesTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    BusinessCases businessCases;

    @Autowired
    Initiatives initiatives;

    @Autowired
    AuditLog audit;

    @Autowired
    CaseCatalog catalog;

    @Autowired
    CatalogEconomy catalogEconomy;

    @Autowired
    MockMvc mvc;

    private static final Editor CONSULTANT = new Editor(900_001, "Konsulent Karen", null,
            Set.of(Role.INNOVATION_CONSULTANT));
    private static final Editor TASK_FORCE = new Editor(900_002, "Task Force Tove", null, Set.of(Role.TASK_FORCE));
    private static final Editor ANALYST = new Editor(900_003, "Analytiker Anna", null, Set.of(Role.ANALYST));
    private static final Editor FINANCE = new Editor(900_004, "Økonomi Ole", null, Set.of(Role.FINANCE));
    private static final Editor OUTSIDER = new Editor(900_005, "Medarbejder Mads", 424_242L, Set.of(Role.STAFF));
    private static final Editor CITIZEN = new Editor(900_006, "Borger Bo", null, Set.of(Role.CITIZEN));

    @Test
    void savesVersionsThatOnlyTheInitiativesPeopleAnalystsAndFinanceSeeAndAuditsThem() {
        Initiative initiative = anInitiative();
        Plan plan = plan(initiative, 2);
        int first = businessCases.save(initiative.id(), plan, "første bud", CONSULTANT);
        int second = businessCases.save(initiative.id(), plan(initiative, 3), "", CONSULTANT);

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(businessCases.versions(initiative, CONSULTANT)).extracting(BusinessCaseVersion::number)
                .containsExactly(2, 1);
        assertThat(businessCases.versions(initiative, ANALYST)).hasSize(2);
        assertThat(businessCases.versions(initiative, FINANCE)).hasSize(2);
        assertThat(businessCases.versions(initiative, OUTSIDER)).isEmpty();
        assertThat(businessCases.versions(initiative, CITIZEN)).isEmpty();
        assertThat(businessCases.versions(initiative, null)).isEmpty();
        assertThatThrownBy(() -> businessCases.save(initiative.id(), plan, "", OUTSIDER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> businessCases.save(initiative.id(), plan, "", ANALYST))
                .isInstanceOf(AccessDeniedException.class);
        var version = businessCases.version(initiative, 1, FINANCE);
        assertThat(version.plan()).isEqualTo(plan);
        assertThat(version.note()).isEqualTo("første bud");
        assertThat(audit.search(new AuditLog.Filter(AuditKind.BUSINESS_CASE_SAVED,
                "initiative " + initiative.id() + " business case", null, null), 1, 10).items())
                .hasSize(2).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("Konsulent Karen"));
    }

    @Test
    void refusesAStartBeforeTheInitiativeANegativeDurationAndKeepsNothing() {
        Initiative initiative = anInitiative();
        YearMonth start = BusinessCases.startOf(initiative);
        Plan early = new Plan(start.minusMonths(1), 2, 10, 350, List.of(
                new PlanLine(LineCategory.GAIN, EconomySector.REGION, Effect.CASH, "Gevinst", start.minusMonths(1),
                        AmountBasis.MONTHLY, 100, -3, "")));

        assertThatThrownBy(() -> businessCases.save(initiative.id(), early, "", CONSULTANT))
                .isInstanceOfSatisfying(BusinessCaseRejectedException.class, rejected -> assertThat(rejected.problems())
                        .extracting(Problem::line, Problem::field, Problem::messageKey)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(-1, "startMonth", "economy.error.startBeforeInitiative"),
                                org.assertj.core.groups.Tuple.tuple(0, "start", "economy.error.lineBeforeStart"),
                                org.assertj.core.groups.Tuple.tuple(0, "duration", "economy.error.negativeDuration")));
        assertThat(businessCases.versions(initiative, CONSULTANT)).isEmpty();
    }

    @Test
    void theTaskForceApprovesOneVersionAtATime() {
        Initiative initiative = anInitiative();
        businessCases.save(initiative.id(), plan(initiative, 2), "", CONSULTANT);
        businessCases.save(initiative.id(), plan(initiative, 3), "", CONSULTANT);

        assertThatThrownBy(() -> businessCases.approve(initiative.id(), 1, CONSULTANT))
                .isInstanceOf(AccessDeniedException.class);
        businessCases.approve(initiative.id(), 1, TASK_FORCE);
        assertThat(businessCases.approved(initiative.id())).map(BusinessCaseVersion::number).hasValue(1);
        businessCases.approve(initiative.id(), 2, TASK_FORCE);
        assertThat(businessCases.approved(initiative.id())).map(BusinessCaseVersion::number).hasValue(2);
        assertThat(businessCases.versions(initiative, ANALYST)).filteredOn(BusinessCaseVersion::approved)
                .extracting(BusinessCaseVersion::number).containsExactly(2);
        assertThat(audit.search(new AuditLog.Filter(AuditKind.BUSINESS_CASE_APPROVED,
                "initiative " + initiative.id() + " business case", null, null), 1, 10).items()).hasSize(2);
    }

    @Test
    void theApprovedVersionIsPublishedWithTheCatalogueCase() throws Exception {
        Initiative initiative = anInitiative();
        businessCases.save(initiative.id(), plan(initiative, 2), "", CONSULTANT);
        businessCases.save(initiative.id(), plan(initiative, 3), "", CONSULTANT);
        businessCases.approve(initiative.id(), 1, TASK_FORCE);
        assertThat(businessCases.published(initiative.id())).isFalse();
        assertThat(businessCases.versions(initiative, CITIZEN)).isEmpty();

        long caseId = catalog.create(new CaseDraft(initiative.title(), "Resume", null, Set.of(), Set.of(),
                Set.of(Sector.REGION), List.of(), Map.of(), null, null, null), initiative.id(), Actor.SYSTEM);
        catalog.publish(caseId, 1, null, Actor.SYSTEM);

        assertThat(businessCases.published(initiative.id())).isTrue();
        assertThat(businessCases.versions(initiative, CITIZEN)).extracting(BusinessCaseVersion::number)
                .containsExactly(1);
        var economy = catalogEconomy.approvedOf(initiative.id()).orElseThrow();
        assertThat(economy.version()).isEqualTo(1);
        // 2 citizens: −100,000 kr. once, and (2,000 − 500) × 2 = +3,000 kr. every month from month 1: −1,000 kr.
        // after month 33, +2,000 kr. after month 34
        assertThat(economy.breakEvenMonth()).isEqualTo(34);
        var page = Jsoup.parse(mvc.perform(get("/katalog/" + caseId)).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#case-economy").text()).contains("Godkendt business case (version 1)",
                "34 måneder efter start");
        var economyPage = Jsoup.parse(mvc.perform(get("/initiativer/" + initiative.id() + "/oekonomi")
                .with(user("borger").roles("CITIZEN"))).andReturn().getResponse().getContentAsString());
        assertThat(economyPage.select("#versions tbody tr")).hasSize(1);
    }

    private Initiative anInitiative() {
        long id = initiatives.start(new NewInitiative("Økonomi " + SEQUENCE.incrementAndGet() + " " + System.nanoTime(),
                "", InitiativeKind.PROJECT, InnovationType.EVERYDAY, null,
                EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), null), Actor.SYSTEM);
        return initiatives.find(id).orElseThrow();
    }

    /** −100,000 kr. in month 1; per citizen 2,000 kr. gained and 500 kr. paid a month, over three years. */
    private static Plan plan(Initiative initiative, int citizens) {
        YearMonth start = BusinessCases.startOf(initiative);
        return new Plan(start, 3, citizens, 350, List.of(
                new PlanLine(LineCategory.INVESTMENT, EconomySector.REGION, Effect.CASH, "Opstart", start,
                        AmountBasis.MONTHLY, 10_000_000, 1, "Udstyr"),
                new PlanLine(LineCategory.OPERATING, EconomySector.MUNICIPALITY, Effect.CASH, "Drift", start,
                        AmountBasis.PER_CITIZEN, 50_000, null, ""),
                new PlanLine(LineCategory.GAIN, EconomySector.REGION, Effect.CAPACITY, "Færre indlæggelser", start,
                        AmountBasis.PER_CITIZEN, 200_000, null, "")));
    }
}
