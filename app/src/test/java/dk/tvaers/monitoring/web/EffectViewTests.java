package dk.tvaers.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.EffectSql;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.monitoring.Effect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The headline's verdict never claims more than the interval (issue 12, item 8), and the SPC chart's special-cause
 * rules (item 9): a month outside the limits, 8 or more in a row on one side of the centre line.
 */
class EffectViewTests {

    private static final Locale DA = Locale.of("da", "DK");

    private static Indicator indicator(String code) {
        return Indicator.catalogue().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static Effect effect(String code, String estimate, String lower, String upper) {
        return new Effect(code, EffectSql.kind(indicator(code)), false, false, new BigDecimal(estimate),
                new BigDecimal(lower), new BigDecimal(upper));
    }

    @Test
    void anIntervalAcrossZeroIsNoCertainDifference() {
        var view = EffectView.of(indicator("ACUTE_CONTACTS"), effect("ACUTE_CONTACTS", "-2.1", "-4.4", "0.2"), DA);
        assertThat(view.verdictKey()).isEqualTo("monitoring.effect.verdict.uncertain");
        assertThat(view.sentenceKey()).isEqualTo("monitoring.effect.uncertain");
        // the interval keeps its signs, so the reader sees it holds both a fall and a rise
        assertThat(List.of(view.amount(), view.lower(), view.upper())).containsExactly("-2,1", "-4,4", "0,2");
    }

    @Test
    void aCertainFallIsBetterForCountsAndWorseForScores() {
        var contacts = EffectView.of(indicator("ACUTE_CONTACTS"), effect("ACUTE_CONTACTS", "-2.1", "-2.5", "-1.7"),
                DA);
        assertThat(contacts.verdictKey()).isEqualTo("monitoring.effect.verdict.better");
        assertThat(contacts.sentenceKey()).isEqualTo("monitoring.effect.fell");
        // "fell by 2.1 (95 % CI 1.7–2.5)": amount and interval in the direction of the sentence
        assertThat(List.of(contacts.amount(), contacts.lower(), contacts.upper())).containsExactly("2,1", "1,7", "2,5");
        var score = EffectView.of(indicator("PRO_EQ5D_INDEX"), effect("PRO_EQ5D_INDEX", "-5", "-8", "-2"), DA);
        assertThat(score.verdictKey()).isEqualTo("monitoring.effect.verdict.worse");
        var money = EffectView.of(indicator("DRG_VALUE_ACUTE"),
                effect("DRG_VALUE_ACUTE", "-13000000", "-14000000", "-12000000"), DA);
        assertThat(money.amount()).isEqualTo("130.000");
        var mortality = EffectView.of(indicator("MORTALITY"), effect("MORTALITY", "0.02", "0.01", "0.03"), DA);
        assertThat(mortality.sentenceKey()).isEqualTo("monitoring.effect.after.higher");
        assertThat(mortality.amount()).isEqualTo("2");
        var hidden = EffectView.of(indicator("MORTALITY"), new Effect("MORTALITY", EffectSql.Kind.DIFFERENCE_AFTER,
                false, true, null, null, null), DA);
        assertThat(hidden.hidden()).isTrue();
        assertThat(hidden.verdictKey()).isEqualTo("monitoring.effect.verdict.hidden");
    }

    @Test
    void specialCauseRules() {
        // a steady rate of 10 per 100 persons: no signal
        assertThat(spc(month -> 10).signalCount()).isZero();
        // one month far above: rule 1 only there
        var outlier = spc(month -> month == 3 ? 40 : 10);
        assertThat(outlier.signalCount()).isEqualTo(1);
        assertThat(outlier.rows().stream().filter(r -> r.signalKey() != null).map(EffectView.SpcRow::month))
                .containsExactly(3);
        // after the index date every month a little lower (inside the limits): a shift of 12 in a row, rule 2
        var shift = spc(month -> month < 0 ? (month % 2 == 0 ? 9 : 11) : 8);
        assertThat(shift.rows().stream().filter(r -> "monitoring.spc.signal.shift".equals(r.signalKey())).count())
                .isEqualTo(12);
        // seven in a row is no shift
        var seven = spc(month -> month < 0 ? (month % 2 == 0 ? 9 : 11) : month < 7 ? 8 : (month % 2 == 1 ? 11 : 9));
        assertThat(seven.rows().stream().filter(r -> "monitoring.spc.signal.shift".equals(r.signalKey()))).isEmpty();
    }

    /** The target group's u-chart for 1,000 persons a month with so many events per month (−12..11). */
    private static EffectView.SpcChart spc(java.util.function.IntUnaryOperator events) {
        var series = new ArrayList<Effect.Month>();
        for (int m = -12; m < 12; m++) {
            series.add(new Effect.Month("ACUTE_CONTACTS", "TARGET", m, false, 1000L,
                    (long) events.applyAsInt(m)));
        }
        return EffectView.spcCharts(series, DA).getFirst();
    }
}
