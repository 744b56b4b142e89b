package dk.tvaers.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/** The catalogue on the real database: versions, assessments, publishing, the Danish search and the exports. */
@IntegrationTest
class CaseCatalogTests {

    private static final Actor EVA = new Actor(null, "Eva Evaluator");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    CaseCatalog catalog;

    @Autowired
    CaseSearch search;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    MockMvc mvc;

    static CaseDraft draft(String title, String targetGroup, Set<DiseaseGroup> diseases, Set<Theme> themes,
            List<String> actors) {
        Map<CaseSection, String> sections = new EnumMap<>(CaseSection.class);
        sections.put(CaseSection.TARGET_GROUP, targetGroup);
        sections.put(CaseSection.PURPOSE, "Færre forværringer og bedre sammenhæng.");
        sections.put(CaseSection.RESULTS, "Pilotdrift med positive tilbagemeldinger.");
        return new CaseDraft(title, "Et kort resumé", Region.MIDTJYLLAND, diseases, themes,
                Set.of(Sector.REGION, Sector.MUNICIPALITY), actors, sections, 500_000_000L, 165_000_000L, null);
    }

    static NewAssessment assessment(int theory, int effect, int description, int goals, int transferability) {
        return new NewAssessment(AssessmentTests.scores(theory, effect, description, goals, transferability),
                AssessmentTests.notes());
    }

    private long published(String title, String targetGroup, Set<DiseaseGroup> diseases, Set<Theme> themes) {
        long id = catalog.create(draft(title, targetGroup, diseases, themes, List.of()), null, EVA);
        long assessment = catalog.assess(id, assessment(3, 2, 3, 3, 3), EVA);
        catalog.publish(id, 1, assessment, EVA);
        return id;
    }

    private List<Long> found(String text) {
        return found(new CaseSearch.Filter(text, null, null, null, null, null));
    }

    private List<Long> found(CaseSearch.Filter filter) {
        return search.search(filter, CaseSearch.Sort.RELEVANCE, 1, 500).items().stream().map(CaseSummary::id).toList();
    }

    @Test
    void keepsEveryVersionAndShowsOnlyThePublishedOne() {
        int n = SEQUENCE.incrementAndGet();
        long id = catalog.create(draft("Virtuel klinik " + n, "Borgere med hjertesvigt", Set.of(DiseaseGroup.HEART),
                Set.of(), List.of()), 42L, EVA);
        int second = catalog.saveVersion(id, draft("Virtuel klinik " + n + " (rettet)", "Borgere med hjertesvigt og KOL",
                Set.of(DiseaseGroup.HEART, DiseaseGroup.LUNG), Set.of(), List.of()), EVA);

        assertThat(second).isEqualTo(2);
        assertThat(catalog.versions(id)).extracting(CaseVersion::number).containsExactly(2, 1);
        assertThat(catalog.version(id, 1).orElseThrow().title()).isEqualTo("Virtuel klinik " + n);
        assertThat(catalog.find(id).orElseThrow().published()).isFalse();
        assertThat(catalog.casesOfInitiative(42L)).contains(id);
        assertThat(found("virtuel klinik " + n)).as("a draft is not in the catalogue").doesNotContain(id);

        catalog.publish(id, 1, null, EVA);

        assertThat(catalog.publishedVersion(id).orElseThrow().number()).isEqualTo(1);
        assertThat(catalog.find(id).orElseThrow().evidenceLevel()).isEqualTo(EvidenceLevel.NOT_ASSESSED);
        assertThat(found("virtuel klinik " + n)).contains(id);
    }

    @Test
    void linksInvolvedOrganisationsKnownToTvaersAndKeepsTheOthersAsText() {
        int n = SEQUENCE.incrementAndGet();
        var hospital = organisations.create(new OrganisationDetails("Katalogsygehus " + n, Sector.REGION,
                Region.MIDTJYLLAND, null), Actor.SYSTEM);
        long id = catalog.create(draft("Samarbejde " + n, "Alle", Set.of(), Set.of(),
                List.of("Katalogsygehus " + n, "  Ukendt Forening  ", "")), null, EVA);

        assertThat(catalog.version(id, 1).orElseThrow().actors()).containsExactly(
                new CaseActor("Katalogsygehus " + n, hospital.id()), new CaseActor("Ukendt Forening", null));
    }

