package dk.tvaers.monitoring;

import dk.tvaers.indicators.CohortRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An initiative's population definition, one version of it: either the imported inclusion events
 * ({@code inclusions.csv}) or a {@link Rule}. Every save is a new version; a run records the version it used.
 */
public record Population(long id, long initiativeId, int version, Source source, Rule rule, String byName,
        Instant createdAt) {

    /** Where the target and comparison groups come from. */
    public enum Source {
        INCLUSIONS,
        RULE;

        public String messageKey() {
            return "monitoring.population.source." + name();
        }
    }

    /** How the comparison group of a rule is formed. */
    public enum Comparison {
        /** Everyone else of the rule's municipalities and ages, without a qualifying contact. */
        EVERYONE_ELSE,
        /** Exact matching on birth-year band, sex and a stratum, k persons per target. */
        MATCHED;

        public String messageKey() {
            return "monitoring.population.comparison." + name();
        }
    }

    /** The stratum matched on (besides birth-year band and sex), with its column in the analytic store. */
    public enum MatchStratum {
        EDUCATION("education"),
        INCOME("income_group"),
        LIVING_ALONE("living_alone");

        private final String column;

        MatchStratum(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }

        public String messageKey() {
            return "monitoring.stratum." + name();
        }
    }

    static final Pattern DIAGNOSIS_PREFIX = CohortRule.DIAGNOSIS_PREFIX;
    static final Pattern MUNICIPALITY = CohortRule.MUNICIPALITY;
    public static final int MAX_MATCHES_PER_TARGET = CohortRule.MAX_MATCHES_PER_TARGET;
    public static final int MAX_AGE = CohortRule.MAX_AGE;

    /**
     * A target population by rule: persons with a hospital contact whose action diagnosis starts with one of the
     * SKS codes (prefix match: {@code DJ44} matches {@code DJ441}) and starts within the date range (both days
     * included); the index date is the first such contact's date. Optionally only persons living in one of the
     * municipalities and aged {@code ageMin}–{@code ageMax} (whole years, both included) at the index date.
     */
    public record Rule(List<String> diagnosisPrefixes, List<String> municipalities, Integer ageMin, Integer ageMax,
            LocalDate from, LocalDate to, Comparison comparison, Integer matchesPerTarget, MatchStratum stratum) {

        public Rule {
            diagnosisPrefixes = List.copyOf(diagnosisPrefixes);
            municipalities = List.copyOf(municipalities);
            if (comparison == null) {
                throw new IllegalArgumentException("incomplete rule");
            }
            if (comparison == Comparison.MATCHED && (matchesPerTarget == null || stratum == null)) {
                throw new IllegalArgumentException("matching needs k and a stratum");
            }
            if (comparison == Comparison.EVERYONE_ELSE) {
                matchesPerTarget = null;
                stratum = null;
            }
            // the values go into SQL: the indicator module's rule refuses anything but their exact shapes
            cohortRule(diagnosisPrefixes, municipalities, ageMin, ageMax, from, to, matchesPerTarget, stratum);
        }

        /** The rule in the indicator SQL's terms (dk.tvaers.indicators). */
        public CohortRule cohortRule() {
            return cohortRule(diagnosisPrefixes, municipalities, ageMin, ageMax, from, to, matchesPerTarget, stratum);
        }

        private static CohortRule cohortRule(List<String> diagnosisPrefixes, List<String> municipalities,
                Integer ageMin, Integer ageMax, LocalDate from, LocalDate to, Integer matchesPerTarget,
                MatchStratum stratum) {
            if (ageMin != null && ageMin > MAX_AGE || ageMax != null && ageMax < 0) {
                throw new IllegalArgumentException("bad age range");
            }
            return new CohortRule(diagnosisPrefixes, municipalities, ageMin == null ? 0 : ageMin,
                    ageMax == null ? MAX_AGE : ageMax, from, to, matchesPerTarget,
                    stratum == null ? null : stratum.column());
        }
    }
}
