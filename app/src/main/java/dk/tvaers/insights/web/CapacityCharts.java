package dk.tvaers.insights.web;

import dk.tvaers.insights.Capacity;
import dk.tvaers.shared.StageTime;
import dk.tvaers.shared.YearCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The capacity page's charts as coordinates for server-rendered SVG (drawn by {@code insights/capacity.html}); every
 * chart has its numbers in a table beside it. Only pixel positions are computed in floating point.
 */
final class CapacityCharts {

    static final int WIDTH = 720;
    private static final int LABEL = 200;
    private static final int BAR_AREA = 440;
    /** A stage's bar is shorter: its label ("median 52 dage, 90 % inden 83 dage") follows it inside the chart. */
    private static final int STAGE_AREA = 260;

    private CapacityCharts() {}

    /** A horizontal bar: its label key (or text), y, width, and the value shown at its end. */
    record Bar(String labelKey, String label, int y, int width, String value) {}

    /** A stage's bar from 0 to the 90th percentile with the median marked. */
    record Box(String labelKey, int y, int medianX, int p90X, String median, String p90) {}

    /** A column of the yearly trend. */
    record Column(String year, int x, int width, int y, int height, long count) {}

    static int left() {
        return LABEL;
    }

    static List<Bar> funnel(Capacity capacity) {
        long max = Math.max(1, capacity.funnel().stream().mapToLong(Capacity.Step::count).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 10;
        for (Capacity.Step step : capacity.funnel()) {
            bars.add(new Bar(step.labelKey(), null, y, (int) Math.round(BAR_AREA * (double) step.count() / max),
                    String.valueOf(step.count())));
            y += 40;
        }
        return bars;
    }

    static List<Box> stages(List<StageTime> stages, String keyPrefix) {
        double max = Math.max(1, stages.stream().mapToDouble(StageTime::p90Days).max().orElse(1));
        List<Box> boxes = new ArrayList<>();
        int y = 10;
        for (StageTime stage : stages) {
            boxes.add(new Box(keyPrefix + stage.stage(), y, LABEL + (int) Math.round(STAGE_AREA * stage.medianDays() / max),
                    LABEL + (int) Math.round(STAGE_AREA * stage.p90Days() / max), days(stage.medianDays()),
                    days(stage.p90Days())));
            y += 40;
        }
        return boxes;
    }

    static List<Column> trend(List<YearCount> years) {
        if (years.isEmpty()) {
            return List.of();
        }
        long max = Math.max(1, years.stream().mapToLong(YearCount::count).max().orElse(1));
        int slot = Math.max(8, Math.min(60, 660 / years.size()));
        List<Column> columns = new ArrayList<>();
        int x = 40;
        for (YearCount year : years) {
            int height = (int) Math.round(180.0 * year.count() / max);
            columns.add(new Column(String.valueOf(year.year()), x, Math.max(4, slot - 6), 200 - height, height,
                    year.count()));
            x += slot;
        }
        return columns;
    }

    static String days(double days) {
        return String.format(Locale.ROOT, "%.0f", days);
    }
}