    @Test
    void publishesTheChosenAssessmentAndFiltersByEvidenceLevel() {
        int n = SEQUENCE.incrementAndGet();
        long id = catalog.create(draft("Evidenscase " + n, "Voksne", Set.of(), Set.of(), List.of()), null, EVA);
        long low = catalog.assess(id, assessment(3, 1, 3, 3, 3), EVA);
        long good = catalog.assess(id, assessment(4, 3, 3, 4, 3), EVA);
        assertThat(catalog.assessments(id)).extracting(Assessment::id).containsExactly(good, low);

        catalog.publish(id, 1, low, EVA);
        assertThat(found(new CaseSearch.Filter("evidenscase " + n, null, null, null, null, EvidenceLevel.LOW))).contains(id);

        catalog.publish(id, 1, good, EVA);
        assertThat(found(new CaseSearch.Filter("evidenscase " + n, null, null, null, null, EvidenceLevel.LOW)))
                .doesNotContain(id);
        assertThat(found(new CaseSearch.Filter("evidenscase " + n, null, null, null, null, EvidenceLevel.GOOD)))
                .contains(id);
    }

    @Test
    void findsAnotherInflection() {
        long id = published("Tryg udskrivning " + SEQUENCE.incrementAndGet(),
                "Ældre, der har haft en indlæggelse på sygehuset.", Set.of(), Set.of());

        assertThat(found("indlæggelser")).contains(id);
    }

    @Test
    void findsARelatedFormThatStemmingAloneDoesNot() {
        long id = published("Opsøgende bus " + SEQUENCE.incrementAndGet(),
                "Sårbare borgere med diabetes på bosteder og herberger.", Set.of(DiseaseGroup.DIABETES), Set.of());

        assertThat(found("diabetikere")).contains(id);
    }

    /** LIVA is tagged with the disease group Diabetes and the theme Datadeling; its text names neither. */
    @Test
    void findsACaseByItsDiseaseGroupsAndThemes() {
        long id = published("LIVA livsstilscoaching " + SEQUENCE.incrementAndGet(),
                "Borgere, der vil ændre vaner, får coaching på video.", Set.of(DiseaseGroup.DIABETES),
                Set.of(Theme.DATA_SHARING));

        assertThat(found("diabetikere")).contains(id);
        assertThat(found("datadeling")).contains(id);
    }

    @Test
    void findsThePartsOfACompoundWord() {
        long id = published("Frivillig støtte " + SEQUENCE.incrementAndGet(),
                "Socialt sårbare kræftpatienter over 18 år.", Set.of(DiseaseGroup.CANCER), Set.of());

        assertThat(found("kræft")).as("the first part, by prefix").contains(id);
        assertThat(found("patienter")).as("a later part, by trigram word similarity").contains(id);
    }

    @Test
    void filtersByDiseaseThemeSectorAndRegion() {
        int n = SEQUENCE.incrementAndGet();
        long id = published("Filtercase " + n, "Borgere med KOL", Set.of(DiseaseGroup.LUNG),
                Set.of(Theme.DATA_SHARING));
        String text = "filtercase " + n;

        assertThat(found(new CaseSearch.Filter(text, DiseaseGroup.LUNG, Theme.DATA_SHARING, Sector.MUNICIPALITY,
                Region.MIDTJYLLAND, EvidenceLevel.LOW))).containsExactly(id);
        assertThat(found(new CaseSearch.Filter(text, DiseaseGroup.CANCER, null, null, null, null))).isEmpty();
        assertThat(found(new CaseSearch.Filter(text, null, Theme.SOCIAL_INEQUALITY, null, null, null))).isEmpty();
        assertThat(found(new CaseSearch.Filter(text, null, null, Sector.GENERAL_PRACTICE, null, null))).isEmpty();
        assertThat(found(new CaseSearch.Filter(text, null, null, null, Region.HOVEDSTADEN, null))).isEmpty();
    }

