package dk.tvaers.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.catalog.Parameter;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        assertThat(theory.pointX()).isEqualTo("210.0");
        assertThat(theory.pointY()).isEqualTo("60.0"); // 175 - 115
        assertThat(theory.anchor()).isEqualTo("middle");
        assertThat(chart.shape()).isEqualTo(chart.rings().get(3));
    }

    @Test
    void aScoreIsItsShareOfTheRadiusAlongItsAxis() {
        SpiderChart chart = SpiderChart.of(scores(2, 1, 4, 3, 2));

        var theory = chart.axes().get(0);
        assertThat(theory.pointY()).isEqualTo("117.5"); // 175 - 115 / 2
        var effect = chart.axes().get(1); // 72° clockwise from the top, a quarter of the radius
        double r = 115 / 4.0;
        assertThat(Double.parseDouble(effect.pointX())).isCloseTo(210 + r * Math.sin(Math.toRadians(72)),
                org.assertj.core.data.Offset.offset(0.06));
        assertThat(Double.parseDouble(effect.pointY())).isCloseTo(175 - r * Math.cos(Math.toRadians(72)),
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
}
