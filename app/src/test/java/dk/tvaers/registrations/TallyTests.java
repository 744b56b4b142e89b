package dk.tvaers.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiatives;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's tally (ADR 0038) after seeded random sequences of form saves (drafts, finals, blanks that remove a
 * value), file and API imports that add courses and correct values, and refused imports: after every step the kept
 * tally equals a fresh computation over all the scheme's courses, and the benchmark's figures per unit equal the
 * figures worked out here in Java from the registration rows themselves.
 */
@IntegrationTest
class TallyTests {

    private static final String H = RegistrationImport.HEADER + "\n";
    private static final int SEEDS = 3;
    private static final int STEPS = 25;

    /**
     * The fixture's indicators and a median of the values at END (PEAK), so every rule of {@code ImportTally} is
     * counted: a mutation of its median's value (x) was not caught by the fixture's indicators alone.
     */
    private static final List<Indicator> INDICATORS = java.util.stream.Stream.concat(
            RegistrationFixtures.indicators().stream(), java.util.stream.Stream.of(new Indicator("PEAK", 4,
                    "Højeste puls", ValueType.WHOLE, "slag/min", BigDecimal.valueOf(40), BigDecimal.valueOf(220), "",
                    Set.of(TimePoint.START, TimePoint.END), false, FulfilmentRule.MEDIAN, TimePoint.END, null)))
            .toList();

    @Autowired
    Schemes schemes;

    @Autowired
    Registrations registrations;

    @Autowired
    RegistrationImport imports;