    @Test
    void answersIsThisDoneSomewhereAlready() {
        long id = published("Hjemmemålinger " + SEQUENCE.incrementAndGet(),
                "Borgere med lungefibrose måler selv iltmætning hjemme.", Set.of(DiseaseGroup.LUNG), Set.of());

        List<CaseSummary> similar = search.similarTo("Idé: lad borgere med lungefibrose lave målinger hjemme", 50);

        assertThat(similar).extracting(CaseSummary::id).contains(id);
        assertThat(search.similarTo("og i på", 5)).isEmpty();
        // and the idea portal's suggestions, asked while an idea is written, include the case
        assertThat(ideaSimilarity.similar("Idé: lad borgere med lungefibrose lave målinger hjemme", 50))
                .anySatisfy(item -> {
                    assertThat(item.kind()).isEqualTo("CASE");
                    assertThat(item.id()).isEqualTo(id);
                    assertThat(item.href()).isEqualTo("/katalog/" + id);
                });
    }

    @Autowired
    dk.tvaers.ideas.IdeaSimilarity ideaSimilarity;

    @Test
    void theCasePdfHasTheTitleAndTheChartAndTheSelectionExportsAsExcelAndCsv() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        long id = published("Pdfcase Æblehaven " + n, "Borgere med type 2-diabetes.", Set.of(DiseaseGroup.DIABETES),
                Set.of(Theme.TECHNOLOGICAL_SUPPORT));

