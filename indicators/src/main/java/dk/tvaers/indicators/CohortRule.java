package dk.tvaers.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A target population by rule, in the terms the indicator SQL needs (the application's {@code Population.Rule}
 * adds its names and messages and converts to this). Persons with a hospital contact whose action diagnosis starts
 * with one of the SKS codes and starts within {@code from}–{@code to} (both days included), of the municipalities
 * (none: all) and aged {@code ageMin}–{@code ageMax} at the index date. The comparison group is everyone else or,
 * with {@code matchesPerTarget} set, {@code k} persons matched on birth-year band, sex and {@code stratumColumn}.
 * Every value goes into SQL, so the constructor refuses anything but its exact shape: the Spark job and the
 * application share this check.
 */
public record CohortRule(List<String> diagnosisPrefixes, List<String> municipalities, int ageMin, int ageMax,
        LocalDate from, LocalDate to, Integer matchesPerTarget, String stratumColumn) {

    public static final Pattern DIAGNOSIS_PREFIX = Pattern.compile("D[A-Z][0-9A-Z]{0,5}");
    public static final Pattern MUNICIPALITY = Pattern.compile("[0-9]{3}");
    /** The strata a matched comparison can match on: the person table's columns. */
    public static final List<String> STRATUM_COLUMNS = List.of("education", "income_group", "living_alone");
    public static final int MAX_AGE = 120;
    public static final int MAX_MATCHES_PER_TARGET = 10;

    public CohortRule {
        diagnosisPrefixes = List.copyOf(diagnosisPrefixes);
        municipalities = List.copyOf(municipalities);
        for (String code : diagnosisPrefixes) {
            if (!DIAGNOSIS_PREFIX.matcher(code).matches()) {
                throw new IllegalArgumentException("not an SKS diagnosis code: " + code);
            }
        }
        for (String code : municipalities) {
            if (!MUNICIPALITY.matcher(code).matches()) {
                throw new IllegalArgumentException("not a municipality code: " + code);
            }
        }
        if (diagnosisPrefixes.isEmpty() || from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("incomplete rule");
        }
        if (ageMin < 0 || ageMax > MAX_AGE || ageMax < ageMin) {
            throw new IllegalArgumentException("bad age range");
        }
        if (matchesPerTarget != null && (matchesPerTarget < 1 || matchesPerTarget > MAX_MATCHES_PER_TARGET
                || !STRATUM_COLUMNS.contains(stratumColumn))) {
            throw new IllegalArgumentException("matching needs k and a stratum");
        }
        if (matchesPerTarget == null) {
            stratumColumn = null;
        }
    }

    /** Whether the comparison group is matched (else: everyone else). */
    public boolean matched() {
        return matchesPerTarget != null;
    }

    /**
     * The rule as one command-line argument ({@code diagnoses;municipalities;ageMin;ageMax;from;to[;k;stratum]},
     * lists separated by commas): how the application hands a population to the Spark job ({@link #parse}).
     */
    public String argument() {
        String text = String.join(",", diagnosisPrefixes) + ";" + String.join(",", municipalities) + ";" + ageMin
                + ";" + ageMax + ";" + from + ";" + to;
        return matched() ? text + ";" + matchesPerTarget + ";" + stratumColumn : text;
    }

    /** The rule of an {@link #argument}; anything but its exact shape is refused. */
    public static CohortRule parse(String text) {
        String[] p = text.split(";", -1);
        if (p.length != 6 && p.length != 8) {
            throw new IllegalArgumentException("rule: 6 or 8 fields");
        }
        return new CohortRule(list(p[0]), list(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]),
                java.time.LocalDate.parse(p[4]), java.time.LocalDate.parse(p[5]),
                p.length == 8 ? Integer.valueOf(p[6]) : null, p.length == 8 ? p[7] : null);
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : java.util.Arrays.asList(text.split(","));
    }
}
