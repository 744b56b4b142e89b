package dk.tvaers.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Actual costs: who records and sees them (the business case's rights, plus finance), the Danish rules, the audit
 * log, how they stand next to the plan and in the realised net; and the catalogue case PDF with the approved
 * business case's key figures.
 */
@IntegrationTest
class ActualCostsTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static final Editor CONSULTANT = new Editor(910_001, "Konsulent Kim", null,
            Set.of(Role.INNOVATION_CONSULTANT));
    private static final Editor FINANCE = new Editor(910_002, "Økonomi Olga", null, Set.of(Role.FINANCE));
    private static final Editor ANALYST = new Editor(910_003, "Analytiker Asta", null, Set.of(Role.ANALYST));
    private static final Editor OUTSIDER = new Editor(910_004, "Medarbejder Mikkel", 434_343L, Set.of(Role.STAFF));
    private static final Editor TASK_FORCE = new Editor(910_005, "Task Force Tim", null, Set.of(Role.TASK_FORCE));

    @Autowired
    ActualCosts actualCosts;

    @Autowired
    BusinessCases businessCases;

    @Autowired
    RealisedFigures realisedFigures;

    @Autowired
    Initiatives initiatives;

    @Autowired
    AuditLog audit;

    @Autowired
    CaseCatalog catalog;

    @Autowired
    UserDirectory users;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    MockMvc mvc;

    @Test
    void theInitiativesPeopleAndFinanceRecordWhatTheAnalystSeesAndEveryEntryIsAudited() {
        Initiative initiative = anInitiative();
        YearMonth start = BusinessCases.startOf(initiative);
        long id = actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.MUNICIPALITY, start,
                4_500_000, "Sygeplejersker"), start, CONSULTANT);
        actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.REGION, start, 100, " Udstyr "),
                start, FINANCE);

        assertThatThrownBy(() -> actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.REGION,
                start, 100, "Udstyr"), start, ANALYST)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.REGION,
                start, 100, "Udstyr"), start, OUTSIDER)).isInstanceOf(AccessDeniedException.class);
        assertThat(actualCosts.of(initiative, ANALYST)).extracting(ActualCost::amountOre, ActualCost::description,
                ActualCost::enteredByName).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4_500_000L, "Sygeplejersker", "Konsulent Kim"),
                        org.assertj.core.groups.Tuple.tuple(100L, "Udstyr", "Økonomi Olga"));
        assertThat(actualCosts.of(initiative, OUTSIDER)).as("not published: only the business case's people")
                .isEmpty();
        assertThat(actualCosts.of(initiative, null)).isEmpty();
        assertThat(audit.search(new AuditLog.Filter(AuditKind.ACTUAL_COST_RECORDED,
                "initiative " + initiative.id() + " actual cost", null, null), 1, 10).items())
                .hasSize(2).anySatisfy(entry -> {
                    assertThat(entry.subject()).isEqualTo("initiative " + initiative.id() + " actual cost " + id);
                    assertThat(entry.actor()).isEqualTo("Konsulent Kim");
                });
    }

    @Test
    void refusesAMonthBeforeTheInitiativeOrInTheFutureANonPositiveAmountAndNoDescriptionAndKeepsNothing() {
        Initiative initiative = anInitiative();
        YearMonth start = BusinessCases.startOf(initiative);

        assertThatThrownBy(() -> actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.REGION,
                start.minusMonths(1), 0, " "), start, CONSULTANT))
                .isInstanceOfSatisfying(BusinessCaseRejectedException.class, rejected -> assertThat(rejected.problems())
                        .extracting(Problem::field, Problem::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("month", "economy.actual.error.beforeStart"),
                                org.assertj.core.groups.Tuple.tuple("amount", "economy.actual.error.notPositive"),
                                org.assertj.core.groups.Tuple.tuple("description",
                                        "economy.actual.error.descriptionRequired")));
        assertThat(ActualCosts.check(initiative, new ActualCosts.Entry(EconomySector.REGION, start.plusMonths(1),
                ActualCosts.MAX_ORE + 1, "For meget"), start)).extracting(Problem::messageKey)
                .containsExactly("economy.actual.error.future", "economy.actual.error.tooLarge");
        assertThat(actualCosts.of(initiative, CONSULTANT)).isEmpty();
    }

    @Test
    void actualCostsStandNextToThePlannedCostsPerSectorAndCountInTheRealisedNet() {
        Initiative initiative = anInitiative();
        YearMonth start = BusinessCases.startOf(initiative);
        // plan: the municipality pays 500 kr. per citizen a month for 2 citizens (1,000 kr. a month); the region
        // invests 100,000 kr. in month 1; the region gains 2,000 kr. per citizen a month
        Plan plan = plan(initiative);
        businessCases.save(initiative.id(), plan, "", CONSULTANT);
        actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.MUNICIPALITY, start, 150_000,
                "Drift"), start.plusMonths(1), CONSULTANT);
        actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.MUNICIPALITY, start.plusMonths(1),
                50_000, "Drift"), start.plusMonths(1), FINANCE);
        actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.CITIZEN, start.plusMonths(1),
                1_000, "Transport"), start.plusMonths(1), FINANCE);

        Realised realised = realisedFigures.of(initiative.id());
        assertThat(realised.actualTotalOre()).isEqualTo(201_000);
        // through month 2: municipality planned 2 × 100,000 øre, spent 200,000; region planned 10,000,000, spent 0
        assertThat(realised.costsBySector(plan, start.plusMonths(1)))
                .extracting(Realised.SectorCosts::sector, Realised.SectorCosts::plannedOre,
                        Realised.SectorCosts::actualOre, Realised.SectorCosts::differenceOre)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EconomySector.REGION, 10_000_000L, 0L, -10_000_000L),
                        org.assertj.core.groups.Tuple.tuple(EconomySector.MUNICIPALITY, 200_000L, 200_000L, 0L),
                        org.assertj.core.groups.Tuple.tuple(EconomySector.CITIZEN, 0L, 1_000L, 1_000L));
        // no grants paid and no run: the realised net is the actual costs, month by month
        assertThat(realised.cumulative(plan, start.plusMonths(1))).containsExactly(-150_000L, -201_000L);
    }

    @Test
    void theFormRefusesInDanishKeepsWhatWasTypedAndRecords() throws Exception {
        AccountPrincipal consultant = aUser(Role.INNOVATION_CONSULTANT);
        AccountPrincipal staff = aUser(Role.STAFF);
        Initiative initiative = anInitiative();
        businessCases.save(initiative.id(), plan(initiative), "", CONSULTANT);
        String path = "/initiativer/" + initiative.id() + "/oekonomi/faktiske-omkostninger";

        var refused = Jsoup.parse(mvc.perform(post(path).with(csrf()).with(authentication(signedIn(consultant)))
                .param("sector", "HOSPICE").param("month", "2001-01").param("amount", "-45.000")
                .param("description", "Løn")).andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".tvaers-error-summary").text()).contains("Ukendt sektor", "Beløbet skal være større");
        assertThat(refused.select("#amount").val()).isEqualTo("-45.000");
        assertThat(refused.select("#description").val()).isEqualTo("Løn");
        var early = Jsoup.parse(mvc.perform(post(path).with(csrf()).with(authentication(signedIn(consultant)))
                .param("sector", "MUNICIPALITY").param("month", "2001-01").param("amount", "45.000")
                .param("description", "Løn")).andReturn().getResponse().getContentAsString());
        assertThat(early.select("#month-error").text()).contains("før initiativet startede");

        String month = BusinessCases.startOf(initiative).toString();
        var saved = mvc.perform(post(path).with(csrf()).with(authentication(signedIn(consultant)))
                .param("sector", "MUNICIPALITY").param("month", month).param("amount", "45.000,50")
                .param("description", "Løn")).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).startsWith("/initiativer/" + initiative.id() + "/oekonomi");
        var page = Jsoup.parse(mvc.perform(get("/initiativer/" + initiative.id() + "/oekonomi")
                .with(authentication(signedIn(consultant)))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#actual-costs tbody tr").text()).contains(month, "Kommune", "45.000,50 kr.", "Løn");
        assertThat(page.select("#actual-vs-plan tr[data-sector=MUNICIPALITY] .tvaers-actual").text())
                .isEqualTo("45.000,50 kr.");
        assertThat(mvc.perform(get(path).with(authentication(signedIn(staff)))).andReturn().getResponse()
                .getStatus()).as("someone who may not see the business case").isEqualTo(404);
    }

    @Test
    void theInitiativesPeopleAndFinanceCorrectAndDeleteAnEntryWithTheRulesOfRecordingAndEveryChangeIsAudited() {
        Initiative initiative = anInitiative();
        Initiative other = anInitiative();
        YearMonth start = BusinessCases.startOf(initiative);
        long id = actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.MUNICIPALITY, start,
                4_500_000, "Sygeplejersker"), start, CONSULTANT);

        // the rules of recording, each at its field, and nothing changed
        assertThatThrownBy(() -> actualCosts.correct(initiative.id(), id, new ActualCosts.Entry(EconomySector.REGION,
                start.minusMonths(1), 0, " "), start, FINANCE))
                .isInstanceOfSatisfying(BusinessCaseRejectedException.class, rejected -> assertThat(rejected.problems())
                        .extracting(Problem::field).containsExactly("month", "amount", "description"));
        // rights as for recording; an id of another initiative's row is not found through this one
        assertThatThrownBy(() -> actualCosts.correct(initiative.id(), id, new ActualCosts.Entry(EconomySector.REGION,
                start, 100, "Udstyr"), start, ANALYST)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actualCosts.delete(initiative.id(), id, OUTSIDER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actualCosts.delete(other.id(), id, CONSULTANT))
                .isInstanceOf(dk.tvaers.platform.web.NotFoundException.class);
        assertThat(actualCosts.of(initiative, ANALYST)).extracting(ActualCost::amountOre).containsExactly(4_500_000L);

        actualCosts.correct(initiative.id(), id, new ActualCosts.Entry(EconomySector.REGION, start, 450_000,
                " Sygeplejersker, rettet "), start, FINANCE);
        ActualCost corrected = actualCosts.find(initiative, id, ANALYST).orElseThrow();
        assertThat(corrected.sector()).isEqualTo(EconomySector.REGION);
        assertThat(corrected.amountOre()).isEqualTo(450_000);
        assertThat(corrected.description()).isEqualTo("Sygeplejersker, rettet");
        assertThat(corrected.enteredByName()).as("who entered it is kept").isEqualTo("Konsulent Kim");
        assertThat(corrected.correctedByName()).isEqualTo("Økonomi Olga");
        assertThat(corrected.correctedAt()).isNotNull();
        assertThat(realisedFigures.of(initiative.id()).actualTotalOre()).isEqualTo(450_000);
        assertThat(audit.search(new AuditLog.Filter(AuditKind.ACTUAL_COST_CORRECTED,
                "initiative " + initiative.id() + " actual cost " + id, null, null), 1, 10).items())
                .singleElement().satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("Økonomi Olga");
                    assertThat(entry.details()).contains("before: sector=MUNICIPALITY", "amountOre=4500000",
                            "after: sector=REGION", "amountOre=450000");
                });

        actualCosts.delete(initiative.id(), id, CONSULTANT);
        assertThat(actualCosts.of(initiative, ANALYST)).isEmpty();
        assertThat(realisedFigures.of(initiative.id()).actualTotalOre()).isZero();
        assertThat(audit.search(new AuditLog.Filter(AuditKind.ACTUAL_COST_DELETED,
                "initiative " + initiative.id() + " actual cost " + id, null, null), 1, 10).items())
                .singleElement().satisfies(entry -> assertThat(entry.details())
                        .contains("sector=REGION", "amountOre=450000", "Sygeplejersker, rettet"));
        assertThatThrownBy(() -> actualCosts.delete(initiative.id(), id, CONSULTANT))
                .isInstanceOf(dk.tvaers.platform.web.NotFoundException.class);
    }

    @Test
    void theCorrectionFormKeepsWhatWasTypedAndDeletingAsksForConfirmation() throws Exception {
        AccountPrincipal consultant = aUser(Role.INNOVATION_CONSULTANT);
        AccountPrincipal staff = aUser(Role.STAFF);
        AccountPrincipal analyst = aUser(Role.ANALYST);
        Initiative initiative = anInitiative();
        YearMonth start = BusinessCases.startOf(initiative);
        businessCases.save(initiative.id(), plan(initiative), "", CONSULTANT);
        long id = actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.MUNICIPALITY, start,
                4_500_050, "Løn"), start, CONSULTANT);
        String path = "/initiativer/" + initiative.id() + "/oekonomi/faktiske-omkostninger/" + id;

        var form = Jsoup.parse(mvc.perform(get(path).with(authentication(signedIn(consultant)))).andReturn()
                .getResponse().getContentAsString());
        assertThat(form.select("#amount").val()).as("the amount as a Dane types it").isEqualTo("45.000,50");
        assertThat(form.select("#sector option[selected]").val()).isEqualTo("MUNICIPALITY");
        assertThat(form.select("#description").val()).isEqualTo("Løn");

        var refused = Jsoup.parse(mvc.perform(post(path).with(csrf()).with(authentication(signedIn(consultant)))
                .param("sector", "MUNICIPALITY").param("month", start.toString()).param("amount", "45.000,505")
                .param("description", "Løn, rettet")).andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".tvaers-error-summary").text()).contains("Beløb");
        assertThat(refused.select("#amount").val()).isEqualTo("45.000,505");
        assertThat(refused.select("#description").val()).isEqualTo("Løn, rettet");
        assertThat(actualCosts.find(initiative, id, CONSULTANT).orElseThrow().amountOre()).isEqualTo(4_500_050);

        var saved = mvc.perform(post(path).with(csrf()).with(authentication(signedIn(consultant)))
                .param("sector", "MUNICIPALITY").param("month", start.toString()).param("amount", "40.000")
                .param("description", "Løn, rettet")).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).startsWith("/initiativer/" + initiative.id() + "/oekonomi");
        assertThat(actualCosts.find(initiative, id, CONSULTANT).orElseThrow().amountOre()).isEqualTo(4_000_000);
        var page = Jsoup.parse(mvc.perform(get("/initiativer/" + initiative.id() + "/oekonomi")
                .with(authentication(signedIn(consultant)))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#actual-costs tbody tr").text()).contains("40.000,00 kr.", "Løn, rettet", "Rettet");
        assertThat(page.select("#correct-actual-cost-" + id).attr("href")).isEqualTo(path);
        var analystPage = Jsoup.parse(mvc.perform(get("/initiativer/" + initiative.id() + "/oekonomi")
                .with(authentication(signedIn(analyst)))).andReturn().getResponse().getContentAsString());
        assertThat(analystPage.select("#actual-costs tbody tr").text()).contains("Løn, rettet");
        assertThat(analystPage.select("#correct-actual-cost-" + id)).as("the analyst only reads").isEmpty();

        // deleting: a confirmation step; without the tick nothing is deleted
        var confirm = Jsoup.parse(mvc.perform(get(path + "/slet").with(authentication(signedIn(consultant))))
                .andReturn().getResponse().getContentAsString());
        assertThat(confirm.select("#cost-to-delete").text()).contains("40.000,00 kr.", "Løn, rettet");
        assertThat(confirm.select("input[name=confirmed]")).hasSize(1);
        var unconfirmed = Jsoup.parse(mvc.perform(post(path + "/slet").with(csrf())
                .with(authentication(signedIn(consultant)))).andReturn().getResponse().getContentAsString());
        assertThat(unconfirmed.select(".tvaers-error-summary").text()).contains("Sæt kryds for at bekræfte");
        assertThat(actualCosts.find(initiative, id, CONSULTANT)).isPresent();
        assertThat(mvc.perform(post(path + "/slet").with(csrf()).with(authentication(signedIn(analyst)))
                .param("confirmed", "true")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(path + "/slet").with(csrf()).with(authentication(signedIn(staff)))
                .param("confirmed", "true")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(path).with(authentication(signedIn(staff)))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        var deleted = mvc.perform(post(path + "/slet").with(csrf()).with(authentication(signedIn(consultant)))
                .param("confirmed", "true")).andReturn().getResponse();
        assertThat(deleted.getRedirectedUrl()).startsWith("/initiativer/" + initiative.id() + "/oekonomi");
        assertThat(actualCosts.find(initiative, id, CONSULTANT)).isEmpty();
        assertThat(mvc.perform(get(path).with(authentication(signedIn(consultant)))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void theWorkbookHoldsTheActualCostsAsNumbers() throws Exception {
        AccountPrincipal consultant = aUser(Role.INNOVATION_CONSULTANT);
        Initiative initiative = anInitiative();
        YearMonth start = BusinessCases.startOf(initiative);
        businessCases.save(initiative.id(), plan(initiative), "", CONSULTANT);
        actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.MUNICIPALITY, start, 4_500_050,
                "Løn"), start, CONSULTANT);
        actualCosts.record(initiative.id(), new ActualCosts.Entry(EconomySector.REGION, start, 100_000, "Udstyr"),
                start, FINANCE);

        var excel = mvc.perform(get("/initiativer/" + initiative.id() + "/oekonomi/1.xlsx")
                .with(authentication(signedIn(consultant)))).andReturn().getResponse();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(excel.getContentAsByteArray()))) {
            var sheet = workbook.getSheet("Faktiske omkostninger");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Beløb (kr.)");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(start.toString());
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Kommune");
            assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(45_000.50);
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("Konsulent Kim");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(1_000.0);
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).as("the total").isEqualTo(46_000.50);
            var compared = workbook.getSheet("Planlagt og faktisk");
            var municipality = java.util.stream.StreamSupport.stream(compared.spliterator(), false)
                    .filter(r -> "Kommune".equals(r.getCell(0).getStringCellValue())).findFirst().orElseThrow();
            // the municipality's planned and actual costs since the start, both numbers
            assertThat(municipality.getCell(2).getNumericCellValue()).isEqualTo(45_000.50);
            assertThat(municipality.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
        }
    }

    @Test
    void theCataloguePdfShowsTheApprovedBusinessCasesKeyFigures() throws Exception {
        Initiative initiative = anInitiative();
        businessCases.save(initiative.id(), plan(initiative), "", CONSULTANT);
        businessCases.approve(initiative.id(), 1, TASK_FORCE);
        long caseId = catalog.create(new CaseDraft(initiative.title(), "Resume", null, Set.of(), Set.of(),
                Set.of(Sector.REGION), List.of(), Map.of(), null, null, null), initiative.id(), Actor.SYSTEM);
        catalog.publish(caseId, 1, null, Actor.SYSTEM);

        var pdf = mvc.perform(get("/katalog/" + caseId + "/pdf")).andReturn().getResponse();
        try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Godkendt business case (version 1)",
                    "34 måneder efter start");
        }
    }

    private Initiative anInitiative() {
        long id = initiatives.start(new NewInitiative("Faktisk " + SEQUENCE.incrementAndGet() + " " + System.nanoTime(),
                "", InitiativeKind.PROJECT, InnovationType.EVERYDAY, null,
                EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), null), Actor.SYSTEM);
        return initiatives.find(id).orElseThrow();
    }

    /** As BusinessCasesTests' plan with 2 citizens: break-even in month 34. */
    private static Plan plan(Initiative initiative) {
        YearMonth start = BusinessCases.startOf(initiative);
        return new Plan(start, 3, 2, 350, List.of(
                new PlanLine(LineCategory.INVESTMENT, EconomySector.REGION, Effect.CASH, "Opstart", start,
                        AmountBasis.MONTHLY, 10_000_000, 1, "Udstyr"),
                new PlanLine(LineCategory.OPERATING, EconomySector.MUNICIPALITY, Effect.CASH, "Drift", start,
                        AmountBasis.PER_CITIZEN, 50_000, null, ""),
                new PlanLine(LineCategory.GAIN, EconomySector.REGION, Effect.CAPACITY, "Færre indlæggelser", start,
                        AmountBasis.PER_CITIZEN, 200_000, null, "")));
    }

    private AccountPrincipal aUser(Role... roles) {
        int n = SEQUENCE.incrementAndGet();
        long org = organisations.create(new OrganisationDetails("Faktisk kommune " + n + " " + System.nanoTime(),
                Sector.MUNICIPALITY, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long id = users.create(new UserAttributes("faktisk" + n + "." + System.nanoTime() + "@kommune.test",
                "Frida Faktisk " + n, org, Set.of(roles)), "Faktisk-Kode-2026-lang", false, Actor.SYSTEM);
        return AccountPrincipal.of(users.find(id).orElseThrow());
    }

    private static UsernamePasswordAuthenticationToken signedIn(AccountPrincipal principal) {
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
