package dk.tvaers.registrations;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback at once: each indicator's fulfilment (a share with its Wilson interval and funnel position, or a median)
 * and the completeness of registration by time point, for every unit of a scheme, its cluster and the region (all
 * the scheme's units), overall and by year of the course's start. Groups under {@link Stats#MIN_GROUP} are hidden,
 * and where exactly one unit of a cluster (or one cluster of the region) is hidden, the smallest shown one is hidden
 * with it, so no hidden figure follows by subtraction. Only final registrations count.
 *
 * <p>Read from {@code registration_tally}: counts per unit, start year (start date for completeness) and value, kept
 * up to date by every write in its own transaction (ADR 0038), so the first view after a registration is as quick as
 * any other; due dates are applied when the page is read.
 */
@Service
public class Benchmarks {

    /** One group's figure: n courses (registered, or due for completeness), k meeting the rule, or the median. */
    public record Cell(long n, long k, BigDecimal median, boolean hidden) {

        static final Cell EMPTY = new Cell(0, 0, null, true);

        public double share() {
            return n == 0 ? 0 : (double) k / n;
        }

        public double[] interval() {
            return Stats.wilson(k, n, Stats.Z95);
        }

        Cell hide() {
            return new Cell(n, k, median, true);
        }
    }

    public record UnitFigure(Unit unit, Cell cell, Stats.Position position) {}

    /** An indicator's (or a time point's completeness) figures: per unit, per cluster, the region; and by year. */
    public record Figures(Indicator indicator, TimePoint timePoint, List<UnitFigure> units, Map<String, Cell> clusters,
            Cell region, Map<Integer, Map<Long, Cell>> unitByYear, Map<Integer, Cell> regionByYear) {

        public boolean share() {
            return indicator == null || indicator.rule().isShare();
        }

        public UnitFigure of(long organisationId) {
            return units.stream().filter(u -> u.unit().organisationId() == organisationId).findFirst().orElse(null);
        }
    }

    public record Benchmark(Scheme scheme, List<Figures> fulfilment, List<Figures> completeness,
            List<Integer> years) {}

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Registrations registrations;

    Benchmarks(JdbcClient jdbc, Schemes schemes, Registrations registrations) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.registrations = registrations;
    }

    /** The scheme's figures as of now, read from its tally (kept up to date by every write). */
    @Transactional(readOnly = true)
    public Benchmark of(long schemeId) {
        return of(schemes.get(schemeId));
    }

    /** The figures of a scheme the caller has loaded already. */
    @Transactional(readOnly = true)
    public Benchmark of(Scheme scheme) {
        long schemeId = scheme.id();
        LocalDate today = registrations.today();
        Map<String, List<TallyRow>> fulfilmentRows = new HashMap<>();
        String[] measures = scheme.indicators().stream().filter(i -> i.rule() != FulfilmentRule.NONE)
                .map(i -> "F:" + i.code()).toArray(String[]::new);
        jdbc.sql("""
                SELECT measure, unit_id, extract(year FROM period)::int AS yr, x, n, k FROM registration_tally
                WHERE scheme_id = :scheme AND measure = ANY (:measures)""")
                .param("scheme", schemeId).param("measures", measures)
                .query((rs, i) -> fulfilmentRows.computeIfAbsent(rs.getString("measure"), m -> new ArrayList<>())
                        .add(new TallyRow(rs.getLong("unit_id"), rs.getInt("yr"), rs.getBigDecimal("x"),
                                rs.getLong("n"), rs.getLong("k"))))
                .list();
        var fulfilment = new ArrayList<Figures>();
        for (Indicator indicator : scheme.indicators()) {
            if (indicator.rule() != FulfilmentRule.NONE) {
                fulfilment.add(figures(scheme, indicator, indicator.ruleTimePoint(),
                        fulfilmentRows.getOrDefault("F:" + indicator.code(), List.of()),
                        !indicator.rule().isShare()));
            }
        }
        var completeness = new ArrayList<Figures>();
        List<TimePoint> counted = scheme.timePoints().stream()
                .filter(tp -> scheme.indicatorsAt(tp).stream().anyMatch(Indicator::required)).toList();
        Map<String, List<TallyRow>> completenessRows = new HashMap<>();
        if (!counted.isEmpty()) {
            // a time point counts for the courses whose due date has come: the months before the due date's month
            // from the monthly counts, the days of that month up to the due date from the daily ones (ADR 0044), so
            // a view reads a few rows per unit and month instead of one per unit and day
            var sql = new StringBuilder("SELECT tp, unit_id, extract(year FROM period)::int AS yr, sum(n) AS n, "
                    + "sum(k) AS k FROM (");
            Map<String, Object> parameters = new HashMap<>();
            for (int i = 0; i < counted.size(); i++) {
                TimePoint tp = counted.get(i);
                LocalDate dueBy = today.minusDays(scheme.dueAfterDays().get(tp));
                sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT '").append(tp.name())
                        .append("' AS tp, unit_id, period, n, k FROM registration_tally WHERE scheme_id = :scheme")
                        .append(" AND measure = 'M:").append(tp.name()).append("' AND period < :month").append(i)
                        .append(" UNION ALL SELECT '").append(tp.name())
                        .append("', unit_id, period, n, k FROM registration_tally WHERE scheme_id = :scheme")
                        .append(" AND measure = 'C:").append(tp.name()).append("' AND period >= :month").append(i)
                        .append(" AND period <= :due").append(i);
                parameters.put("month" + i, Date.valueOf(dueBy.withDayOfMonth(1)));
                parameters.put("due" + i, Date.valueOf(dueBy));
            }
            sql.append(") t GROUP BY tp, unit_id, yr");
            parameters.put("scheme", schemeId);
            jdbc.sql(sql.toString()).params(parameters)
                    .query((rs, i) -> completenessRows.computeIfAbsent(rs.getString("tp"), t -> new ArrayList<>())
                            .add(new TallyRow(rs.getLong("unit_id"), rs.getInt("yr"), BigDecimal.ZERO,
                                    rs.getLong("n"), rs.getLong("k"))))
                    .list();
        }
        for (TimePoint tp : counted) {
            completeness.add(figures(scheme, null, tp, completenessRows.getOrDefault(tp.name(), List.of()), false));
        }
        var years = new java.util.TreeSet<Integer>();
        fulfilment.forEach(f -> years.addAll(f.regionByYear().keySet()));
        completeness.forEach(f -> years.addAll(f.regionByYear().keySet()));
        return new Benchmark(scheme, fulfilment, completeness, List.copyOf(years));
    }

    /** A group of the tally: a unit's courses of a start year with value x (0 unless a median is counted). */
    record TallyRow(long unit, int year, BigDecimal x, long n, long k) {}

    /** Sums of a group, with the counts per value when a median is wanted. */
    private static final class Sum {
        long n;
        long k;
        final TreeMap<BigDecimal, Long> values = new TreeMap<>();

        void add(TallyRow row, boolean median) {
            n += row.n();
            k += row.k();
            if (median) {
                values.merge(row.x(), row.n(), Long::sum);
            }
        }

        Cell cell(boolean median) {
            return new Cell(n, k, median ? median() : null, n < Stats.MIN_GROUP);
        }

        /** The median as PostgreSQL's percentile_cont(0.5): the middle value, or the mean of the two middle ones. */
        private BigDecimal median() {
            if (n == 0) {
                return null;
            }
            long lower = (n - 1) / 2;
            long upper = n / 2;
            BigDecimal low = null;
            BigDecimal high = null;
            long seen = 0;
            for (var entry : values.entrySet()) {
                long next = seen + entry.getValue();
                if (low == null && lower < next) {
                    low = entry.getKey();
                }
                if (upper < next) {
                    high = entry.getKey();
                    break;
                }
                seen = next;
            }
            return low.add(high).divide(BigDecimal.TWO).stripTrailingZeros();
        }
    }

    static Figures figures(Scheme scheme, Indicator indicator, TimePoint timePoint, List<TallyRow> rows,
            boolean median) {
        Map<Long, String> clusterOf = new HashMap<>();
        scheme.units().forEach(u -> clusterOf.put(u.organisationId(), u.cluster()));
        Map<Long, Sum> unitSums = new HashMap<>();
        Map<String, Sum> clusterSums = new HashMap<>();
        Sum regionSum = new Sum();
        Map<Integer, Map<Long, Sum>> unitYearSums = new TreeMap<>();
        Map<Integer, Sum> regionYearSums = new TreeMap<>();
        for (TallyRow row : rows) {
            String cluster = clusterOf.get(row.unit());
            if (cluster == null) {
                continue;
            }
            unitSums.computeIfAbsent(row.unit(), u -> new Sum()).add(row, median);
            clusterSums.computeIfAbsent(cluster, c -> new Sum()).add(row, median);
            regionSum.add(row, median);
            unitYearSums.computeIfAbsent(row.year(), y -> new HashMap<>()).computeIfAbsent(row.unit(), u -> new Sum())
                    .add(row, median);
            regionYearSums.computeIfAbsent(row.year(), y -> new Sum()).add(row, median);
        }
        Map<Long, Cell> units = new HashMap<>();
        unitSums.forEach((unit, sum) -> units.put(unit, sum.cell(median)));
        Map<String, Cell> clusters = new TreeMap<>();
        clusterSums.forEach((cluster, sum) -> clusters.put(cluster, sum.cell(median)));
        Cell region = regionSum.n == 0 ? Cell.EMPTY : regionSum.cell(median);
        Map<Integer, Map<Long, Cell>> unitByYear = new TreeMap<>();
        unitYearSums.forEach((year, byUnit) -> {
            Map<Long, Cell> cells = new HashMap<>();
            byUnit.forEach((unit, sum) -> cells.put(unit, sum.cell(median)));
            unitByYear.put(year, cells);
        });
        Map<Integer, Cell> regionByYear = new TreeMap<>();
        regionYearSums.forEach((year, sum) -> regionByYear.put(year, sum.cell(median)));
        // every unit and cluster of the scheme is shown, those without courses as empty (hidden) groups
        for (Unit unit : scheme.units()) {
            units.putIfAbsent(unit.organisationId(), Cell.EMPTY);
            clusters.putIfAbsent(unit.cluster(), Cell.EMPTY);
        }
        suppressSecondarily(scheme, units, clusters);
        for (Map<Long, Cell> year : unitByYear.values()) {
            Map<String, Cell> none = new HashMap<>();
            suppressSecondarily(scheme, year, none);
        }
        Cell target = region;
        List<UnitFigure> unitFigures = scheme.units().stream().map(unit -> {
            Cell cell = units.get(unit.organisationId());
            Stats.Position position = cell.hidden() || target.n() == 0 || (indicator != null && !indicator.rule()
                    .isShare()) ? null : Stats.position(cell.k(), cell.n(), target.share());
            return new UnitFigure(unit, cell, position);
        }).toList();
        return new Figures(indicator, timePoint, unitFigures, clusters, region, unitByYear, regionByYear);
    }

    /**
     * Secondary suppression: a hidden unit alone in its cluster's shown units takes the smallest shown unit of the
     * cluster with it; a hidden cluster alone among the clusters takes the smallest shown cluster with it.
     */
    static void suppressSecondarily(Scheme scheme, Map<Long, Cell> units, Map<String, Cell> clusters) {
        Map<String, List<Long>> byCluster = new LinkedHashMap<>();
        scheme.units().forEach(u -> byCluster.computeIfAbsent(u.cluster(), c -> new ArrayList<>())
                .add(u.organisationId()));
        for (List<Long> members : byCluster.values()) {
            hideOneMore(members, units);
        }
        hideOneMore(new ArrayList<>(clusters.keySet()), clusters);
    }

    private static <K> void hideOneMore(List<K> keys, Map<K, Cell> cells) {
        List<K> present = keys.stream().filter(cells::containsKey).toList();
        long hiddenWithCourses = present.stream().filter(k -> cells.get(k).hidden() && cells.get(k).n() > 0).count();
        if (hiddenWithCourses == 1) {
            present.stream().filter(k -> !cells.get(k).hidden())
                    .min(Comparator.comparingLong((K k) -> cells.get(k).n()))
                    .ifPresent(k -> cells.put(k, cells.get(k).hide()));
        }
    }
}
