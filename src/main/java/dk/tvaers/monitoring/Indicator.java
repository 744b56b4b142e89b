package dk.tvaers.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One indicator of the versioned catalogue ({@code monitoring/indicators-v1.csv}): its Triple Aim dimension, unit,
 * statistic and population. Its value per person and period is the column of the same name (lower case) in the
 * run's per-person table.
 */
public record Indicator(String code, Dimension dimension, Unit unit, Statistic statistic, Population population) {

    public static final String CATALOGUE_VERSION = "1";

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
        ORE_PER_PERSON_YEAR;

        public String messageKey() {
            return "monitoring.unit." + name();
        }
    }

    /** FLAG: 0/1 per person; COUNT and SUM: a number per person; RATIO: events per index admission. */
    public enum Statistic { FLAG, COUNT, SUM, RATIO }

    public enum Population { ALL, AGE_65 }

    public String column() {
        return code.toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "monitoring.indicator." + code;
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
                String[] v = line.split(",");
                indicators.add(new Indicator(v[0], Dimension.valueOf(v[1]), Unit.valueOf(v[2]),
                        Statistic.valueOf(v[3]), Population.valueOf(v[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(indicators);
    }
}
