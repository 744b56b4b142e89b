package dk.tvaers.catalog.web;

import dk.tvaers.shared.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A map of the five Danish regions as server-side SVG, with no tiles or scripts from outside. The outlines are a
 * deliberately simplified drawing made for Tværs from a handful of coast and border points per region (longitude,
 * latitude, projected with the cosine of 56° N): recognisable, not surveyed, and without municipality borders.
 * Bornholm is drawn in a box to the north-east. A region is shaded by how many organisations run the case there.
 */
final class RegionMap {

    static final int WIDTH = 400;
    static final int HEIGHT = 420;

    /** One region: its outline (an SVG path), shade, where its count stands, and the count. */
    record Shape(Region region, String path, String fill, int labelX, int labelY, int count) {}

    private static final double[][] NORDJYLLAND = {{10.60, 57.74}, {10.35, 57.55}, {9.90, 57.58}, {9.50, 57.20},
        {8.60, 57.10}, {8.25, 56.82}, {8.70, 56.62}, {9.30, 56.60}, {10.30, 56.62}, {10.30, 57.00}, {10.55, 57.45}};
    private static final double[][] MIDTJYLLAND = {{8.25, 56.82}, {8.10, 56.60}, {8.12, 56.05}, {8.18, 55.78},
        {9.40, 55.76}, {10.00, 55.80}, {9.90, 56.00}, {10.30, 56.20}, {10.90, 56.42}, {10.30, 56.62}, {9.30, 56.60},
        {8.70, 56.62}};
    private static final double[][] SYDJYLLAND = {{8.18, 55.78}, {8.10, 55.52}, {8.60, 55.05}, {8.65, 54.91},
        {9.40, 54.83}, {9.95, 54.86}, {9.60, 55.40}, {9.75, 55.68}, {9.40, 55.76}};
    private static final double[][] FYN = {{9.72, 55.52}, {10.20, 55.60}, {10.80, 55.32}, {10.72, 55.05},
        {10.20, 55.02}, {9.70, 55.25}};
    private static final double[][] SJAELLAND = {{11.05, 55.72}, {11.70, 55.95}, {12.00, 55.76}, {12.15, 55.60},
        {12.40, 55.40}, {12.20, 55.18}, {11.80, 55.12}, {11.20, 55.20}, {11.10, 55.45}};
    private static final double[][] LOLLAND_FALSTER = {{11.00, 54.86}, {11.60, 54.82}, {12.10, 54.92},
        {12.00, 54.60}, {11.50, 54.65}, {11.00, 54.74}};
    private static final double[][] HOVEDSTADEN = {{11.70, 55.95}, {12.00, 56.12}, {12.55, 56.06}, {12.62, 55.70},
        {12.15, 55.60}, {12.00, 55.76}};
    /** Bornholm, moved next to Zealand's north-east inside its box (its real place is 2.3° further east). */
    private static final double[][] BORNHOLM = {{12.45, 56.70}, {12.85, 56.55}, {12.80, 56.39}, {12.40, 56.50}};

    private RegionMap() {}

    static List<Shape> shapes(Map<Region, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Shape> shapes = new ArrayList<>();
        shapes.add(shape(Region.NORDJYLLAND, counts, max, NORDJYLLAND));
        shapes.add(shape(Region.MIDTJYLLAND, counts, max, MIDTJYLLAND));
        shapes.add(shape(Region.SYDDANMARK, counts, max, SYDJYLLAND, FYN));
        shapes.add(shape(Region.SJAELLAND, counts, max, SJAELLAND, LOLLAND_FALSTER));
        shapes.add(shape(Region.HOVEDSTADEN, counts, max, HOVEDSTADEN, BORNHOLM));
        return shapes;
    }

    /** The box around Bornholm, as x, y, width, height. */
    static int[] bornholmBox() {
        double[] topLeft = point(12.30, 56.80);
        double[] bottomRight = point(12.95, 56.30);
        return new int[] {(int) topLeft[0], (int) topLeft[1], (int) (bottomRight[0] - topLeft[0]),
            (int) (bottomRight[1] - topLeft[1])};
    }

    private static Shape shape(Region region, Map<Region, Integer> counts, int max, double[][]... parts) {
        StringBuilder path = new StringBuilder();
        double sumX = 0;
        double sumY = 0;
        int n = 0;
        for (double[][] part : parts) {
            for (int i = 0; i < part.length; i++) {
                double[] p = point(part[i][0], part[i][1]);
                path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", p[0], p[1]));
                if (part == parts[0]) {
                    sumX += p[0];
                    sumY += p[1];
                    n++;
                }
            }
            path.append("Z ");
        }
        int count = counts.getOrDefault(region, 0);
        return new Shape(region, path.toString().strip(), fill(count, max), (int) (sumX / n), (int) (sumY / n), count);
    }

    /** Longitude and latitude to SVG pixels. */
    static double[] point(double longitude, double latitude) {
        return new double[] {(longitude - 7.9) * 67.0 + 10, (57.9 - latitude) * 120.0 + 10};
    }

    /** No adoption: pale grey; otherwise five shades of blue, darker with more (contrast kept by the label). */
    static String fill(int count, int max) {
        if (count == 0) {
            return "#f2f2f2";
        }
        String[] shades = {"#cfe2f7", "#a9cbef", "#7fb0e3", "#4f8fd3", "#1f6fbf"};
        int step = max <= 1 ? 2 : (int) Math.round((count - 1) * 4.0 / (max - 1));
        return shades[Math.min(4, Math.max(0, step))];
    }
}
