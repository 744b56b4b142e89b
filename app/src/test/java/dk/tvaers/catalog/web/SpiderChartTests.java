package dk.tvaers.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.catalog.Parameter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class SpiderChartTests {

    private static Map<Parameter, Integer> scores(int theory, int effect, int description, int goals, int transferability) {
        Map<Parameter, Integer> scores = new EnumMap<>(Parameter.class);
        scores.put(Parameter.THEORY, theory);
        scores.put(Parameter.EFFECT, effect);
        scores.put(Parameter.DESCRIPTION, description);
        scores.put(Parameter.GOALS, goals);
        scores.put(Parameter.TRANSFERABILITY, transferability);
        return scores;
    }

    @Test
    void theFirstAxisPointsStraightUpAndAFullScoreReachesTheOuterRing() {
        SpiderChart chart = SpiderChart.of(scores(4, 4, 4, 4, 4));

        var theory = chart.axes().getFirst();
        assertThat(theory.parameter()).isEqualTo(Parameter.THEORY);
        assertThat(theory.pointX()).isEqualTo(SpiderChart.format(SpiderChart.CENTRE_X));
        assertThat(theory.pointY()).isEqualTo(SpiderChart.format(SpiderChart.CENTRE_Y - 115));
        assertThat(theory.anchor()).isEqualTo("middle");
        assertThat(chart.shape()).isEqualTo(chart.rings().get(3));
    }

    @Test
    void aScoreIsItsShareOfTheRadiusAlongItsAxis() {
        SpiderChart chart = SpiderChart.of(scores(2, 1, 4, 3, 2));

        var theory = chart.axes().get(0);
        assertThat(theory.pointY()).isEqualTo(SpiderChart.format(SpiderChart.CENTRE_Y - 115 / 2.0));
        var effect = chart.axes().get(1); // 72° clockwise from the top, a quarter of the radius
        double r = 115 / 4.0;
        assertThat(Double.parseDouble(effect.pointX())).isCloseTo(SpiderChart.CENTRE_X + r * Math.sin(Math.toRadians(72)),
                org.assertj.core.data.Offset.offset(0.06));
        assertThat(Double.parseDouble(effect.pointY())).isCloseTo(SpiderChart.CENTRE_Y - r * Math.cos(Math.toRadians(72)),
                org.assertj.core.data.Offset.offset(0.06));
        assertThat(effect.anchor()).isEqualTo("start");
        assertThat(chart.axes().get(3).anchor()).as("Mål, lower left").isEqualTo("end");
    }

    @Test
    void hasFourRingsOfFivePointsAndFiveAxes() {
        SpiderChart chart = SpiderChart.of(scores(1, 2, 3, 4, 1));

        assertThat(chart.rings()).hasSize(4).allSatisfy(ring -> assertThat(ring.split(" ")).hasSize(5));
        assertThat(chart.axes()).extracting(SpiderChart.Axis::parameter).containsExactly(Parameter.values());
        assertThat(chart.axes()).extracting(SpiderChart.Axis::score).containsExactly(1, 2, 3, 4, 1);
        assertThat(chart.shape().split(" ")).hasSize(5);
    }

    /**
     * Every label, Danish and English, lies inside the drawing at its font size (the width of a character taken
     * generously as 0.62 em), so nothing is clipped on the page, on a phone (the SVG scales) or in the PDF.
     */
    @Test
    void everyLabelFitsInsideTheDrawing() throws Exception {
        SpiderChart chart = SpiderChart.of(scores(4, 4, 4, 4, 4));
        for (String bundle : List.of("i18n/catalog.properties", "i18n/catalog_en.properties")) {
            var labels = new Properties();
            try (var in = new InputStreamReader(new ClassPathResource(bundle).getInputStream(), StandardCharsets.UTF_8)) {
                labels.load(in);
            }
            for (SpiderChart.Axis axis : chart.axes()) {
                String label = labels.getProperty(axis.parameter().messageKey());
                double width = label.length() * 0.62 * SpiderChart.FONT_SIZE;
                double x = Double.parseDouble(axis.labelX());
                double left = switch (axis.anchor()) {
                    case "start" -> x;
                    case "end" -> x - width;
                    default -> x - width / 2;
                };
                double top = Double.parseDouble(axis.labelY()) - SpiderChart.FONT_SIZE;
                double bottom = Double.parseDouble(axis.labelY()) + SpiderChart.LINE_HEIGHT;
                assertThat(left).as("%s (%s): left edge", label, bundle).isGreaterThanOrEqualTo(0);
                assertThat(left + width).as("%s (%s): right edge", label, bundle).isLessThanOrEqualTo(SpiderChart.WIDTH);
                assertThat(top).as("%s (%s): top", label, bundle).isGreaterThanOrEqualTo(0);
                assertThat(bottom).as("%s (%s): bottom", label, bundle).isLessThanOrEqualTo(SpiderChart.HEIGHT);
            }
        }
    }
}
