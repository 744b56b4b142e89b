package dk.tvaers.registrations;

/**
 * The small statistics of the benchmark: the Wilson score interval of a share, and the funnel plot's control limits
 * around the region's share for a unit of n courses (normal approximation, as the Danish quality databases' funnel
 * plots), so a small unit is not judged by noise.
 */
public final class Stats {

    /** 95 % two-sided. */
    public static final double Z95 = 1.959964;
    /** 99.8 % two-sided: the funnel's outer limits. */
    public static final double Z998 = 3.090232;

    /** The smallest group shown; smaller ones are hidden (DOMAIN: discretion). */
    public static final int MIN_GROUP = 5;

    private Stats() {}

    /** The Wilson score interval of k of n, as {low, high} in [0, 1]. */
    public static double[] wilson(long k, long n, double z) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) k / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** The funnel's limits around the target share p for a unit of n courses, as {low, high} in [0, 1]. */
    public static double[] funnel(double p, long n, double z) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double half = z * Math.sqrt(p * (1 - p) / n);
        return new double[] {Math.max(0, p - half), Math.min(1, p + half)};
    }

    /** Where a unit's share lies against the funnel's 99.8 % limits around the region's share. */
    public enum Position {
        ABOVE, WITHIN, BELOW;

        public String messageKey() {
            return "registration.funnel." + name();
        }
    }

    public static Position position(long k, long n, double target) {
        double[] limits = funnel(target, n, Z998);
        double p = (double) k / n;
        return p > limits[1] ? Position.ABOVE : p < limits[0] ? Position.BELOW : Position.WITHIN;
    }
}
