package dk.tvaers.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.insights.CapacityFigures;
import dk.tvaers.insights.CapacityFiguresTests;
import dk.tvaers.shared.FigureFilter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        CapacityFiguresTests.ideasInReviewAfter(ideas, jdbc, start, "Mærkat", 2, 6);
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
