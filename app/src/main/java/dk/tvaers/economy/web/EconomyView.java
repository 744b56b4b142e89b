package dk.tvaers.economy.web;

import dk.tvaers.economy.BusinessCaseVersion;
import dk.tvaers.economy.EconomySector;
import dk.tvaers.economy.KeyFigures;
import dk.tvaers.economy.Plan;
import dk.tvaers.economy.Realised;
import dk.tvaers.initiatives.Initiative;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the economy page, its PDF and its workbook show of one version: the key figures, the shadow accounts, the
 * charts with the figures behind them, and the realised figures (measured, with their source) next to the plan.
 */
public record EconomyView(Initiative initiative, BusinessCaseVersion version, KeyFigures figures, Realised realised,
        long[] realisedCumulative, Charts.Cumulative chart, Charts.Waterfall waterfall, List<MonthRow> months,
        YearMonth today, Locale locale) {

    /** One month of the chart's table: cumulative per sector (in the order of the figures' sectors) and in total. */
    public record MonthRow(int number, YearMonth month, List<String> sectors, String total, String realised) {}

    static EconomyView of(Initiative initiative, BusinessCaseVersion version, Realised realised, YearMonth today,
            Locale locale) {
        KeyFigures figures = version.figures();
        Plan plan = version.plan();
        long[] realisedCumulative = realised == null || !realised.any() ? null : realised.cumulative(plan, today);
        var months = new ArrayList<MonthRow>();
        long[] total = figures.cumulativeTotal();
        for (int m = 0; m < total.length; m++) {
            var sectors = new ArrayList<String>();
            for (EconomySector sector : figures.sectors()) {
                sectors.add(Kroner.exact(figures.cumulative(sector)[m], locale));
            }
            String realisedText = realisedCumulative != null && m < realisedCumulative.length
                    ? Kroner.exact(realisedCumulative[m], locale) : "";
            months.add(new MonthRow(m + 1, plan.calendarMonth(m + 1), sectors, Kroner.exact(total[m], locale),
                    realisedText));
        }
        return new EconomyView(initiative, version, figures, realised, realisedCumulative,
                Charts.cumulative(figures, realisedCumulative, locale), Charts.waterfall(figures, locale),
                months, today, locale);
    }

    /** Planned against entered actual costs per sector, from the plan's start through this month. */
    public List<Realised.SectorCosts> costsBySector() {
        return realised == null ? List.of() : realised.costsBySector(version.plan(), today);
    }

    public String kr(long ore) {
        return Kroner.exact(ore, locale);
    }

    public String kr(Long ore) {
        return Kroner.exact(ore, locale);
    }

    public String rate() {
        return Kroner.percent(version.plan().discountRateBasisPoints(), locale);
    }

    public YearMonth month(int number) {
        return version.plan().calendarMonth(number);
    }

    /** The steady-state year's number (the horizon's last). */
    public int steadyYear() {
        return version.plan().horizonYears();
    }

    public boolean hasRealisedSeries() {
        return realisedCumulative != null && realisedCumulative.length > 0;
    }

    /** An instant in Danish time, as pages show it (the PDF has no access to the page's beans). */
    public String time(java.time.Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("dd-MM-yyyy HH:mm").withZone(dk.tvaers.platform.web.TimeFormat.COPENHAGEN);

    /**
     * One row of the table of gains per year: planned (the steady-state year) next to measured. {@code row} names it
     * for the page ({@code region}, {@code municipality}, {@code practice}, or {@code other} for municipality and
     * general practice together when the run did not measure them apart); {@code measuredOre} is null without a
     * figure.
     */
    public record GainRow(String row, String labelKey, long plannedOre, Long measuredOre) {}

    /**
     * The rows of the gains table: per sector (region, municipality, general practice) when the newest run measured
     * them apart; otherwise the region and "municipality and general practice (measured together)".
     */
    public List<GainRow> gainRows() {
        Realised.Measured m = realised == null ? null : realised.measured();
        Long region = m == null || m.suppressed() ? null : m.regionYearOre();
        var rows = new ArrayList<GainRow>();
        rows.add(new GainRow("region", EconomySector.REGION.messageKey(), plannedRegionGains(), region));
        if (m != null && !m.suppressed() && !m.perSector()) {
            rows.add(new GainRow("other", "economy.realised.otherSectors", plannedOtherGains(),
                    m.municipalityAndPracticeYearOre()));
        } else {
            rows.add(new GainRow("municipality", EconomySector.MUNICIPALITY.messageKey(),
                    plannedSteadyGains(EconomySector.MUNICIPALITY), m == null ? null : m.municipalityYearOre()));
            rows.add(new GainRow("practice", EconomySector.GENERAL_PRACTICE.messageKey(),
                    plannedSteadyGains(EconomySector.GENERAL_PRACTICE), m == null ? null : m.generalPracticeYearOre()));
        }
        return rows;
    }

    /** The newest run measured municipality and general practice only together (a run before catalogue 4). */
    public boolean measuredTogetherOnly() {
        Realised.Measured m = realised == null ? null : realised.measured();
        return m != null && !m.suppressed() && !m.perSector();
    }

    /** The region's planned gains in the steady-state year. */
    public long plannedRegionGains() {
        return plannedSteadyGains(EconomySector.REGION);
    }

    /** Municipalities' and general practice's planned gains in the steady-state year (measured together). */
    public long plannedOtherGains() {
        return plannedSteadyGains(EconomySector.MUNICIPALITY) + plannedSteadyGains(EconomySector.GENERAL_PRACTICE);
    }

    /** The planned steady-state yearly gains of a sector. */
    public long plannedSteadyGains(EconomySector sector) {
        return figures.shadowAccounts().stream().filter(a -> a.sector() == sector)
                .mapToLong(KeyFigures.ShadowAccount::steadyGainsOre).sum();
    }
}
