package dk.tvaers.monitoring.web;

import dk.tvaers.indicators.EffectSql;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.monitoring.Effect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The effect of an indicator as the page reads it: a sentence in plain Danish whose verdict never claims more than
 * the interval allows (it crosses zero: "no certain difference"), with amount and interval formatted in the unit the
 * reader knows (kr., percentage points, per person). {@code sentenceKey} takes {0} indicator, {1} amount, {2} and
 * {3} the interval, {4} the unit.
 */
record EffectView(String indicatorCode, String indicatorKey, String sentenceKey, String verdictKey, String verdictClass,
        String amount, String lower, String upper, String unitKey, boolean hidden) {

    /** The lead indicators of each aim, in order of preference: the headline is the first whose effect is shown. */
    static final Map<Indicator.Dimension, List<String>> LEADS = Map.of(
            Indicator.Dimension.POPULATION_HEALTH, List.of("PREVENTABLE_ADMISSIONS", "MORTALITY"),
            Indicator.Dimension.EXPERIENCE, List.of("PRO_EQ5D_INDEX", "PRO_EXPERIENCE", "READMISSIONS_30D"),
            Indicator.Dimension.COST, List.of("ACUTE_CONTACTS", "DRG_VALUE_ACUTE", "TOTAL_COST"));

    static EffectView of(Indicator indicator, Effect effect, Locale locale) {
        String code = indicator.code();
        if (effect == null || effect.suppressed()) {
            return new EffectView(code, indicator.messageKey(), "monitoring.effect.hidden",
                    "monitoring.effect.verdict.hidden", "tvaers-verdict--hidden", null, null, null,
                    "monitoring.effect.unit." + indicator.unit().name(), true);
        }
        boolean after = effect.kind() == EffectSql.Kind.DIFFERENCE_AFTER;
        // a score is better higher; every other indicator (deaths, admissions, days, kroner) better lower
        boolean higherIsBetter = indicator.statistic() == Indicator.Statistic.SCORE;
        String sentence;
        String verdict;
        String css;
        if (!effect.certain()) {
            sentence = after ? "monitoring.effect.after.uncertain" : "monitoring.effect.uncertain";
            verdict = "monitoring.effect.verdict.uncertain";
            css = "tvaers-verdict--uncertain";
        } else {
            boolean lowered = effect.estimate().signum() < 0;
            sentence = after ? (lowered ? "monitoring.effect.after.lower" : "monitoring.effect.after.higher")
                    : (lowered ? "monitoring.effect.fell" : "monitoring.effect.rose");
            boolean better = lowered != higherIsBetter;
            verdict = better ? "monitoring.effect.verdict.better" : "monitoring.effect.verdict.worse";
            css = better ? "tvaers-verdict--better" : "tvaers-verdict--worse";
        }
        // a certain change reads as an amount with its interval in the same direction ("fell by 2.1 (1.7–2.5)");
        // an uncertain one keeps the signs, so the reader sees the interval holds both
        boolean absolute = effect.certain();
        BigDecimal lo = effect.lower();
        BigDecimal hi = effect.upper();
        if (absolute && effect.estimate().signum() < 0) {
            lo = effect.upper().negate();
            hi = effect.lower().negate();
        }
        return new EffectView(code, indicator.messageKey(), sentence, verdict, css,
                format(indicator, absolute ? effect.estimate().abs() : effect.estimate(), locale),
                format(indicator, lo, locale), format(indicator, hi, locale),
                "monitoring.effect.unit." + indicator.unit().name(), false);
    }

    /** An effect in the reader's unit: kr., percentage points, per 1,000 persons 65+, score points, per person. */
    static String format(Indicator indicator, BigDecimal value, Locale locale) {
        return Dashboard.number(readerValue(indicator, value), switch (indicator.unit()) {
            case ORE_PER_PERSON_YEAR -> 0;
            case SHARE, SHARE_OF_INDEX, PER_1000_YEAR -> 1;
            default -> 2;
        }, locale);
    }

    /** A stored value in the reader's unit: kr., percentage points, per 1,000, score points, as it is otherwise. */
    static BigDecimal readerValue(Indicator indicator, BigDecimal value) {
        return switch (indicator.unit()) {
            case ORE_PER_PERSON_YEAR, SCORE -> value.movePointLeft(2);
            case SHARE, SHARE_OF_INDEX -> value.movePointRight(2);
            case PER_1000_YEAR -> value.movePointRight(3);
            default -> value;
        };
    }

    /** A chart's points as an SVG polyline. */
    record Line(String cssClass, String points) {}

    /** One month of a run chart's table. */
    record MonthRow(int month, String targetPersons, String targetEvents, String targetRate, String comparisonPersons,
            String comparisonEvents, String comparisonRate) {}

    /** One month of the SPC chart's table: the rate, centre line, limits and whether it signals special cause. */
    record SpcRow(int month, String persons, String events, String rate, String centre, String lower, String upper,
            String signalKey) {}

    /** A dot on a chart (a special-cause signal on the SPC chart). */
    record Dot(int x, int y) {}

    /** An axis label. */
    record Tick(int position, String label) {}

    /** The run chart of one measure: monthly rate per 100 persons, target and comparison, before and after. */
    record RunChart(String measure, String id, List<Line> lines, int indexX, List<Tick> xTicks, List<Tick> yTicks,
            List<MonthRow> rows) {}

    /** The u-chart of the target group's measure, baseline before the index date, with its special causes. */
    record SpcChart(String measure, String id, List<Line> lines, List<Dot> signals, int indexX, List<Tick> xTicks,
            List<Tick> yTicks, List<SpcRow> rows, String centre, int signalCount) {}

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 40;

    static List<RunChart> runCharts(List<Effect.Month> series, Locale locale) {
        var charts = new ArrayList<RunChart>();
        for (String measure : dk.tvaers.indicators.SeriesSql.MEASURES) {
            var target = series.stream().filter(m -> m.measure().equals(measure) && m.group().equals("TARGET"))
                    .toList();
            var comparison = series.stream().filter(m -> m.measure().equals(measure)
                    && m.group().equals("COMPARISON")).toList();
            if (target.isEmpty()) {
                continue;
            }
            int first = target.getFirst().month();
            int last = target.getLast().month();
            double max = 0;
            for (var m : series) {
                if (m.measure().equals(measure) && !m.suppressed() && m.persons() > 0) {
                    max = Math.max(max, rate(m));
                }
            }
            max = niceMax(max);
            var lines = new ArrayList<Line>();
            lines.add(new Line("tvaers-line tvaers-line--target", polyline(target, first, last, max)));
            if (!comparison.isEmpty()) {
                lines.add(new Line("tvaers-line tvaers-line--comparison", polyline(comparison, first, last, max)));
            }
            var rows = new ArrayList<MonthRow>();
            for (var t : target) {
                var c = comparison.stream().filter(m -> m.month() == t.month()).findFirst().orElse(null);
                rows.add(new MonthRow(t.month(), persons(t, locale), events(t, locale), rateText(t, locale),
                        c == null ? null : persons(c, locale), c == null ? null : events(c, locale),
                        c == null ? null : rateText(c, locale)));
            }
            charts.add(new RunChart(measure, "run-chart-" + measure.toLowerCase(Locale.ROOT).replace('_', '-'),
                    lines, x(0, first, last), xTicks(first, last), yTicks(max, locale), rows));
        }
        return charts;
    }

    /**
     * The u-chart (Shewhart; IHI's improvement practice) of the target group's monthly rate: centre line ū the rate
     * of the months before the index date (the baseline), limits ū ± 3·√(ū / n) for each month's n persons at risk.
     * Special cause: a month outside the limits (rule 1), or a run of 8 or more months in a row on the same side of
     * the centre line (rule 2, a shift).
     */
    static List<SpcChart> spcCharts(List<Effect.Month> series, Locale locale) {
        var charts = new ArrayList<SpcChart>();
        for (String measure : dk.tvaers.indicators.SeriesSql.MEASURES) {
            var target = series.stream().filter(m -> m.measure().equals(measure) && m.group().equals("TARGET")
                    && !m.suppressed() && m.persons() > 0).toList();
            long baseEvents = 0;
            long basePersons = 0;
            for (var m : target) {
                if (m.month() < 0) {
                    baseEvents += m.events();
                    basePersons += m.persons();
                }
            }
            if (target.isEmpty() || basePersons == 0) {
                continue;
            }
            double centre = (double) baseEvents / basePersons;
            int n = target.size();
            double[] rate = new double[n];
            double[] lower = new double[n];
            double[] upper = new double[n];
            boolean[] signal = new boolean[n];
            String[] rule = new String[n];
            double max = 0;
            for (int i = 0; i < n; i++) {
                var m = target.get(i);
                rate[i] = (double) m.events() / m.persons();
                double sigma = Math.sqrt(centre / m.persons());
                lower[i] = Math.max(0, centre - 3 * sigma);
                upper[i] = centre + 3 * sigma;
                if (rate[i] > upper[i] || rate[i] < lower[i]) {
                    signal[i] = true;
                    rule[i] = "monitoring.spc.signal.outside";
                }
                max = Math.max(max, Math.max(rate[i], upper[i]) * 100);
            }
            // rule 2: 8 or more in a row on one side of the centre line (a point on the line breaks the run)
            int runStart = 0;
            for (int i = 1; i <= n; i++) {
                boolean breaks = i == n || side(rate[i], centre) == 0 || side(rate[i], centre) != side(rate[i - 1], centre);
                if (breaks) {
                    if (i - runStart >= 8 && side(rate[runStart], centre) != 0) {
                        for (int j = runStart; j < i; j++) {
                            signal[j] = true;
                            if (rule[j] == null) {
                                rule[j] = "monitoring.spc.signal.shift";
                            }
                        }
                    }
                    runStart = i;
                }
            }
            max = niceMax(max);
            int first = target.getFirst().month();
            int last = target.getLast().month();
            var ratePoints = new StringBuilder();
            var upperPoints = new StringBuilder();
            var lowerPoints = new StringBuilder();
            var signals = new ArrayList<Dot>();
            var rows = new ArrayList<SpcRow>();
            for (int i = 0; i < n; i++) {
                int x = x(target.get(i).month(), first, last);
                ratePoints.append(x).append(',').append(y(rate[i] * 100, max)).append(' ');
                upperPoints.append(x).append(',').append(y(upper[i] * 100, max)).append(' ');
                lowerPoints.append(x).append(',').append(y(lower[i] * 100, max)).append(' ');
                if (signal[i]) {
                    signals.add(new Dot(x, y(rate[i] * 100, max)));
                }
                var m = target.get(i);
                rows.add(new SpcRow(m.month(), Dashboard.number(BigDecimal.valueOf(m.persons()), 0, locale),
                        Dashboard.number(BigDecimal.valueOf(m.events()), 0, locale), per100(rate[i], locale),
                        per100(centre, locale), per100(lower[i], locale), per100(upper[i], locale), rule[i]));
            }
            int centreY = y(centre * 100, max);
            var lines = List.of(
                    new Line("tvaers-line tvaers-line--limit", upperPoints.toString().strip()),
                    new Line("tvaers-line tvaers-line--limit", lowerPoints.toString().strip()),
                    new Line("tvaers-line tvaers-line--centre", x(first, first, last) + "," + centreY + " "
                            + x(last, first, last) + "," + centreY),
                    new Line("tvaers-line tvaers-line--target", ratePoints.toString().strip()));
            int signalCount = (int) java.util.stream.IntStream.range(0, n).filter(i -> signal[i]).count();
            charts.add(new SpcChart(measure, "spc-chart-" + measure.toLowerCase(Locale.ROOT).replace('_', '-'), lines,
                    signals, x(0, first, last), xTicks(first, last), yTicks(max, locale), rows,
                    per100(centre, locale), signalCount));
        }
        return charts;
    }

    private static int side(double value, double centre) {
        return Double.compare(value, centre);
    }

    private static double rate(Effect.Month m) {
        return 100.0 * m.events() / m.persons();
    }

    private static String per100(double rate, Locale locale) {
        return Dashboard.number(BigDecimal.valueOf(rate * 100), 2, locale);
    }

    private static String persons(Effect.Month m, Locale locale) {
        return m.suppressed() ? null : Dashboard.number(BigDecimal.valueOf(m.persons()), 0, locale);
    }

    private static String events(Effect.Month m, Locale locale) {
        return m.suppressed() ? null : Dashboard.number(BigDecimal.valueOf(m.events()), 0, locale);
    }

    private static String rateText(Effect.Month m, Locale locale) {
        return m.suppressed() || m.persons() == 0 ? null : Dashboard.number(BigDecimal.valueOf(rate(m)), 2, locale);
    }

    /** A polyline of the months shown; a hidden month breaks nothing, it is left out. */
    private static String polyline(List<Effect.Month> months, int first, int last, double max) {
        var points = new StringBuilder();
        for (var m : months) {
            if (m.suppressed() || m.persons() == 0) {
                continue;
            }
            points.append(x(m.month(), first, last)).append(',').append(y(rate(m), max)).append(' ');
        }
        return points.toString().strip();
    }

    static int x(int month, int first, int last) {
        int span = Math.max(1, last - first);
        return LEFT + (WIDTH - LEFT - RIGHT) * (month - first) / span;
    }

    static int y(double value, double max) {
        int plot = HEIGHT - TOP - BOTTOM;
        return TOP + plot - (int) Math.round(plot * Math.min(value, max) / max);
    }

    private static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * step >= max) {
                return m * step;
            }
        }
        return 10 * step;
    }

    private static List<Tick> xTicks(int first, int last) {
        var ticks = new ArrayList<Tick>();
        for (int m = first; m <= last; m++) {
            if (m % 3 == 0) {
                ticks.add(new Tick(x(m, first, last), String.valueOf(m)));
            }
        }
        return ticks;
    }

    private static List<Tick> yTicks(double max, Locale locale) {
        var ticks = new ArrayList<Tick>();
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            ticks.add(new Tick(y(v, max), Dashboard.number(BigDecimal.valueOf(v), 2, locale)));
        }
        return ticks;
    }
}