    @Autowired
    Benchmarks benchmarks;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void formFileAndApiWritesAndCorrectionsKeepTheTallyEqualToAFreshComputation() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            var random = new SplittableRandom(seed);
            var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, INDICATORS, "A", "B");
            List<Viewer> staff = List.of(RegistrationFixtures.staffOf(made.units().get(0)),
                    RegistrationFixtures.staffOf(made.units().get(1)));
            LocalDate today = registrations.today();
            for (int step = 0; step < STEPS; step++) {
                String what;
                int unit = random.nextInt(2);
                String person = "t" + random.nextInt(8);
                // old courses (all time points due) and recent ones (END not yet due)
                LocalDate start = random.nextBoolean() ? LocalDate.of(2024, 3, 1 + random.nextInt(3))
                        : today.minusDays(random.nextInt(20));
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        long course = registrations.open(made.schemeId(), person, start, staff.get(unit));
                        TimePoint tp = random.nextBoolean() ? TimePoint.START : TimePoint.END;
                        boolean draft = random.nextInt(3) == 0;
                        Map<String, String> typed = new HashMap<>();
                        for (Indicator indicator : schemes.get(made.schemeId()).indicatorsAt(tp)) {
                            boolean blank = draft ? random.nextInt(3) == 0 : !indicator.required()
                                    && random.nextBoolean();
                            typed.put(indicator.code(), blank ? "" : value(indicator, random));
                        }
                        registrations.save(course, tp, typed, draft, staff.get(unit));
                        what = "form " + (draft ? "draft " : "final ") + tp + " " + typed;
                    }
                    case 2 -> {
                        var file = new StringBuilder(H);
                        Set<String> keys = new LinkedHashSet<>();
                        int lines = 1 + random.nextInt(8);
                        for (int i = 0; i < lines; i++) {
                            int u = random.nextInt(2);
                            String p = "t" + random.nextInt(8);
                            LocalDate s = random.nextBoolean() ? LocalDate.of(2024, 3, 1 + random.nextInt(3))
                                    : today.minusDays(random.nextInt(20));
                            Indicator indicator = INDICATORS.get(random.nextInt(INDICATORS.size()));
                            TimePoint tp = indicator.timePoints().stream().sorted().toList()
                                    .get(random.nextInt(indicator.timePoints().size()));
                            if (keys.add(u + p + s + tp + indicator.code())) {
                                file.append(made.code()).append(",1,").append(made.unitCodes().get(u)).append(',')
                                        .append(p).append(',').append(s).append(',').append(tp).append(',')
                                        .append(indicator.code()).append(',')
                                        .append(value(indicator, random).replace(',', '.'))
                                        .append('\n');
                            }
                        }
                        Source source = random.nextBoolean() ? Source.FILE : Source.API;
                        imports.importCsv(in(file.toString()), made.schemeId(), null, source, Actor.SYSTEM);
                        what = source + " import\n" + file;
                    }
                    default -> {
                        String file = H + made.code() + ",1,U0,t1,2024-03-01,START,SCREEN,ja\n"
                                + made.code() + ",1,U1,t2,2024-03-01,START,WATT,9000\n";
                        assertThatThrownBy(() -> imports.importCsv(in(file), made.schemeId(), null, Source.FILE,
                                Actor.SYSTEM)).isInstanceOf(RegistrationsRejectedException.class);
                        what = "refused import";
                    }
                }
                String context = "seed " + seed + ", step " + step + ": " + what;
                assertThat(kept(made.schemeId())).as(context).isEqualTo(fresh(made.schemeId()));
                assertFiguresAreWorkedOutFromTheRows(made, today, context);
            }
        }
    }

    private static String value(Indicator indicator, SplittableRandom random) {
        return switch (indicator.type()) {
            case YES_NO -> random.nextBoolean() ? "ja" : "nej";
            // with a decimal comma as typed in the form (a file writes it with a point)
            case DECIMAL -> (50 + random.nextInt(6) * 10) + (random.nextBoolean() ? ",5" : "");
            // often at a range's edge and at SESSIONS' threshold (16), where a rule's ≥ differs from >
            case WHOLE -> String.valueOf(switch (random.nextInt(4)) {
                case 0 -> indicator.threshold() != null ? indicator.threshold().intValue() : indicator.min().intValue();
                case 1 -> indicator.max().intValue();
                default -> indicator.min().intValue() + random.nextInt(indicator.max().intValue()
                        - indicator.min().intValue() + 1);
            });
            case CHOICE -> random.nextBoolean() ? "HOSPITAL" : "GP";
            case DATE -> "2024-01-01";
        };
    }

    private List<String> kept(long scheme) {
        return jdbc.sql("""
                SELECT concat_ws('|', unit_id, period, measure, x::float8, n, k) FROM registration_tally
                WHERE scheme_id = :s ORDER BY 1""").param("s", scheme).query(String.class).list();
    }

    private List<String> fresh(long scheme) {
        return jdbc.sql("""
                SELECT concat_ws('|', unit_id, period, measure, x::float8, n, k)
                FROM registration_contributions(ARRAY(SELECT id FROM registration_course WHERE scheme_id = :s))
                ORDER BY 1""").param("s", scheme).query(String.class).list();
    }

    /** The benchmark's unit figures, against the same figures worked out from the registration rows in Java. */
    private void assertFiguresAreWorkedOutFromTheRows(RegistrationFixtures.Made made, LocalDate today,
            String context) {
        record Row(long course, long unit, LocalDate start, TimePoint tp, String indicator, BigDecimal number) {}
        List<Row> rows = jdbc.sql("""
                SELECT c.id, c.unit_id, c.start_date, v.time_point, v.indicator, v.value_num
                FROM registration_course c
                LEFT JOIN registration_value v ON v.course_id = c.id AND NOT v.draft
                WHERE c.scheme_id = :s""").param("s", made.schemeId())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4) == null ? null : TimePoint.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getBigDecimal(6)))
                .list();
        Map<Long, Map<String, BigDecimal>> values = new HashMap<>();
        Map<Long, Long> unitOf = new HashMap<>();
        Map<Long, LocalDate> startOf = new HashMap<>();
        for (Row row : rows) {
            unitOf.put(row.course(), row.unit());
            startOf.put(row.course(), row.start());
            var own = values.computeIfAbsent(row.course(), c -> new LinkedHashMap<>());
            if (row.tp() != null) {
                own.put(row.tp() + ":" + row.indicator(), row.number());
            }
        }
        Scheme scheme = schemes.get(made.schemeId());
        Benchmarks.Benchmark b = benchmarks.of(made.schemeId());
        for (long unit : made.units()) {
            // SCREEN: share yes at START
            long n = 0;
            long k = 0;
            List<BigDecimal> sessionsOk = new ArrayList<>();
            List<BigDecimal> changes = new ArrayList<>();
            long due = 0;
            long complete = 0;
            for (var entry : values.entrySet()) {
                if (unitOf.get(entry.getKey()) != unit) {
                    continue;
                }
                Map<String, BigDecimal> v = entry.getValue();
                if (v.containsKey("START:SCREEN")) {
                    n++;
                    k += v.get("START:SCREEN").signum() == 1 ? 1 : 0;
                }
                if (v.containsKey("END:SESSIONS")) {
                    sessionsOk.add(v.get("END:SESSIONS"));
                }
                if (v.containsKey("START:WATT") && v.containsKey("END:WATT")) {
                    changes.add(v.get("END:WATT").subtract(v.get("START:WATT")));
                }
                if (!startOf.get(entry.getKey()).isAfter(today.minusDays(84))) {
                    due++;
                    complete += v.containsKey("END:WATT") && v.containsKey("END:SESSIONS") ? 1 : 0;
                }
            }
            Benchmarks.Cell screen = unitCell(b.fulfilment(), "SCREEN", unit);
            assertThat(List.of(screen.n(), screen.k())).as(context + " SCREEN of " + unit).containsExactly(n, k);
            Benchmarks.Cell sessions = unitCell(b.fulfilment(), "SESSIONS", unit);
            assertThat(List.of(sessions.n(), sessions.k())).as(context + " SESSIONS of " + unit).containsExactly(
                    (long) sessionsOk.size(), sessionsOk.stream().filter(x -> x.compareTo(BigDecimal.valueOf(16)) >= 0)
                            .count());
            Benchmarks.Cell watt = unitCell(b.fulfilment(), "WATT", unit);
            assertThat(watt.n()).as(context + " WATT of " + unit).isEqualTo(changes.size());
            if (!changes.isEmpty()) {
                assertThat(watt.median()).as(context + " WATT median of " + unit)
                        .isEqualByComparingTo(median(changes));
            }
            Benchmarks.Cell end = b.completeness().stream().filter(f -> f.timePoint() == TimePoint.END).findFirst()
                    .orElseThrow().of(unit).cell();
            assertThat(List.of(end.n(), end.k())).as(context + " END completeness of " + unit)
                    .containsExactly(due, complete);
        }
        assertThat(scheme.units()).hasSize(2);
    }

    private static BigDecimal median(List<BigDecimal> values) {
        var sorted = new TreeMap<Integer, BigDecimal>();
        List<BigDecimal> list = values.stream().sorted().toList();
        for (int i = 0; i < list.size(); i++) {
            sorted.put(i, list.get(i));
        }
        int size = list.size();
        return sorted.get((size - 1) / 2).add(sorted.get(size / 2)).divide(BigDecimal.TWO);
    }

    private static Benchmarks.Cell unitCell(List<Benchmarks.Figures> figures, String code, long unit) {
        return figures.stream().filter(f -> f.indicator().code().equals(code)).findFirst().orElseThrow().of(unit)
                .cell();
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
