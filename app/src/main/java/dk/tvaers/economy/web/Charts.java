package dk.tvaers.economy.web;

import dk.tvaers.economy.EconomySector;
import dk.tvaers.economy.KeyFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The economy page's charts as coordinates for server-rendered SVG (drawn by {@code economy/charts.html}, in the page
 * and through Batik in the PDF). Money stays exact øre; only the pixel positions are computed in floating point.
 */
final class Charts {

    static final int WIDTH = 720;
    static final int HEIGHT = 320;
    private static final int LEFT = 110;
    private static final int RIGHT = 700;
    private static final int TOP = 24;
    private static final int BOTTOM = 270;

    private Charts() {}

    /** One line of the cumulative chart: its label key, colour, dash pattern (null: solid) and width. */
    record Series(String labelKey, String colour, String dash, int strokeWidth, String points) {}

    record Tick(int position, String label) {}

    /** The cumulative net chart: a line per sector, the total, the realised total, zero and break-even marked. */
    record Cumulative(List<Series> series, List<Tick> yTicks, List<Tick> xTicks, int zeroY, Integer breakEvenX,
            Integer breakEvenMonth, int left, int right, int top, int bottom) {}

    /** One bar of the waterfall: from and to (pixel y), its x, the label key and the net as text. */
    record Bar(String labelKey, int x, int width, int y, int height, String colour, String value, boolean total) {}

    record Waterfall(List<Bar> bars, int zeroY, List<Tick> yTicks, int left, int right) {}

    static String colour(EconomySector sector) {
        return switch (sector) {
            case REGION -> "#0059b3";
            case MUNICIPALITY -> "#008139";
            case GENERAL_PRACTICE -> "#b35900";
            case CITIZEN -> "#6b3fa0";
            case OTHER -> "#595959";
        };
    }

    static String dash(EconomySector sector) {
        return switch (sector) {
            case REGION -> null;
            case MUNICIPALITY -> "8 4";
            case GENERAL_PRACTICE -> "2 3";
            case CITIZEN -> "10 3 2 3";
            case OTHER -> "4 4";
        };
    }

    static Cumulative cumulative(KeyFigures figures, long[] realised, Locale locale) {
        int months = figures.total().length;
        var data = new ArrayList<long[]>();
        for (EconomySector sector : figures.sectors()) {
            data.add(figures.cumulative(sector));
        }
        long[] total = figures.cumulativeTotal();
        data.add(total);
        if (realised != null) {
            data.add(realised);
        }
        long min = 0;
        long max = 0;
        for (long[] values : data) {
            for (long v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == max) {
            max = min + 100;
        }
        var scale = new Scale(min, max, TOP, BOTTOM);
        var series = new ArrayList<Series>();
        for (EconomySector sector : figures.sectors()) {
            series.add(new Series(sector.messageKey(), colour(sector), dash(sector), 2,
                    points(figures.cumulative(sector), months, scale)));
        }
        series.add(new Series("economy.chart.total", "#1a1a1a", null, 4, points(total, months, scale)));
        if (realised != null && realised.length > 0) {
            series.add(new Series("economy.chart.realised", "#c4001a", "6 3", 3, points(realised, months, scale)));
        }
        var xTicks = new ArrayList<Tick>();
        for (int m = 12; m <= months; m += 12) {
            xTicks.add(new Tick(x(m, months), String.valueOf(m)));
        }
        xTicks.addFirst(new Tick(x(1, months), "1"));
        Integer breakEven = figures.breakEvenMonth();
        return new Cumulative(series, ticks(min, max, scale, locale), xTicks, scale.y(0),
                breakEven == null ? null : x(breakEven, months), breakEven, LEFT, RIGHT, TOP, BOTTOM);
    }

    static Waterfall waterfall(KeyFigures figures, Locale locale) {
        List<EconomySector> sectors = figures.sectors();
        int count = sectors.size() + 1;
        long running = 0;
        long min = 0;
        long max = 0;
        for (EconomySector sector : sectors) {
            running += figures.steadyStateBySector().get(sector);
            min = Math.min(min, running);
            max = Math.max(max, running);
        }
        if (min == max) {
            max = min + 100;
        }
        var scale = new Scale(min, max, TOP, BOTTOM);
        int slot = (RIGHT - LEFT) / count;
        int width = Math.min(90, slot - 16);
        var bars = new ArrayList<Bar>();
        running = 0;
        for (int i = 0; i < sectors.size(); i++) {
            EconomySector sector = sectors.get(i);
            long net = figures.steadyStateBySector().get(sector);
            long from = running;
            running += net;
            int top = scale.y(Math.max(from, running));
            int bottom = scale.y(Math.min(from, running));
            bars.add(new Bar(sector.messageKey(), LEFT + i * slot + (slot - width) / 2, width, top,
                    Math.max(1, bottom - top), net >= 0 ? "#008139" : "#c4001a", Kroner.compact(net, locale), false));
        }
        int top = scale.y(Math.max(0, running));
        int bottom = scale.y(Math.min(0, running));
        bars.add(new Bar("economy.chart.total", LEFT + sectors.size() * slot + (slot - width) / 2, width, top,
                Math.max(1, bottom - top), "#1a1a1a", Kroner.compact(running, locale), true));
        return new Waterfall(bars, scale.y(0), ticks(min, max, scale, locale), LEFT, RIGHT);
    }

    private static List<Tick> ticks(long min, long max, Scale scale, Locale locale) {
        var ticks = new ArrayList<Tick>();
        ticks.add(new Tick(scale.y(max), Kroner.compact(max, locale)));
        if (min < 0 && max > 0) {
            ticks.add(new Tick(scale.y(0), Kroner.compact(0, locale)));
        }
        ticks.add(new Tick(scale.y(min), Kroner.compact(min, locale)));
        return ticks;
    }

    private static int x(int month, int months) {
        return months <= 1 ? LEFT : LEFT + (int) Math.round((month - 1) * (double) (RIGHT - LEFT) / (months - 1));
    }

    private static String points(long[] values, int months, Scale scale) {
        var points = new StringBuilder();
        for (int m = 0; m < values.length; m++) {
            if (!points.isEmpty()) {
                points.append(' ');
            }
            points.append(x(m + 1, months)).append(',').append(scale.y(values[m]));
        }
        return points.toString();
    }

    private record Scale(long min, long max, int top, int bottom) {
        int y(long value) {
            return bottom - (int) Math.round((value - min) * (double) (bottom - top) / (max - min));
        }
    }
}
