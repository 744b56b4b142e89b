package dk.tvaers.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.insights.CapacityFigures;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.ExtendedModelMap;

/**
 * The capacity PDF draws its charts as the page does. Batik draws a chart's text as shapes, so what the PDF's charts
 * say is read from the document the PDF is made of.
 */
@IntegrationTest
class CapacityPdfTests {

    @Autowired
    CapacityPdf pdf;

    @Autowired
    CapacityFigures figures;

    @Autowired
    Ideas ideas;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachStageOfThePdfsChartIsLabelledWithItsMedianAndNinetiethPercentileAsOnThePage() {
        // two ideas of 2004 that spent 2 and 6 days submitted: at least one stage to draw, whatever else is there
        OffsetDateTime start = OffsetDateTime.of(2004, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        for (int d : new int[] {2, 6}) {
            long id = ideas.submit(new NewIdea("Mærkat " + d, "Problem", "Forslag", "Patienter",
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
        var model = new ExtendedModelMap();
        CapacityController.charts(figures.of(FigureFilter.ALL), model);
        String html = pdf.html(model, Locale.forLanguageTag("da"));

        @SuppressWarnings("unchecked")
        var stages = (List<CapacityCharts.Box>) model.get("ideaStages");
        assertThat(stages).isNotEmpty();
        for (CapacityCharts.Box box : stages) {
            assertThat(html).contains(">median " + box.median() + " dage, 90 % inden " + box.p90() + " dage</text>");
        }
    }
}
