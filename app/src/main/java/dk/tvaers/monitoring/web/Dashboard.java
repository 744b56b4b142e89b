package dk.tvaers.monitoring.web;

import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.monitoring.Effect;
import dk.tvaers.monitoring.IndicatorRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Triple Aim dashboard of one run as pages, Excel and PDF show it: one panel per aim, each indicator with its
 * before/after figures for the target and comparison groups (a bar chart with the same numbers in a table) and its
 * strata. Numbers are formatted here for the reader's language; suppressed groups read "< 5".
 */
record Dashboard(IndicatorRun run, List<Panel> panels, List<Headline> headlines, Map<String, EffectView> effects,
        List<EffectView.RunChart> runCharts, List<EffectView.SpcChart> spcCharts, Effect.Set effectSet) {

    /** The headline of one aim: its lead indicator's effect in a sentence (issue 12, item 8). */
    record Headline(Indicator.Dimension dimension, EffectView effect) {}

    /** The run's effect of an indicator (hidden when there is none). */
    public EffectView effect(String indicator) {
        return effects.get(indicator);
    }

    /** Whether the run computed effects (runs from before effects existed did not). */
    public boolean hasEffects() {
        return effectSet.seed() != null;
    }

    static final List<String> GROUPS = List.of("TARGET", "COMPARISON");
    static final List<String> PERIODS = List.of("BEFORE", "AFTER");

    /** One aim; {@code registrations}: it shows PRO/experience indicators computed from imported registrations. */
    record Panel(Indicator.Dimension dimension, List<IndicatorView> indicators, boolean registrations) {}

    /**
     * One cell of figures: formatted n, mean, median, share with an event; all null when suppressed, and then
     * {@code hiddenKey} says how it reads: "< 5" (primary) or "hidden" (secondary, docs/suppression.md).
     */
    record Figures(String group, String period, boolean suppressed, String n, String mean, String median,
            String share, String denominator, BigDecimal meanValue, String hiddenKey) {

        /** Nobody in the group: shown as 0 persons, no mean ({@code emptyKey} says so in words). */
        static Figures empty(String group, String period) {
            return new Figures(group, period, false, "0", "–", "–", "–", "0", null, null);
        }

        /** A period that means nothing for the indicator (mortality before inclusion). */
        static Figures notMeaningful(String group, String period) {
            return new Figures(group, period, true, null, null, null, null, null, null, NOT_MEANINGFUL_KEY);
        }

        public boolean empty() {
            return !suppressed && "0".equals(n);
        }
    }

    static final String NOT_MEANINGFUL_KEY = "monitoring.notMeaningful";

    static final String PRIMARY_KEY = "monitoring.suppressed";
    static final String SECONDARY_KEY = "monitoring.suppressed.secondary";

    record StratumRow(String stratum, String value, String group, Figures before, Figures after) {}

    record Bar(String labelKey, String periodKey, int x, int y, int height, String value, String cssClass,
            String hiddenKey) {}

    record IndicatorView(Indicator indicator, List<Figures> overall, List<Bar> bars, List<StratumRow> strata) {

        public String id() {
            return "indicator-" + indicator.code().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        private boolean score() {
            return indicator.statistic() == Indicator.Statistic.SCORE;
        }

        /** The column headings say the unit and denominator of this indicator's figures. */
        public String nKey() {
            return indicator.population() == Indicator.Population.AGE_65 ? "monitoring.col.n.AGE_65"
                    : "monitoring.col.n";
        }

        public String meanKey() {
            return "monitoring.col.mean." + indicator.statistic().name();
        }

        public String medianKey() {
            return score() ? "monitoring.col.median.SCORE" : "monitoring.col.median";
        }

        public String shareKey() {
            return score() ? "monitoring.col.share.SCORE" : "monitoring.col.share";
        }

        /** A ratio's denominator (index admissions) is a column of its own. */
        public boolean ratio() {
            return indicator.statistic() == Indicator.Statistic.RATIO;
        }

        /** What an empty group reads: nobody (for the 65+ indicator nobody aged 65+). */
        public String emptyKey() {
            return indicator.population() == Indicator.Population.AGE_65 ? "monitoring.empty.AGE_65"
                    : "monitoring.empty";
        }
    }

    static final int CHART_HEIGHT = 160;
    static final int BAR_WIDTH = 56;

    static Dashboard of(IndicatorRun run, List<IndicatorResult> results, Locale locale) {
        return of(run, results, new Effect.Set(null, null, List.of()), List.of(), locale);
    }

    static Dashboard of(IndicatorRun run, List<IndicatorResult> results, Effect.Set effectSet,
            List<Effect.Month> series, Locale locale) {
        return of(run, results, effectSet, series, locale, List.of());
    }

    /**
     * The dashboard without the indicators {@code notInData}: those the run's data cannot give (OMOP CDM input has no
     * DRG values, GP fees or municipal services, ADR 0046); the page says so instead.
     */
    static Dashboard of(IndicatorRun run, List<IndicatorResult> results, Effect.Set effectSet,
            List<Effect.Month> series, Locale locale, java.util.Collection<String> notInData) {
        Map<String, IndicatorResult> byKey = new LinkedHashMap<>();
        for (IndicatorResult r : results) {
            byKey.put(key(r.indicator(), r.group(), r.period(), r.stratum(), r.stratumValue()), r);
        }
        var panels = new ArrayList<Panel>();
        for (Indicator.Dimension dimension : Indicator.Dimension.values()) {
            var views = new ArrayList<IndicatorView>();
            boolean registrations = false;
            for (Indicator indicator : Indicator.catalogue()) {
                if (indicator.dimension() != dimension) {
                    continue;
                }
                if (!inCatalogueOf(run, indicator) || notInData.contains(indicator.code())) {
                    // a run of an earlier catalogue did not compute it, or its data cannot give it: not "nobody",
                    // just not there
                    continue;
                }
                if (indicator.fromRegistrations()) {
                    // shown only when registrations of its measure were imported for these persons
                    boolean present = results.stream().anyMatch(r -> r.indicator().equals(indicator.code())
                            && (r.suppressed() || r.withEvent() > 0));
                    if (!present) {
                        continue;
                    }
                    registrations = true;
                }
                var overall = new ArrayList<Figures>();
                for (String group : GROUPS) {
                    for (String period : PERIODS) {
                        overall.add(indicator.afterOnly() && period.equals("BEFORE")
                                ? Figures.notMeaningful(group, period)
                                : figures(indicator, byKey.get(key(indicator.code(), group, period, "ALL", "ALL")),
                                        group, period, locale));
                    }
                }
                var strata = new ArrayList<StratumRow>();
                for (IndicatorResult r : results) {
                    if (r.indicator().equals(indicator.code()) && !r.stratum().equals("ALL")
                            && r.period().equals("BEFORE")) {
                        IndicatorResult after = byKey.get(key(r.indicator(), r.group(), "AFTER", r.stratum(),
                                r.stratumValue()));
                        strata.add(new StratumRow(r.stratum(), r.stratumValue(), r.group(),
                                indicator.afterOnly() ? Figures.notMeaningful(r.group(), "BEFORE")
                                        : figures(indicator, r, r.group(), "BEFORE", locale),
                                figures(indicator, after, r.group(), "AFTER", locale)));
                    }
                }
                strata.sort((a, b) -> (a.stratum() + a.value() + a.group()).compareTo(b.stratum() + b.value()
                        + b.group()));
                views.add(new IndicatorView(indicator, overall, bars(overall), strata));
            }
            panels.add(new Panel(dimension, views, registrations));
        }
        var effects = new LinkedHashMap<String, EffectView>();
        for (Indicator indicator : Indicator.catalogue()) {
            Effect effect = effectSet.effects().stream().filter(e -> e.indicator().equals(indicator.code()))
                    .findFirst().orElse(null);
            effects.put(indicator.code(), EffectView.of(indicator, effect, locale));
        }
        var headlines = new ArrayList<Headline>();
        if (effectSet.seed() != null) {
            for (Panel panel : panels) {
                var shown = panel.indicators().stream().map(v -> v.indicator().code()).toList();
                EffectView lead = null;
                for (String code : EffectView.LEADS.get(panel.dimension())) {
                    if (shown.contains(code) && !effects.get(code).hidden()) {
                        lead = effects.get(code);
                        break;
                    }
                }
                if (lead == null) {
                    // nothing of this aim can be shown: say so about its first lead indicator
                    lead = effects.get(EffectView.LEADS.get(panel.dimension()).stream().filter(shown::contains)
                            .findFirst().orElse(EffectView.LEADS.get(panel.dimension()).getLast()));
                }
                headlines.add(new Headline(panel.dimension(), lead));
            }
        }
        return new Dashboard(run, panels, headlines, effects, EffectView.runCharts(series, locale),
                EffectView.spcCharts(series, locale), effectSet);
    }

    private static List<Bar> bars(List<Figures> overall) {
        BigDecimal max = BigDecimal.ZERO;
        for (Figures f : overall) {
            if (f.meanValue() != null && f.meanValue().compareTo(max) > 0) {
                max = f.meanValue();
            }
        }
        var bars = new ArrayList<Bar>();
        int i = 0;
        for (Figures f : overall) {
            int height = f.meanValue() == null || max.signum() == 0 ? 0
                    : f.meanValue().multiply(BigDecimal.valueOf(CHART_HEIGHT)).divide(max, 0, RoundingMode.HALF_UP)
                            .intValue();
            int x = 40 + i * (BAR_WIDTH + 16) + (i >= 2 ? 24 : 0);
            bars.add(new Bar("monitoring.group." + f.group(), "monitoring.period." + f.period(), x,
                    20 + CHART_HEIGHT - height, height, f.suppressed() ? null : f.mean(),
                    "tvaers-bar tvaers-bar--" + f.group().toLowerCase(Locale.ROOT) + "-"
                            + f.period().toLowerCase(Locale.ROOT), f.hiddenKey()));
            i++;
        }
        return bars;
    }

    private static Figures figures(Indicator indicator, IndicatorResult r, String group, String period, Locale locale) {
        if (r == null || r.empty()) {
            return Figures.empty(group, period);
        }
        if (r.suppressed()) {
            return new Figures(group, period, true, null, null, null, null, null, null,
                    r.secondary() ? SECONDARY_KEY : PRIMARY_KEY);
        }
        boolean money = indicator.unit() == Indicator.Unit.ORE_PER_PERSON_YEAR;
        boolean score = indicator.unit() == Indicator.Unit.SCORE;
        BigDecimal mean = r.mean();
        BigDecimal median = r.median();
        if (indicator.unit().hundredths()) {
            mean = mean == null ? null : mean.movePointLeft(2);
            median = median == null ? null : median.movePointLeft(2);
        }
        String share = r.shareWithEvent() == null ? null : percent(r.shareWithEvent(), locale);
        String meanText;
        if (mean == null) {
            meanText = "–";
        } else if (indicator.statistic() == Indicator.Statistic.FLAG || indicator.statistic() == Indicator.Statistic.RATIO) {
            meanText = percent(mean, locale);
        } else {
            meanText = number(mean, money ? 0 : 2, locale);
        }
        String medianText = median == null ? "–" : number(median, money ? 0 : score ? 2 : 1, locale);
        return new Figures(group, period, false, number(BigDecimal.valueOf(r.n()), 0, locale), meanText,
                medianText, share == null ? "–" : share,
                r.denominator() == null ? null : number(BigDecimal.valueOf(r.denominator()), 0, locale), mean, null);
    }

    /**
     * Whether the run's own catalogue version ({@code indicators-vN.csv}, recorded as "ind-N") lists the indicator;
     * true when that version's file cannot be read (then nothing is left out).
     */
    static boolean inCatalogueOf(IndicatorRun run, Indicator indicator) {
        java.util.Set<String> codes = CATALOGUE_CODES.computeIfAbsent(run.catalogueVersion(), Dashboard::codesOf);
        return codes.isEmpty() || codes.contains(indicator.code());
    }

    /** The indicator codes of each catalogue version, read once. */
    private static final java.util.Map<String, java.util.Set<String>> CATALOGUE_CODES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.Set<String> codesOf(String version) {
        var in = Indicator.class.getResourceAsStream("/monitoring/indicators-v" + version + ".csv");
        if (in == null) {
            return java.util.Set.of();
        }
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                java.nio.charset.StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split(",", 2)[0])
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (java.io.IOException e) {
            return java.util.Set.of();
        }
    }

    static String number(BigDecimal value, int decimals, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    static String percent(BigDecimal share, Locale locale) {
        return number(share.multiply(BigDecimal.valueOf(100)), 1, locale) + " %";
    }

    private static String key(String indicator, String group, String period, String stratum, String value) {
        return indicator + "|" + group + "|" + period + "|" + stratum + "|" + value;
    }
}