        var pdf = mvc.perform(get("/katalog/" + id + "/pdf")).andReturn().getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Pdfcase Æblehaven " + n, "Teori og viden", "Lav evidens", "Målgruppe og indsatstype",
                    "5.000.000 kr.");
            assertThat(document.getPage(0).getResources().getXObjectNames())
                    .as("the spider chart, drawn by Batik as a form XObject on the first page").isNotEmpty();
            // tagged for PDF/UA: a structure tree, marked content, the title shown, the language
            var catalogue = document.getDocumentCatalog();
            assertThat(catalogue.getStructureTreeRoot()).as("structure tree").isNotNull();
            assertThat(catalogue.getMarkInfo()).isNotNull();
            assertThat(catalogue.getMarkInfo().isMarked()).isTrue();
            assertThat(catalogue.getLanguage()).isEqualTo("da");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Pdfcase Æblehaven " + n);
            assertThat(catalogue.getViewerPreferences().displayDocTitle()).isTrue();
        }

        var catalogue = mvc.perform(get("/katalog/eksport/pdf").param("q", "pdfcase " + n)).andReturn().getResponse();
        try (var document = Loader.loadPDF(catalogue.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Casekatalog", "Pdfcase Æblehaven " + n);
        }

        var excel = mvc.perform(get("/katalog/eksport/xlsx").param("q", "pdfcase " + n)).andReturn().getResponse();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(excel.getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Titel");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Pdfcase Æblehaven " + n);
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Lav evidens");
            // the five scores (3, 2, 3, 3, 3) are numbers, not texts
            assertThat(sheet.getRow(1).getCell(5).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(2.0);
        }

        var csv = mvc.perform(get("/katalog/eksport/csv").param("q", "pdfcase " + n)).andReturn().getResponse();
        assertThat(csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"Pdfcase Æblehaven " + n + "\";\"Region Midtjylland\";\"Diabetes\"");
    }

    @Test
    void theCasePageIsPublicWithTheChartAndADraftIsNot() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        long id = published("Sidecase " + n, "Borgere med hjertesygdom.", Set.of(DiseaseGroup.HEART), Set.of());
        long draft = catalog.create(draft("Udkast " + n, "Alle", Set.of(), Set.of(), List.of()), null, EVA);

        String page = mvc.perform(get("/katalog/" + id)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Sidecase " + n, "<svg", "role=\"img\"", "aria-labelledby=\"chart-title chart-desc\"",
                "Lav evidens – stadig under udvikling", "<caption>Vurderingen i tal med begrundelser</caption>");
        assertThat(page).doesNotContain("style=");
        assertThat(mvc.perform(get("/katalog/" + draft)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/katalog/" + draft + "/pdf")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/katalog/ny")).andReturn().getResponse().getRedirectedUrl())
                .as("writing needs a login").endsWith("/login");
        assertThat(mvc.perform(get("/katalog/" + draft + "/redaktion").with(authentication(as(Role.ANALYST))))
                .andReturn().getResponse().getContentAsString()).contains("Udkast " + n, "Udkast, ikke offentlig");
    }

    @Autowired
    dk.tvaers.funding.Funding funding;

    @Autowired
    dk.tvaers.initiatives.Initiatives initiatives;

    /** A public case says how the initiative it describes was funded: the grants paying for it. */
    @Test
    void aPublicCaseShowsTheGrantsThatFundedIt() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        var owner = organisations.create(new dk.tvaers.accounts.OrganisationDetails("Randers Kommune " + n,
                Sector.MUNICIPALITY, Region.MIDTJYLLAND, null), dk.tvaers.accounts.Actor.SYSTEM);
        long initiative = initiatives.start(new dk.tvaers.initiatives.NewInitiative("Tryg hjemme " + n, "Resumé",
                dk.tvaers.initiatives.InitiativeKind.PROJECT, dk.tvaers.shared.InnovationType.EVERYDAY, owner.id(),
                Set.of(Sector.MUNICIPALITY), null), dk.tvaers.accounts.Actor.SYSTEM);
        long pool = funding.createPool("Sundhedspuljen " + n, Region.MIDTJYLLAND,
                dk.tvaers.shared.Money.ofKroner(5_000_000), 2027, 2028);
        long grant = funding.grant(new dk.tvaers.funding.GrantDecision(pool, "Tryg hjemme " + n, owner.id(),
                dk.tvaers.shared.Money.ofKroner(1_600_000), dk.tvaers.shared.Money.ofKroner(1_600_000), null,
                List.of(new dk.tvaers.funding.GrantDecision.NewTranche(dk.tvaers.shared.Money.ofKroner(1_600_000),
                        java.time.LocalDate.now().plusMonths(6)))), dk.tvaers.accounts.Actor.SYSTEM);
        funding.linkInitiative(grant, initiative);
        long id = catalog.create(draft("Tryg hjemme " + n, "Ældre borgere.", Set.of(), Set.of(), List.of()),
                initiative, EVA);
        catalog.publish(id, 1, null, EVA);

        String page = mvc.perform(get("/katalog/" + id)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Sådan blev det finansieret")
                .contains("Tryg hjemme " + n + ": 1.600.000,00 kr. fra puljen Sundhedspuljen " + n);
    }

    /** Publishing is irreversible for the public: the form's confirmation is checked on the server too (ADR 0020). */
    @Test
    void aCaseIsPublishedOnlyWithTheConfirmationTicked() throws Exception {
        long id = catalog.create(draft("Bekræftet udgivelse " + SEQUENCE.incrementAndGet(), "Borgere.", Set.of(),
                Set.of(), List.of()), null, EVA);
        var unconfirmed = mvc.perform(post("/katalog/" + id + "/udgiv").with(csrf())
                .with(authentication(as(Role.ANALYST))).param("version", "1")).andReturn().getResponse();
        assertThat(unconfirmed.getStatus()).isEqualTo(200);
        assertThat(unconfirmed.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Sæt kryds for at bekræfte.");
        assertThat(catalog.find(id).orElseThrow().published()).isFalse();

        var confirmed = mvc.perform(post("/katalog/" + id + "/udgiv").with(csrf())
                .with(authentication(as(Role.ANALYST))).param("version", "1").param("confirmed", "true"))
                .andReturn().getResponse();
        assertThat(confirmed.getRedirectedUrl()).isEqualTo("/katalog/" + id);
        assertThat(catalog.find(id).orElseThrow().published()).isTrue();
    }

    private static UsernamePasswordAuthenticationToken as(Role role) {
        var principal = AccountPrincipal.of(new UserAccount(9, "u@x.dk", "u@x.dk", "U", null, null, Set.of(role), true,
                false, 0, null, true, false, null, "da"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
