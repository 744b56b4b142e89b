package dk.tvaers.catalog.web;

import dk.tvaers.catalog.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of the five-parameter spider (radar) chart, drawn as inline SVG by the server: one axis per
 * parameter, the first straight up and the others clockwise at 72°, a ring for each score 1–4, and the scores'
 * polygon. Coordinates are in the SVG's own units ({@link #WIDTH} × {@link #HEIGHT}).
 */
public record SpiderChart(List<String> rings, List<Axis> axes, String shape) {

    // wide enough for the labels on both sides ("Overførbarhed", "Transferability") at FONT_SIZE: they were clipped
    static final int WIDTH = 560;
    static final int HEIGHT = 380;
    static final double CENTRE_X = 280;
    static final double CENTRE_Y = 190;
    static final double RADIUS = 115;
    /** The labels' font size and line height: the parameter's name on one line, its score under it. */
    static final int FONT_SIZE = 14;
    static final int LINE_HEIGHT = 17;
    private static final double LABEL_DISTANCE = RADIUS + 18;

    /** One axis: its end, where its label goes and how the label is anchored, and the point of its score. */
    public record Axis(Parameter parameter, int score, String x, String y, String labelX, String labelY, String anchor,
            String pointX, String pointY) {}

    static SpiderChart of(Map<Parameter, Integer> scores) {
        Parameter[] parameters = Parameter.values();
        List<String> rings = new ArrayList<>();
        for (int level = 1; level <= Parameter.MAX_SCORE; level++) {
            List<String> points = new ArrayList<>();
            for (int i = 0; i < parameters.length; i++) {
                points.add(point(i, RADIUS * level / Parameter.MAX_SCORE));
            }
            rings.add(String.join(" ", points));
        }
        List<Axis> axes = new ArrayList<>();
        List<String> shape = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            int score = scores.get(parameters[i]);
            double r = RADIUS * score / Parameter.MAX_SCORE;
            double cos = Math.cos(angle(i));
            String anchor = Math.abs(cos) < 0.01 ? "middle" : cos > 0 ? "start" : "end";
            double sin = Math.sin(angle(i));
            // the first line's baseline: above the top axis both lines stay clear of it, below the lower ones too
            double labelY = CENTRE_Y + LABEL_DISTANCE * sin + (sin < -0.9 ? -LINE_HEIGHT : sin > 0.5 ? FONT_SIZE : 0);
            axes.add(new Axis(parameters[i], score, format(x(i, RADIUS)), format(y(i, RADIUS)),
                    format(x(i, LABEL_DISTANCE)), format(labelY), anchor, format(x(i, r)), format(y(i, r))));
            shape.add(point(i, r));
        }
        return new SpiderChart(rings, axes, String.join(" ", shape));
    }

    /** The angle of axis {@code i} in radians: the first points up, the rest follow clockwise. */
    static double angle(int i) {
        return Math.toRadians(-90 + 360.0 / Parameter.values().length * i);
    }

    static double x(int i, double r) {
        return CENTRE_X + r * Math.cos(angle(i));
    }

    static double y(int i, double r) {
        return CENTRE_Y + r * Math.sin(angle(i));
    }

    private static String point(int i, double r) {
        return format(x(i, r)) + "," + format(y(i, r));
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int fontSize() {
        return FONT_SIZE;
    }

    public int lineHeight() {
        return LINE_HEIGHT;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public String centreX() {
        return format(CENTRE_X);
    }

    public String centreY() {
        return format(CENTRE_Y);
    }
}
