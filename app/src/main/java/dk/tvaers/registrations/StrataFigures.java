package dk.tvaers.registrations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fulfilment by social stratum (issue 14, ADR 0051): for each stratum of {@link Stratum}, a unit's fulfilment among
 * its courses' citizens in the stratum against the region's, with the benchmark's suppression (groups under
 * {@link Stats#MIN_GROUP} hidden, one more hidden where one alone would follow by subtraction). The strata come from
 * the {@link CitizenStrata} SPI (monitoring's analytic store); without it, or when it knows no data, the page says
 * the strata are not known.
 *
 * <p>Kept, not computed per view: {@link #refresh} asks the SPI once for all the scheme's courses and keeps what the
 * courses of each stratum contribute ({@code registration_contributions}, the tally's own definition) summed per
 * unit in {@code registration_stratum_tally}; the page reads those few rows. A scheduled check recomputes a scheme
 * when the strata's data or its fulfilment tally changed since, so the figures lag a write by at most the interval.
 */
@Service
public class StrataFigures {

    private static final Logger LOG = LoggerFactory.getLogger(StrataFigures.class);

    /** A stratum's row of the page: the indicator's fulfilment among the stratum's courses, unit and region. */
    public record Row(Stratum stratum, Indicator indicator, Benchmarks.Cell unit, Benchmarks.Cell region) {

        public boolean share() {
            return indicator.rule().isShare();
        }
    }

    /**
     * What the page shows: whether the figures were ever computed, whether strata were known then (and from which
     * data), how many of the courses' citizens the data hold, when, and the rows (stratum by stratum).
     */
    public record View(boolean computed, String source, long courses, long known, Instant computedAt,
            List<Row> rows) {

        public boolean strataKnown() {
            return computed && source != null && known > 0;
        }

        /** The rows stratum by stratum, in {@link Stratum}'s order. */
        public List<Group> groups() {
            List<Group> groups = new ArrayList<>();
            for (Stratum stratum : Stratum.values()) {
                List<Row> of = rows.stream().filter(r -> r.stratum() == stratum).toList();
                groups.add(new Group(stratum, of, of.stream().allMatch(r -> r.region().n() == 0)));
            }
            return groups;
        }
    }

    /** A stratum's rows; {@code empty}: no course of the region is in it (the page says so in one line). */
    public record Group(Stratum stratum, List<Row> rows, boolean empty) {}

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final ObjectProvider<CitizenStrata> strata;
    private final TransactionTemplate repeatableRead;
    private final Clock clock;

    StrataFigures(JdbcClient jdbc, Schemes schemes, ObjectProvider<CitizenStrata> strata,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.strata = strata;
        this.repeatableRead = new TransactionTemplate(transactions.getTransactionManager());
        this.repeatableRead.setIsolationLevel(Isolation.REPEATABLE_READ.value());
        this.clock = clock;
    }

    /** The kept figures of a scheme for a unit. */
    @Transactional(readOnly = true)
    public View of(Scheme scheme, long unitId) {
        var state = jdbc.sql("""
                SELECT source, courses, known, computed_at FROM registration_stratum_state WHERE scheme_id = :scheme""")
                .param("scheme", scheme.id())
                .query((rs, i) -> new View(true, rs.getString("source"), rs.getLong("courses"), rs.getLong("known"),
                        rs.getTimestamp("computed_at").toInstant(), List.of()))
                .optional();
        if (state.isEmpty()) {
            return new View(false, null, 0, 0, null, List.of());
        }
        Map<Stratum, Map<String, List<Benchmarks.TallyRow>>> kept = new EnumMap<>(Stratum.class);
        jdbc.sql("SELECT stratum, measure, unit_id, x, n, k FROM registration_stratum_tally WHERE scheme_id = :scheme")
                .param("scheme", scheme.id())
                .query((rs, i) -> kept.computeIfAbsent(Stratum.valueOf(rs.getString("stratum")),
                        s -> new HashMap<>()).computeIfAbsent(rs.getString("measure"), m -> new ArrayList<>())
                        .add(new Benchmarks.TallyRow(rs.getLong("unit_id"), 0, rs.getBigDecimal("x"), rs.getLong("n"),
                                rs.getLong("k"))))
                .list();
        var rows = new ArrayList<Row>();
        for (Stratum stratum : Stratum.values()) {
            Map<String, List<Benchmarks.TallyRow>> byMeasure = kept.getOrDefault(stratum, Map.of());
            for (Indicator indicator : scheme.indicators()) {
                if (indicator.rule() == FulfilmentRule.NONE) {
                    continue;
                }
                Benchmarks.Figures figures = Benchmarks.figures(scheme, indicator, indicator.ruleTimePoint(),
                        byMeasure.getOrDefault("F:" + indicator.code(), List.of()), !indicator.rule().isShare());
                Benchmarks.UnitFigure unit = figures.of(unitId);
                rows.add(new Row(stratum, indicator, unit == null ? Benchmarks.Cell.EMPTY : unit.cell(),
                        figures.region()));
            }
        }
        View s = state.get();
        return new View(true, s.source(), s.courses(), s.known(), s.computedAt(), rows);
    }

    /** Recomputes every published scheme whose strata's data or fulfilment tally changed since it was computed. */
    @Scheduled(initialDelayString = "${tvaers.registrations.strata-interval}",
            fixedDelayString = "${tvaers.registrations.strata-interval}")
    @SchedulerLock(name = "registrations.strata", lockAtLeastFor = "PT30S")
    void refreshChanged() {
        CitizenStrata source = strata.getIfAvailable();
        String current = source == null ? null : source.source().orElse(null);
        for (Scheme scheme : schemes.all()) {
            if (scheme.published() && changed(scheme.id(), current)) {
                try {
                    refresh(scheme.id(), source);
                } catch (RuntimeException e) {
                    LOG.warn("the strata of registration scheme {} could not be computed", scheme.id(), e);
                }
            }
        }
    }

    /** Whether the kept figures are from other strata data or another fulfilment tally than now. */
    boolean changed(long schemeId, String currentSource) {
        return jdbc.sql("""
                SELECT s.source IS DISTINCT FROM :source OR s.tally <> (%s) FROM registration_stratum_state s
                WHERE s.scheme_id = :scheme""".formatted(TALLY_HASH))
                .param("scheme", schemeId).param("source", currentSource).query(Boolean.class).optional()
                .orElse(true);
    }

    /** Recomputes a scheme's figures by stratum from the SPI's strata (all the scheme's courses, one snapshot). */
    public void refresh(long schemeId) {
        refresh(schemeId, strata.getIfAvailable());
    }

    /** The same with the given strata (the benchmark's synthetic ones; tests' hand-worked ones); null: none known. */
    public void refresh(long schemeId, CitizenStrata source) {
        repeatableRead.executeWithoutResult(status -> {
            var citizens = jdbc.sql("""
                    SELECT id, person_ref, start_date FROM registration_course WHERE scheme_id = :scheme""")
                    .param("scheme", schemeId)
                    .query((rs, i) -> new CitizenStrata.Citizen(rs.getLong(1), rs.getString(2),
                            rs.getDate(3).toLocalDate()))
                    .list();
            Optional<CitizenStrata.Known> known = source == null || citizens.isEmpty() ? Optional.empty()
                    : source.of(citizens);
            jdbc.sql("DELETE FROM registration_stratum_tally WHERE scheme_id = :scheme").param("scheme", schemeId)
                    .update();
            if (known.isPresent()) {
                Map<Stratum, List<Long>> courses = new EnumMap<>(Stratum.class);
                known.get().byKey().forEach((course, in) -> {
                    for (Stratum stratum : in) {
                        courses.computeIfAbsent(stratum, s -> new ArrayList<>()).add(course);
                    }
                });
                courses.forEach((stratum, ids) -> jdbc.sql("""
                        INSERT INTO registration_stratum_tally (scheme_id, stratum, unit_id, measure, x, n, k)
                        SELECT :scheme, :stratum, c.unit_id, c.measure, c.x, sum(c.n), sum(c.k)
                        FROM registration_contributions(:courses) c
                        WHERE c.measure LIKE 'F:%'
                        GROUP BY c.unit_id, c.measure, c.x""")
                        .param("scheme", schemeId).param("stratum", stratum.name())
                        .param("courses", ids.toArray(Long[]::new)).update());
            }
            jdbc.sql("""
                    INSERT INTO registration_stratum_state (scheme_id, source, tally, courses, known, computed_at)
                    VALUES (:scheme, :source, (%s), :courses, :known, :at)
                    ON CONFLICT (scheme_id) DO UPDATE SET source = excluded.source, tally = excluded.tally,
                        courses = excluded.courses, known = excluded.known, computed_at = excluded.computed_at"""
                    .formatted(TALLY_HASH))
                    .param("scheme", schemeId).param("source", known.map(CitizenStrata.Known::source).orElse(null))
                    .param("courses", citizens.size())
                    .param("known", known.map(k -> k.byKey().size()).orElse(0))
                    .param("at", Timestamp.from(clock.instant())).update();
        });
    }

    /** A fingerprint of the scheme's fulfilment rows of the tally (a few per unit, year and value). */
    private static final String TALLY_HASH = """
            SELECT coalesce(md5(string_agg(t.measure || '/' || t.unit_id || '/' || t.period || '/' || t.x || '/' || t.n
                                           || '/' || t.k, ',' ORDER BY t.measure, t.unit_id, t.period, t.x)), '')
            FROM registration_tally t WHERE t.scheme_id = :scheme AND t.measure LIKE 'F:%'""";

}
