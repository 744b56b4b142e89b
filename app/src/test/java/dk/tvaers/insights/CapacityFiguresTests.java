package dk.tvaers.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.IdeaSource;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import dk.tvaers.shared.StageTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The innovation capacity (issue 15): its figures reconcile with the lists they come from (the same filters give the
 * same counts as the idea and initiative lists), the time in each stage is the median and 90th percentile of the
 * status history, and the page shows the figures with its charts and tables.
 */
@IntegrationTest
public class CapacityFiguresTests {

    @Autowired
    CapacityFigures figures;

    @Autowired
    Ideas ideas;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void figuresReconcileWithTheIdeaAndInitiativeLists() {
        long owner = organisations.create(new OrganisationDetails("Afstemning " + System.nanoTime(),
                Sector.GENERAL_PRACTICE, Region.SYDDANMARK, null), Actor.SYSTEM).id();
        for (int i = 0; i < 3; i++) {
            long idea = ideas.submit(new NewIdea("Afstemt idé " + i, "Problem", "Forslag", "Patienter",
                    EnumSet.of(Sector.GENERAL_PRACTICE), InnovationType.BREAKTHROUGH, Region.SYDDANMARK, false, List.of()),
                    Submitter.anonymous("Borger", null));
            // confirmed, as by the mailed link: the public list shows it
            jdbc.sql("UPDATE idea SET status = 'SUBMITTED' WHERE id = :id").param("id", idea).update();
        }
        long started = initiatives.start(new NewInitiative("Afstemt initiativ", "", InitiativeKind.PROJECT,
                InnovationType.BREAKTHROUGH, owner, EnumSet.of(Sector.GENERAL_PRACTICE, Sector.MUNICIPALITY), null),
                Actor.SYSTEM);
        initiatives.movePhase(started, Phase.USEFUL, "Virker", Actor.SYSTEM);

        for (Sector sector : Sector.values()) {
            for (InnovationType type : InnovationType.values()) {
                Capacity capacity = figures.of(new FigureFilter(null, sector, type, null, null));
                assertThat(capacity.ideas().received()).as("ideas of %s, %s", sector, type)
                        .isEqualTo(ideas.search(new Ideas.Filter(null, null, sector, type), Ideas.Sort.NEWEST, 1, 1)
                                .total());
            }
            Capacity capacity = figures.of(new FigureFilter(null, sector, null, null, null));
            assertThat(capacity.initiatives().initiatives()).as("initiatives of %s", sector)
                    .isEqualTo(initiatives.search(new Initiatives.Filter(null, null, null, sector), 1, 1).total());
            assertThat(capacity.initiatives().putToUse()).as("put to use, %s", sector)
                    .isEqualTo(initiatives.search(new Initiatives.Filter(null, Phase.PUT_TO_USE, null, sector), 1, 1)
                            .total());
            assertThat(capacity.initiatives().useful() - capacity.initiatives().putToUse()).as("useful, %s", sector)
                    .isEqualTo(initiatives.search(new Initiatives.Filter(null, Phase.USEFUL, null, sector), 1, 1)
                            .total());
        }
        for (IdeaSource source : IdeaSource.values()) {
            Capacity capacity = figures.of(new FigureFilter(null, null, null, null, null, source));
            assertThat(capacity.ideas().received()).as("ideas from %s", source)
                    .isEqualTo(ideas.search(new Ideas.Filter(null, null, null, null, source), Ideas.Sort.NEWEST, 1, 1)
                            .total());
        }
        Capacity all = figures.of(FigureFilter.ALL);
        assertThat(all.ideasBySource().stream().mapToLong(s -> s.received()).sum()).as("ideas by source add up")
                .isEqualTo(all.ideas().received());
        assertThat(all.ideas().received()).isEqualTo(ideas.search(new Ideas.Filter(null, null, null, null),
                Ideas.Sort.NEWEST, 1, 1).total());
        assertThat(all.initiatives().initiatives()).isEqualTo(initiatives.search(
                new Initiatives.Filter(null, null, null, null), 1, 1).total());
    }

