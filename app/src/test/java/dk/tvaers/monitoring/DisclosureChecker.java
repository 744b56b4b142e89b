package dk.tvaers.monitoring;

import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.indicators.Indicator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An attacker's check of published aggregates, independent of how they were suppressed: it writes down every linear
 * relation a reader knows between the cells — in each stratum the values add up to the whole group (persons, sums,
 * persons with an event, index admissions); a cell's number of persons is the same for every indicator of its
 * population and, for everyone, before and after; a score's answers equal its denominator; a flag's sum equals the
 * persons with it — puts every published figure in, and solves for the hidden ones by exact elimination over the
 * rationals. Every hidden figure that the equations fix to one value is reported with that value.
 */
final class DisclosureChecker {

    enum Statistic { N, TOTAL, WITH, DENOMINATOR }

    record Unknown(String indicator, String group, String period, String stratum, String value, Statistic statistic) {
        @Override
        public String toString() {
            return indicator + "/" + group + "/" + period + "/" + stratum + "=" + value + "/" + statistic;
        }
    }

    /** A hidden figure that can be computed from the published ones, and its value. */
    record Derivation(Unknown unknown, BigInteger numerator, BigInteger denominator) {
        @Override
        public String toString() {
            return unknown + " = " + (denominator.equals(BigInteger.ONE) ? numerator : numerator + "/" + denominator);
        }
    }

    private final Map<String, Indicator> indicators = new HashMap<>();
    private final Map<Unknown, Integer> unknowns = new LinkedHashMap<>();
    private final List<Unknown> byIndex = new ArrayList<>();
    private final Map<Unknown, BigInteger> known = new HashMap<>();
    private final List<TreeMap<Integer, BigInteger>> rows = new ArrayList<>();
    private final List<BigInteger> constants = new ArrayList<>();
    private final java.util.Set<Derivation> small = new java.util.LinkedHashSet<>();

    private DisclosureChecker(List<Indicator> catalogue) {
        for (Indicator indicator : catalogue) {
            indicators.put(indicator.code(), indicator);
        }
    }

    /**
     * Every hidden figure of the results that can be computed from the published ones, and every count of 1–4
     * persons (or answers of a score) that is published anywhere, e.g. in the other period; none: nothing discloses.
     */
    static List<Derivation> derivable(List<IndicatorResult> results) {
        return derivable(results, Indicator.catalogue());
    }

    static List<Derivation> derivable(List<IndicatorResult> results, List<Indicator> catalogue) {
        var checker = new DisclosureChecker(catalogue);
        checker.read(results);
        checker.relate(results);
        return checker.solve();
    }

    private List<Statistic> statistics(Indicator indicator) {
        return indicator.statistic() == Indicator.Statistic.RATIO || indicator.statistic() == Indicator.Statistic.SCORE
                ? List.of(Statistic.values()) : List.of(Statistic.N, Statistic.TOTAL, Statistic.WITH);
    }

    /**
     * The figure as a variable. The number of persons of a cell is one figure for every indicator of its population
     * (everyone, or 65+) and, for everyone, both periods: it is hidden only if no indicator publishes it.
     */
    private Unknown unknown(IndicatorResult r, Statistic statistic) {
        if (statistic == Statistic.N) {
            Indicator.Population population = indicators.get(r.indicator()).population();
            return new Unknown("persons " + population, r.group(),
                    population == Indicator.Population.ALL ? "*" : r.period(), r.stratum(), r.stratumValue(),
                    statistic);
        }
        return new Unknown(r.indicator(), r.group(), r.period(), r.stratum(), r.stratumValue(), statistic);
    }

    private void read(List<IndicatorResult> results) {
        for (IndicatorResult r : results) {
            Indicator indicator = indicators.get(r.indicator());
            for (Statistic statistic : statistics(indicator)) {
                if (!r.suppressed()) {
                    continue;
                }
                Unknown u = unknown(r, statistic);
                unknowns.computeIfAbsent(u, k -> {
                    byIndex.add(k);
                    return byIndex.size() - 1;
                });
            }
        }
        for (IndicatorResult r : results) {
            Indicator indicator = indicators.get(r.indicator());
            for (Statistic statistic : statistics(indicator)) {
                Unknown u = unknown(r, statistic);
                if (!r.suppressed()) {
                    // published somewhere: known (for persons, then in every indicator of the population)
                    if (unknowns.containsKey(u)) {
                        byIndex.set(unknowns.remove(u), null);
                    }
                    BigInteger value = switch (statistic) {
                        case N -> BigInteger.valueOf(r.n());
                        case TOTAL -> r.total().toBigIntegerExact();
                        case WITH -> BigInteger.valueOf(r.withEvent());
                        case DENOMINATOR -> BigInteger.valueOf(r.denominator());
                    };
                    known.put(u, value);
                    // a small count in the open: 1-4 persons, or 1-4 answers of a score
                    boolean counted = statistic == Statistic.N
                            || statistic == Statistic.WITH && indicator.statistic() == Indicator.Statistic.SCORE;
                    if (counted && value.signum() > 0 && value.compareTo(BigInteger.valueOf(5)) < 0) {
                        small.add(new Derivation(u, value, BigInteger.ONE));
                    }
                }
            }
        }
    }

