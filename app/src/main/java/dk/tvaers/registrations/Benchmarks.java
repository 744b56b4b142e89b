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
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Computed in PostgreSQL (grouping sets), kept per scheme until its registrations change
 * ({@code registration_scheme.data_generation}) or the day turns (due dates move).
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

    private record Cached(long generation, LocalDate today, Benchmark benchmark) {}

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Registrations registrations;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    Benchmarks(JdbcClient jdbc, Schemes schemes, Registrations registrations) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.registrations = registrations;
    }

    @Transactional(readOnly = true)
    public Benchmark of(long schemeId) {
        long generation = jdbc.sql("SELECT data_generation FROM registration_scheme WHERE id = :id")
                .param("id", schemeId).query(Long.class).single();
        LocalDate today = registrations.today();
        Cached cached = cache.get(schemeId);
        if (cached != null && cached.generation() == generation && cached.today().equals(today)) {
            return cached.benchmark();
        }
        Benchmark computed = compute(schemes.get(schemeId), today);
        cache.put(schemeId, new Cached(generation, today, computed));
        return computed;
    }

    private static final String UNIT_JOIN = """
            JOIN registration_unit u ON u.scheme_id = c.scheme_id AND u.organisation_id = c.unit_id""";

    private Benchmark compute(Scheme scheme, LocalDate today) {
        var fulfilment = new ArrayList<Figures>();
        for (Indicator indicator : scheme.indicators()) {
            if (indicator.rule() == FulfilmentRule.NONE) {
                continue;
            }
            Map<String, Object> params = new HashMap<>();
            params.put("scheme", scheme.id());
            params.put("indicator", indicator.code());
            String rows;
            if (indicator.rule() == FulfilmentRule.MEDIAN_CHANGE) {
                rows = """
                        SELECT u.organisation_id AS org, u.cluster, extract(year FROM c.start_date)::int AS yr,
                               e.value_num - s.value_num AS x, false AS ok
                        FROM registration_value s
                        JOIN registration_value e ON e.course_id = s.course_id AND e.indicator = s.indicator
                             AND e.time_point = 'END' AND NOT e.draft
                        JOIN registration_course c ON c.id = s.course_id
                        """ + UNIT_JOIN + """

                        WHERE c.scheme_id = :scheme AND s.indicator = :indicator AND s.time_point = 'START'
                          AND NOT s.draft""";
            } else {
                TimePoint at = indicator.ruleTimePoint() != null ? indicator.ruleTimePoint()
                        : indicator.timePoints().stream().sorted().findFirst().orElseThrow();
                params.put("tp", at.name());
                params.put("threshold", indicator.threshold() == null ? BigDecimal.ZERO : indicator.threshold());
                String ok = switch (indicator.rule()) {
                    case SHARE_YES -> "v.value_num = 1";
                    case SHARE_AT_LEAST -> "v.value_num >= :threshold";
                    default -> "false";
                };
                rows = """
                        SELECT u.organisation_id AS org, u.cluster, extract(year FROM c.start_date)::int AS yr,
                               v.value_num AS x, %s AS ok
                        FROM registration_value v
                        JOIN registration_course c ON c.id = v.course_id
                        %s
                        WHERE c.scheme_id = :scheme AND v.indicator = :indicator AND v.time_point = :tp
                          AND NOT v.draft""".formatted(ok, UNIT_JOIN);
            }
            fulfilment.add(figures(scheme, indicator, indicator.ruleTimePoint(), rows, params));
        }
        var completeness = new ArrayList<Figures>();
        for (TimePoint tp : scheme.timePoints()) {
            List<String> required = scheme.indicatorsAt(tp).stream().filter(Indicator::required)
                    .map(Indicator::code).toList();
            if (required.isEmpty()) {
                continue;
            }
            Map<String, Object> params = new HashMap<>();
            params.put("scheme", scheme.id());
            params.put("tp", tp.name());
            params.put("required", required);
            params.put("count", required.size());
            params.put("dueBy", Date.valueOf(today.minusDays(scheme.dueAfterDays().get(tp))));
            String rows = """
                    SELECT u.organisation_id AS org, u.cluster, extract(year FROM c.start_date)::int AS yr,
                           NULL::numeric AS x, d.course_id IS NOT NULL AS ok
                    FROM registration_course c
                    %s
                    LEFT JOIN (SELECT v.course_id FROM registration_value v
                               JOIN registration_course c2 ON c2.id = v.course_id
                               WHERE c2.scheme_id = :scheme AND v.time_point = :tp AND NOT v.draft
                                 AND v.indicator IN (:required)
                               GROUP BY v.course_id HAVING count(*) = :count) d ON d.course_id = c.id
                    WHERE c.scheme_id = :scheme AND c.start_date <= :dueBy""".formatted(UNIT_JOIN);
            completeness.add(figures(scheme, null, tp, rows, params));
        }
        var years = new java.util.TreeSet<Integer>();
        fulfilment.forEach(f -> years.addAll(f.regionByYear().keySet()));
        completeness.forEach(f -> years.addAll(f.regionByYear().keySet()));
        return new Benchmark(scheme, fulfilment, completeness, List.copyOf(years));
    }

    private Figures figures(Scheme scheme, Indicator indicator, TimePoint timePoint, String rows,
            Map<String, Object> params) {
        String sql = """
                WITH m AS (%s)
                SELECT org, cluster, yr, GROUPING(org) AS g_org, GROUPING(cluster) AS g_cluster, GROUPING(yr) AS g_yr,
                       count(*) AS n, count(*) FILTER (WHERE ok) AS k,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS med
                FROM m GROUP BY GROUPING SETS ((org, cluster), (cluster), (), (org, cluster, yr), (yr))""".formatted(rows);
        Map<Long, Cell> units = new HashMap<>();
        Map<String, Cell> clusters = new TreeMap<>();
        Cell[] region = {Cell.EMPTY};
        Map<Integer, Map<Long, Cell>> unitByYear = new TreeMap<>();
        Map<Integer, Cell> regionByYear = new TreeMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            Double median = (Double) rs.getObject("med");
            Cell cell = new Cell(rs.getLong("n"), rs.getLong("k"),
                    median == null ? null : BigDecimal.valueOf(median).stripTrailingZeros(),
                    rs.getLong("n") < Stats.MIN_GROUP);
            boolean byOrg = rs.getInt("g_org") == 0;
            boolean byCluster = rs.getInt("g_cluster") == 0;
            boolean byYear = rs.getInt("g_yr") == 0;
            if (byYear && byOrg) {
                unitByYear.computeIfAbsent(rs.getInt("yr"), y -> new HashMap<>()).put(rs.getLong("org"), cell);
            } else if (byYear) {
                regionByYear.put(rs.getInt("yr"), cell);
            } else if (byOrg) {
                units.put(rs.getLong("org"), cell);
            } else if (byCluster) {
                clusters.put(rs.getString("cluster"), cell);
            } else {
                region[0] = cell;
            }
        });
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
        Cell target = region[0];
        List<UnitFigure> unitFigures = scheme.units().stream().map(unit -> {
            Cell cell = units.get(unit.organisationId());
            Stats.Position position = cell.hidden() || target.n() == 0 || (indicator != null && !indicator.rule()
                    .isShare()) ? null : Stats.position(cell.k(), cell.n(), target.share());
            return new UnitFigure(unit, cell, position);
        }).toList();
        return new Figures(indicator, timePoint, unitFigures, clusters, region[0], unitByYear, regionByYear);
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
