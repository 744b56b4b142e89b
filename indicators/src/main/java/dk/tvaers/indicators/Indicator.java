package dk.tvaers.indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One indicator of the versioned catalogue ({@code monitoring/indicators-v4.csv}): its Triple Aim dimension, unit,
 * statistic and population. Its value per person and period is the column of the same name (lower case) in the
 * run's per-person table. {@code afterOnly}: the catalogue's window column reads AFTER when only the period after the
 * index date means something (mortality: everyone is alive at inclusion, so before is 0 % by construction).
 */
public record Indicator(String code, Dimension dimension, Unit unit, Statistic statistic, Population population,
        String measure, boolean afterOnly) {

    public static final String CATALOGUE_VERSION = "4";

    public enum Dimension {
        POPULATION_HEALTH,
        EXPERIENCE,
        COST;

        public String messageKey() {
            return "monitoring.dimension." + name();
        }
    }

    /** How a value reads: a share of persons, a share of index admissions, a count, days, or øre. */
    public enum Unit {
        SHARE,
        SHARE_OF_INDEX,
        PER_1000_YEAR,
        COUNT,
        DAYS,
        ORE_PER_PERSON_YEAR,
        /** A PRO/experience score, kept in hundredths. */
        SCORE;

        /** Values kept in hundredths (øre, score points) and shown divided by 100. */
        public boolean hundredths() {
            return this == ORE_PER_PERSON_YEAR || this == SCORE;
        }

        public String messageKey() {
            return "monitoring.unit." + name();
        }
    }

    /**
     * FLAG: 0/1 per person; COUNT and SUM: a number per person; RATIO: events per index admission; SCORE: the
     * person's latest PRO/experience score of {@link #measure()} in the period, or none (mean and median over the
     * persons who answered, the share answering over all).
     */
    public enum Statistic { FLAG, COUNT, SUM, RATIO, SCORE }

    public enum Population { ALL, AGE_65 }


    public String column() {
        return code.toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "monitoring.indicator." + code;
    }

    /** What the indicator counts, its unit and denominator, in a sentence for the reader. */
    public String noteKey() {
        return "monitoring.indicator." + code + ".note";
    }

    /** A PRO/experience indicator, computed from registrations when there are any. */
    public boolean fromRegistrations() {
        return measure != null;
    }

    /** The catalogue, in the order the dashboard shows it. */
    public static List<Indicator> catalogue() {
        var indicators = new ArrayList<Indicator>();
        try (var reader = new BufferedReader(new InputStreamReader(
                Indicator.class.getResourceAsStream("/monitoring/indicators-v" + CATALOGUE_VERSION + ".csv"),
                StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] v = line.split(",", -1);
                indicators.add(new Indicator(v[0], Dimension.valueOf(v[1]), Unit.valueOf(v[2]),
                        Statistic.valueOf(v[3]), Population.valueOf(v[4]), v[6].isEmpty() ? null : v[6],
                        v[5].equals("AFTER")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(indicators);
    }
}