    private void relate(List<IndicatorResult> results) {
        // the values of a stratum add up to the whole group
        Map<String, List<IndicatorResult>> strata = new LinkedHashMap<>();
        Map<String, IndicatorResult> wholes = new HashMap<>();
        for (IndicatorResult r : results) {
            String table = r.indicator() + "|" + r.group() + "|" + r.period();
            if (r.stratum().equals("ALL")) {
                wholes.put(table, r);
            } else {
                strata.computeIfAbsent(table + "|" + r.stratum(), k -> new ArrayList<>()).add(r);
            }
        }
        for (var stratum : strata.values()) {
            IndicatorResult first = stratum.getFirst();
            IndicatorResult whole = wholes.get(first.indicator() + "|" + first.group() + "|" + first.period());
            if (whole == null) {
                continue;
            }
            for (Statistic statistic : statistics(indicators.get(first.indicator()))) {
                var terms = new LinkedHashMap<Unknown, Integer>();
                terms.put(unknown(whole, statistic), -1);
                for (IndicatorResult r : stratum) {
                    terms.put(unknown(r, statistic), 1);
                }
                equation(terms);
            }
        }
        for (IndicatorResult r : results) {
            Indicator indicator = indicators.get(r.indicator());
            if (indicator.statistic() == Indicator.Statistic.SCORE) {
                equation(Map.of(unknown(r, Statistic.DENOMINATOR), 1, unknown(r, Statistic.WITH), -1));
            }
            if (indicator.statistic() == Indicator.Statistic.FLAG) {
                equation(Map.of(unknown(r, Statistic.TOTAL), 1, unknown(r, Statistic.WITH), -1));
            }
        }
    }

    /** Σ coefficient · figure = 0, with the published figures moved to the constant side. */
    private void equation(Map<Unknown, Integer> terms) {
        var row = new TreeMap<Integer, BigInteger>();
        BigInteger constant = BigInteger.ZERO;
        for (var term : terms.entrySet()) {
            Integer index = unknowns.get(term.getKey());
            BigInteger coefficient = BigInteger.valueOf(term.getValue());
            if (index != null) {
                row.merge(index, coefficient, BigInteger::add);
            } else {
                constant = constant.subtract(coefficient.multiply(known.get(term.getKey())));
            }
        }
        row.values().removeIf(c -> c.signum() == 0);
        if (!row.isEmpty()) {
            rows.add(row);
            constants.add(constant);
        }
    }

    /** Gauss–Jordan elimination without fractions; a reduced row with one unknown left fixes its value. */
    private List<Derivation> solve() {
        List<TreeMap<Integer, BigInteger>> reduced = new ArrayList<>();
        List<BigInteger> reducedConstants = new ArrayList<>();
        Map<Integer, Integer> pivotRow = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            var row = new TreeMap<>(rows.get(i));
            BigInteger constant = constants.get(i);
            // eliminate the existing pivots from the new row
            boolean changed = true;
            while (changed) {
                changed = false;
                for (var entry : new ArrayList<>(row.entrySet())) {
                    Integer p = pivotRow.get(entry.getKey());
                    if (p != null) {
                        constant = eliminate(row, constant, reduced.get(p), reducedConstants.get(p), entry.getKey());
                        changed = true;
                        break;
                    }
                }
            }
            if (row.isEmpty()) {
                continue;
            }
            int pivot = row.firstKey();
            // and the new pivot from the rows before
            for (int j = 0; j < reduced.size(); j++) {
                if (reduced.get(j).containsKey(pivot)) {
                    reducedConstants.set(j, eliminate(reduced.get(j), reducedConstants.get(j), row, constant, pivot));
                }
            }
            pivotRow.put(pivot, reduced.size());
            reduced.add(row);
            reducedConstants.add(constant);
        }
        var derivations = new ArrayList<Derivation>(small);
        for (int j = 0; j < reduced.size(); j++) {
            var row = reduced.get(j);
            if (row.size() == 1) {
                var only = row.firstEntry();
                BigInteger numerator = reducedConstants.get(j);
                BigInteger denominator = only.getValue();
                BigInteger gcd = numerator.gcd(denominator);
                if (gcd.signum() != 0) {
                    numerator = numerator.divide(gcd);
                    denominator = denominator.divide(gcd);
                }
                if (denominator.signum() < 0) {
                    numerator = numerator.negate();
                    denominator = denominator.negate();
                }
                derivations.add(new Derivation(byIndex.get(only.getKey()), numerator, denominator));
            }
        }
        return derivations;
    }

    /** row := row · pivot[c] − pivot · row[c], then divided by the gcd of everything; returns the new constant. */
    private static BigInteger eliminate(TreeMap<Integer, BigInteger> row, BigInteger constant,
            TreeMap<Integer, BigInteger> pivot, BigInteger pivotConstant, int column) {
        BigInteger a = pivot.get(column);
        BigInteger b = row.get(column);
        for (var entry : new ArrayList<>(row.entrySet())) {
            entry.setValue(entry.getValue().multiply(a));
            row.put(entry.getKey(), entry.getValue());
        }
        for (var entry : pivot.entrySet()) {
            row.merge(entry.getKey(), entry.getValue().multiply(b).negate(), BigInteger::add);
        }
        row.values().removeIf(c -> c.signum() == 0);
        BigInteger result = constant.multiply(a).subtract(pivotConstant.multiply(b));
        BigInteger gcd = result.abs();
        for (BigInteger c : row.values()) {
            gcd = gcd.gcd(c);
        }
        if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
            for (var entry : new ArrayList<>(row.entrySet())) {
                row.put(entry.getKey(), entry.getValue().divide(gcd));
            }
            result = result.divide(gcd);
        }
        return result;
    }
}