    @Test
    void timeInStageIsTheMedianAndNinetiethPercentileOfTheHistory() {
        // five ideas of 2003, a year no other test uses: 1, 2, 3, 4 and 10 days from submitted to in review
        int[] days = {1, 2, 3, 4, 10};
        OffsetDateTime start = OffsetDateTime.of(2003, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        ideasInReviewAfter(ideas, jdbc, start, "Historik", days);
        var filter = new FigureFilter(Region.NATIONAL, null, InnovationType.RESEARCH_DRIVEN, 2003, 2003);
        List<StageTime> stages = figures.of(filter).ideaStages();
        assertThat(stages).singleElement().satisfies(stage -> {
            assertThat(stage.stage()).isEqualTo("SUBMITTED");
            assertThat(stage.count()).isEqualTo(5);
            assertThat(stage.medianDays()).isEqualTo(3.0);
            // percentile_cont: 4 + 0.6 × (10 − 4)
            assertThat(stage.p90Days()).isCloseTo(7.6, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(figures.of(filter).ideasByYear()).singleElement()
                .satisfies(year -> assertThat(year.count()).isEqualTo(5));
    }

    /**
     * The stage times read from the cube of the page's filters (V74, ADR 0045) equal {@code percentile_cont} over the
     * spans themselves, for seeded random ideas and every kind of filter combination (region, type, source, sector,
     * years; each present or not): the cube's "any" cells hold exactly the spans a filter left open selects.
     */
    @Test
    void stageTimesOfEveryFilterEqualThePercentilesOverTheSpans() {
        var random = new java.util.SplittableRandom(45);
        Region[] regions = {Region.NORDJYLLAND, Region.SJAELLAND, null};
        for (int n = 0; n < 40; n++) {
            EnumSet<Sector> sectors = EnumSet.of(Sector.values()[random.nextInt(3)]);
            if (random.nextBoolean()) {
                sectors.add(Sector.PATIENT_ORGANISATION);
            }
            long id = ideas.submit(new NewIdea("Terning " + n, "Problem", "Forslag", "Patienter", sectors,
                    InnovationType.values()[random.nextInt(3)], regions[random.nextInt(regions.length)], false,
                    List.of()), Submitter.anonymous("Borger", null));
            OffsetDateTime at = OffsetDateTime.of(1996 + random.nextInt(4), 1 + random.nextInt(12), 2, 9, 0, 0, 0,
                    ZoneOffset.UTC);
            jdbc.sql("UPDATE idea SET submitted_at = :at, status = 'IN_REVIEW', source = :source WHERE id = :id")
                    .param("at", at).param("source", IdeaSource.values()[random.nextInt(4)].name()).param("id", id)
                    .update();
            jdbc.sql("DELETE FROM idea_status_change WHERE idea_id = :id").param("id", id).update();
            OffsetDateTime reviewed = at.plusDays(random.nextInt(30)).plusHours(random.nextInt(24));
            jdbc.sql("""
                    INSERT INTO idea_status_change (idea_id, from_status, to_status, by_name, changed_at)
                    VALUES (:id, NULL, 'SUBMITTED', 'Test', :at), (:id, 'SUBMITTED', 'IN_REVIEW', 'Test', :reviewed),
                           (:id, 'IN_REVIEW', 'PRIORITISED', 'Test', :decided)""")
                    .param("id", id).param("at", at).param("reviewed", reviewed)
                    .param("decided", reviewed.plusDays(random.nextInt(90))).update();
        }
        for (int n = 0; n < 60; n++) {
            Integer from = random.nextBoolean() ? 1996 + random.nextInt(4) : null;
            var filter = new FigureFilter(random.nextBoolean() ? regions[random.nextInt(2)] : null,
                    random.nextBoolean() ? Sector.values()[random.nextInt(Sector.values().length)] : null,
                    random.nextBoolean() ? InnovationType.values()[random.nextInt(3)] : null, from,
                    from != null && random.nextBoolean() ? from + random.nextInt(3) : null,
                    random.nextBoolean() ? IdeaSource.values()[random.nextInt(4)] : null);
            assertThat(figures.of(filter).ideaStages()).as("stage times of %s", filter)
                    .usingRecursiveFieldByFieldElementComparator(org.assertj.core.api.recursive.comparison
                            .RecursiveComparisonConfiguration.builder().withComparatorForType(
                                    (a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class).build())
                    .containsExactlyElementsOf(spanPercentiles(filter));
        }
    }

    /** percentile_cont over the whole days of the ended spans of the public ideas the filter selects. */
    private List<StageTime> spanPercentiles(FigureFilter filter) {
        return jdbc.sql("""
                SELECT c.to_status AS stage, count(*) AS n,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(EPOCH FROM c.left_at - c.changed_at) / 86400)) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY floor(extract(EPOCH FROM c.left_at - c.changed_at) / 86400)) AS p90
                FROM idea_status_change c JOIN idea i ON i.id = c.idea_id
                WHERE c.left_at IS NOT NULL AND i.status <> 'UNCONFIRMED' AND i.hidden_at IS NULL
                  AND c.to_status IN ('SUBMITTED', 'IN_REVIEW')
                  AND (CAST(:region AS text) IS NULL OR i.region = :region)
                  AND (CAST(:type AS text) IS NULL OR i.innovation_type = :type)
                  AND (CAST(:source AS text) IS NULL OR i.source = :source)
                  AND (CAST(:sector AS text) IS NULL OR CAST(:sector AS varchar) = ANY (i.sectors))
                  AND (CAST(:fromYear AS int) IS NULL
                       OR extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') >= :fromYear)
                  AND (CAST(:toYear AS int) IS NULL
                       OR extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') <= :toYear)
                GROUP BY c.to_status ORDER BY c.to_status DESC""")
                .param("region", filter.region() == null ? null : filter.region().name())
                .param("type", filter.type() == null ? null : filter.type().name())
                .param("source", filter.source() == null ? null : filter.source().name())
                .param("sector", filter.sector() == null ? null : filter.sector().name())
                .param("fromYear", filter.fromYear()).param("toYear", filter.toYear())
                .query((rs, n) -> new StageTime(rs.getString("stage"), rs.getLong("n"), rs.getDouble("median"),
                        rs.getDouble("p90"))).list();
    }

    @Test
    void thePdfForTheAnnualReportHasTheFiguresChartsAndTablesTaggedForPdfUa() throws Exception {
        Capacity all = figures.of(FigureFilter.ALL);
        var pdf = mvc.perform(get("/innovationskapacitet.pdf").with(authentication(person(Role.TASK_FORCE))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            assertThat(text).contains("Innovationskapacitet", "Nøgletal for det valgte udsnit", "Idéer efter kilde",
                    "Fra idé til Nyttiggjort i tal", "Idéer modtaget pr. år", "Idéer modtaget " + all.ideas().received());
            int charts = 0;
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    charts++;
                }
            }
            assertThat(charts).as("the SVG charts, drawn by Batik as form XObjects").isGreaterThanOrEqualTo(2);
            var catalogue = document.getDocumentCatalog();
            assertThat(catalogue.getStructureTreeRoot()).as("tagged: a structure tree").isNotNull();
            assertThat(catalogue.getMarkInfo().isMarked()).isTrue();
            assertThat(catalogue.getLanguage()).isEqualTo("da");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Innovationskapacitet – tal til årsrapporten");
            assertThat(catalogue.getViewerPreferences().displayDocTitle()).isTrue();
        }
        mvc.perform(get("/innovationskapacitet.pdf").with(authentication(person(Role.STAFF))))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/innovationskapacitet")).andReturn().getResponse().getContentAsString();
        assertThat(page).as("no PDF link for who may not take it").doesNotContain("data-capacity-pdf");
        page = mvc.perform(get("/innovationskapacitet").param("kilde", "STAFF").with(authentication(person(Role.ANALYST))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/innovationskapacitet.pdf?kilde=STAFF");
    }

    @Test
    void theSourceFiltersTheIdeaFiguresAndDrillsDownToTheIdeaList() throws Exception {
        ideas.submit(new NewIdea("Kildeidé", "Problem", "Forslag", "Patienter", EnumSet.of(Sector.REGION),
                InnovationType.EVERYDAY, Region.NORDJYLLAND, false, List.of()),
                Submitter.assisted("Borger", null, 1, "Medarbejder"));
        String page = mvc.perform(get("/innovationskapacitet").param("sektor", "REGION"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-ideas-by-source").contains("href=\"/ideer?sektor=REGION&amp;kilde=CITIZEN\"")
                .doesNotContain("data-source-note");
        page = mvc.perform(get("/innovationskapacitet").param("kilde", "CITIZEN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-source-note").contains("href=\"/ideer?kilde=CITIZEN\"")
                .contains("<option value=\"CITIZEN\" selected=\"selected\">");
        String list = mvc.perform(get("/ideer").param("kilde", "CITIZEN")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains("<option value=\"CITIZEN\" selected=\"selected\">");
    }

    private UsernamePasswordAuthenticationToken person(Role role) {
        long organisation = organisations.create(new OrganisationDetails("Kapacitet " + System.nanoTime(), Sector.REGION,
                Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long id = users.create(new UserAttributes("kapacitet-" + System.nanoTime() + "@test.tvaers.dk", "Kapacitet",
                organisation, EnumSet.of(role)), "Rolig-Rød-Cykel-1", false, Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    @Autowired
    UserDirectory users;

    @Test
    void thePageShowsTheFiguresWithChartsTablesAndDrillDownLinks() throws Exception {
        String page = mvc.perform(get("/innovationskapacitet").param("sektor", "MUNICIPALITY").param("fra", "2000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-funnel").contains("data-funnel-table").contains("data-capacity-figures")
                .contains("href=\"/ideer?sektor=MUNICIPALITY\"").contains("/innovationskapacitet.xlsx?sektor=MUNICIPALITY&amp;fra=2000");
        assertThat(page).as("figures aligned right with DKFDS's own class (text-align-right is none of DKFDS's)")
                .containsPattern("<td class=\"align-text-right\" data-figure=\"ideas\"")
                .doesNotContain("text-align-right");
        var excel = mvc.perform(get("/innovationskapacitet.xlsx")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(excel.getContentAsByteArray()).startsWith(new byte[] {'P', 'K'});
    }

    /**
     * Ideas submitted at {@code start} that moved to "in review" after the given numbers of days, with exactly that
     * history: a stage to draw and to compute the median and 90th percentile of.
     */
    public static void ideasInReviewAfter(Ideas ideas, JdbcClient jdbc, OffsetDateTime start, String title,
            int... days) {
        for (int d : days) {
            long id = ideas.submit(new NewIdea(title + " " + d, "Problem", "Forslag", "Patienter",
                    EnumSet.of(Sector.REGION), InnovationType.RESEARCH_DRIVEN, Region.NATIONAL, false, List.of()),
                    Submitter.anonymous("Borger", null));
            jdbc.sql("UPDATE idea SET submitted_at = :at, status = 'IN_REVIEW' WHERE id = :id").param("at", start)
                    .param("id", id).update();
            jdbc.sql("DELETE FROM idea_status_change WHERE idea_id = :id").param("id", id).update();
            jdbc.sql("""
                    INSERT INTO idea_status_change (idea_id, from_status, to_status, by_name, changed_at)
                    VALUES (:id, NULL, 'SUBMITTED', 'Test', :at), (:id, 'SUBMITTED', 'IN_REVIEW', 'Test', :later)""")
                    .param("id", id).param("at", start).param("later", start.plusDays(d)).update();
        }
    }
}
