package dk.tvaers.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.registrations.CitizenStrata;
import dk.tvaers.registrations.FulfilmentRule;
import dk.tvaers.registrations.Indicator;
import dk.tvaers.registrations.RegistrationFixtures;
import dk.tvaers.registrations.RegistrationImport;
import dk.tvaers.registrations.Registrations;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.registrations.Source;
import dk.tvaers.registrations.StrataFigures;
import dk.tvaers.registrations.Stratum;
import dk.tvaers.registrations.TimePoint;
import dk.tvaers.registrations.ValueType;
import dk.tvaers.registrations.Viewer;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Registrations at the size: 200,000 courses with 2,000,000 registrations in 19 units, loaded as two files of
 * 1,000,000 lines through the import (the first is timed: target < 30 s). Then the unit benchmark page's server time
 * (MockMvc through security, controller, SQL and Thymeleaf), p50/p95: right after a registration (a professional
 * saves a course's end values before each request, through the service as the form does) and between writes; against
 * a static page in the same run. Target: p95 < 200 ms. Options: {@code -Dbench.courses=} (default 200,000),
 * {@code -Dbench.explain=true} (prints the page's tally reads with EXPLAIN ANALYZE).
 */
@Tag("bench")
@IntegrationTest
class RegistrationsBenchmark {

    private static final int UNITS = 19;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Schemes schemes;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Autowired
    RegistrationImport imports;

    @Autowired
    Registrations registrations;

    @Autowired
    dk.tvaers.registrations.Benchmarks benchmarks;

    @Autowired
    StrataFigures strata;

    MockMvc mvc;

    @Test
    void importAndBenchmarkPageAtTwoHundredThousandCourses() throws Exception {
        int courses = Integer.getInteger("bench.courses", 200_000);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        long stamp = System.nanoTime() % 1_000_000_000L;
        long initiative = initiatives.start(new NewInitiative("Bench " + stamp, "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.MUNICIPALITY), null), Actor.SYSTEM);
        var units = new ArrayList<Schemes.NewUnit>();
        List<Long> orgs = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            long org = organisations.create(new OrganisationDetails("Benchkommune " + u + " " + stamp,
                    Sector.MUNICIPALITY, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
            orgs.add(org);
            units.add(new Schemes.NewUnit(org, "B" + u, "K" + (u % 5)));
        }
        List<Indicator> indicators = new ArrayList<>(RegistrationFixtures.indicators());
        for (int i = 1; i <= 5; i++) {
            indicators.add(new Indicator("DURING_" + i, 3 + i, "Undervejs " + i, ValueType.YES_NO, "", null, null, "",
                    Set.of(TimePoint.DURING), i <= 3, FulfilmentRule.SHARE_YES, TimePoint.DURING, null));
        }
        String code = "BENCH_" + stamp;
        long scheme = schemes.define(new Schemes.NewScheme(initiative, code, "Bench",
                Map.of(TimePoint.START, 0, TimePoint.DURING, 42, TimePoint.END, 84), units, indicators), Actor.SYSTEM);

        Path dir = Files.createDirectories(Path.of("target", "bench-data"));
        Path first = dir.resolve("registrations-1.csv");
        Path second = dir.resolve("registrations-2.csv");
        long t0 = System.nanoTime();
        long rows1 = write(first, code, 0, courses / 2, 1);
        long rows2 = write(second, code, courses / 2, courses, 2);
        System.out.printf(Locale.ROOT, "%nGenerated %,d + %,d lines in %.1f s%n", rows1, rows2,
                (System.nanoTime() - t0) / 1e9);

        System.out.println("load average before the imports: " + Files.readString(Path.of("/proc/loadavg")).strip());
        long i0 = System.nanoTime();
        RegistrationImport.Summary s1;
        try (InputStream in = Files.newInputStream(first)) {
            s1 = imports.importCsv(in, scheme, null, Source.FILE, Actor.SYSTEM);
        }
        double importSeconds = (System.nanoTime() - i0) / 1e9;
        long i1 = System.nanoTime();
        RegistrationImport.Summary s2;
        try (InputStream in = Files.newInputStream(second)) {
            s2 = imports.importCsv(in, scheme, null, Source.FILE, Actor.SYSTEM);
        }
        double secondSeconds = (System.nanoTime() - i1) / 1e9;
        long values = jdbc.sql("""
                SELECT count(*) FROM registration_value v JOIN registration_course c ON c.id = v.course_id
                WHERE c.scheme_id = :s""").param("s", scheme).query(Long.class).single();
        System.out.printf(Locale.ROOT, "Import 1: %,d lines, %,d courses in %.1f s (target < 30 s)%n", s1.rows(),
                s1.courses(), importSeconds);
        System.out.printf(Locale.ROOT, "Import 2: %,d lines, %,d courses in %.1f s (on top of the first)%n",
                s2.rows(), s2.courses(), secondSeconds);
        System.out.printf(Locale.ROOT, "In the database: %,d registrations%n", values);
        System.out.println("load average after the imports: " + Files.readString(Path.of("/proc/loadavg")).strip());
        jdbc.sql("ANALYZE registration_value").update();
        jdbc.sql("ANALYZE registration_course").update();
        if (Boolean.getBoolean("bench.explain")) {
            // where the page's time goes: the tally reads, as the page runs them
            for (String sql : List.of("""
                    EXPLAIN (ANALYZE, BUFFERS) SELECT measure, unit_id, extract(year FROM period)::int AS yr, x, n, k
                    FROM registration_tally WHERE scheme_id = :scheme AND measure = ANY (ARRAY(
                        SELECT 'F:' || code FROM registration_indicator WHERE scheme_id = :scheme AND rule <> 'NONE'))""", """
                    EXPLAIN (ANALYZE, BUFFERS) SELECT unit_id, extract(year FROM period)::int AS yr, sum(n), sum(k)
                    FROM (SELECT unit_id, period, n, k FROM registration_tally WHERE scheme_id = :scheme
                            AND measure = 'M:START' AND period < date_trunc('month', current_date)
                          UNION ALL
                          SELECT unit_id, period, n, k FROM registration_tally WHERE scheme_id = :scheme
                            AND measure = 'C:START' AND period >= date_trunc('month', current_date)
                            AND period <= current_date) t
                    GROUP BY unit_id, yr""", """
                    EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM registration_contributions(ARRAY(
                        SELECT id FROM registration_course WHERE scheme_id = :scheme ORDER BY id LIMIT 1))""", """
                    EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM registration_contributions(ARRAY(
                        SELECT id FROM registration_course WHERE scheme_id = :scheme ORDER BY id LIMIT 10000))""")) {
                System.out.println("EXPLAIN");
                jdbc.sql(sql).param("scheme", scheme).query(String.class).list().forEach(System.out::println);
            }
            // inside the contributions (a function scan above): its body for 10,000 courses, with the import's memory
            String body = jdbc.sql("SELECT prosrc FROM pg_proc WHERE proname = 'registration_contributions'")
                    .query(String.class).single();
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL work_mem = '256MB'").update();
                System.out.println("EXPLAIN (the contributions' body)");
                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + body.replace("unnest(courses)", """
                        unnest(ARRAY(SELECT id FROM registration_course WHERE scheme_id = :scheme ORDER BY id
                                     LIMIT 10000))""")).param("scheme", scheme).query(String.class).list()
                        .forEach(System.out::println);
            });
            // what inserting values costs beside its foreign-key checks: 200,000 values copied as new indicators of
            // 20,000 courses, rolled back (EXPLAIN ANALYZE names the time of the key's trigger apart)
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                System.out.println("EXPLAIN (rolled back)");
                jdbc.sql("""
                        EXPLAIN (ANALYZE, BUFFERS) INSERT INTO registration_value (course_id, time_point, indicator,
                            value_text, value_num, draft, source, entered_by)
                        SELECT v.course_id, v.time_point, v.indicator || '_COPY', v.value_text, v.value_num, v.draft,
                            v.source, v.entered_by
                        FROM registration_value v
                        WHERE v.course_id IN (SELECT id FROM registration_course WHERE scheme_id = :scheme
                                              ORDER BY id LIMIT 20000)
                        ORDER BY 1, 2, 3""").param("scheme", scheme).query(String.class).list()
                        .forEach(System.out::println);
                status.setRollbackOnly();
            });
        }
        // the strata of every course's citizen, seeded (about a third with short education, a quarter low income, a
        // fifth multimorbid, 40 % living alone), kept per stratum as the scheduled recomputation does
        long r0 = System.nanoTime();
        strata.refresh(scheme, new SeededStrata());
        System.out.printf(Locale.ROOT, "Strata kept for %,d courses in %.1f s (in the background, not per view)%n",
                courses, (System.nanoTime() - r0) / 1e9);
        long user = users.create(new UserAttributes("bench" + stamp + "@kommune.test", "Bench", orgs.getFirst(),
                EnumSet.of(Role.STAFF)), "Rolig-Rød-Cykel-1", false, Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(user).orElseThrow());
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        String loadAverage = Files.readString(Path.of("/proc/loadavg")).strip();
        List<MockHttpServletRequestBuilder> pages = new ArrayList<>();
        for (long org : orgs) {
            pages.add(get("/registreringer/skemaer/" + scheme).param("enhed", String.valueOf(org))
                    .with(authentication(auth)));
        }
        // "after a write": a professional of unit B0 saves a course's end registration before each request
        Viewer writer = new Viewer(user, "Bench", orgs.getFirst(), Set.of(Role.STAFF));
        long course = jdbc.sql("""
                SELECT id FROM registration_course WHERE scheme_id = :s AND unit_id = :u ORDER BY id LIMIT 1""")
                .param("s", scheme).param("u", orgs.getFirst()).query(Long.class).single();
        int[] written = {0};
        Runnable write = () -> registrations.save(course, TimePoint.END,
                Map.of("WATT", String.valueOf(100 + written[0]++ % 50), "SESSIONS", "12"), false, writer);
        // in turns, so that whatever else the machine does (autovacuum after the imports, other helpers' builds) falls
        // on all of them alike: the static page, a write, the first view after it, a second view with no write between
        jdbc.sql("VACUUM ANALYZE registration_tally").update();
        MockHttpServletRequestBuilder staticPage = get("/tilgaengelighed");
        int rounds = Integer.getInteger("bench.rounds", 150);
        for (int i = 0; i < 10; i++) {
            mvc.perform(staticPage).andExpect(status().isOk());
            mvc.perform(pages.get(i % pages.size())).andExpect(status().isOk());
            benchmarks.of(scheme);
        }
        double[] baseline = new double[rounds];
        double[] afterWrite = new double[rounds];
        double[] between = new double[rounds];
        double[] serviceAfterWrite = new double[rounds];
        double[] serviceBetween = new double[rounds];
        double[] definition = new double[rounds];
        double[] strataAlone = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            var page = pages.get(i % pages.size());
            baseline[i] = time(() -> mvc.perform(staticPage).andExpect(status().isOk()));
            write.run();
            afterWrite[i] = time(() -> mvc.perform(page).andExpect(status().isOk()));
            between[i] = time(() -> mvc.perform(page).andExpect(status().isOk()));
            // where a view's time goes: the figures alone (the service: SQL and sums), and the scheme's definition
            write.run();
            serviceAfterWrite[i] = time(() -> benchmarks.of(scheme));
            serviceBetween[i] = time(() -> benchmarks.of(scheme));
            definition[i] = time(() -> schemes.get(scheme));
            long unit = orgs.get(i % orgs.size());
            var loaded = schemes.get(scheme);
            strataAlone[i] = time(() -> strata.of(loaded, unit));
        }
        System.out.println();
        System.out.println("benchmark page                 p50 ms   p95 ms   target p95");
        System.out.printf(Locale.ROOT, "static page (baseline)       %7.1f  %7.1f%n", p(baseline, 50), p(baseline, 95));
        System.out.printf(Locale.ROOT, "first view after a write     %7.1f  %7.1f   < 200 ms%n", p(afterWrite, 50),
                p(afterWrite, 95));
        System.out.printf(Locale.ROOT, "between writes               %7.1f  %7.1f   < 200 ms%n", p(between, 50),
                p(between, 95));
        System.out.printf(Locale.ROOT, "ratio p95 after a write / static page: %.1f%n", p(afterWrite, 95)
                / p(baseline, 95));
        System.out.printf(Locale.ROOT, "(%d rounds in turns, load average before: %s)%n", rounds, loadAverage);
        System.out.printf(Locale.ROOT, "figures alone (Benchmarks.of) after a write %7.1f  %7.1f%n",
                p(serviceAfterWrite, 50), p(serviceAfterWrite, 95));
        System.out.printf(Locale.ROOT, "figures alone between writes               %7.1f  %7.1f%n",
                p(serviceBetween, 50), p(serviceBetween, 95));
        System.out.printf(Locale.ROOT, "the scheme's definition (Schemes.get)      %7.1f  %7.1f%n",
                p(definition, 50), p(definition, 95));
        System.out.printf(Locale.ROOT, "the strata alone (StrataFigures.of)         %7.1f  %7.1f%n",
                p(strataAlone, 50), p(strataAlone, 95));
        System.out.println();
        assertThat(importSeconds).as("import of 1,000,000 lines (s)").isLessThan(30);
        assertThat(p(afterWrite, 95)).as("benchmark page p95 after a write (ms)").isLessThan(200);
    }

    /** Courses [from, to): 10 registrations each (5 at start/end, 5 during), seeded; a few gaps. */
    private static long write(Path file, String code, int from, int to, long seed) throws Exception {
        var random = new SplittableRandom(seed);
        long rows = 0;
        LocalDate base = LocalDate.of(2023, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(RegistrationImport.HEADER);
            out.write('\n');
            for (int c = from; c < to; c++) {
                String prefix = code + ",1,B" + (c % UNITS) + ",P" + c + "," + base.plusDays(c % 900) + ",";
                int watt = 60 + random.nextInt(120);
                String[] lines = {"START,SCREEN," + (random.nextInt(10) < 8 ? "ja" : "nej"), "START,WATT," + watt,
                        "START,REFERRAL," + (random.nextBoolean() ? "HOSPITAL" : "GP"),
                        "END,WATT," + (watt + random.nextInt(40) - 10), "END,SESSIONS," + random.nextInt(25),
                        "DURING,DURING_1,ja", "DURING,DURING_2," + (random.nextBoolean() ? "ja" : "nej"),
                        "DURING,DURING_3,ja", "DURING,DURING_4,nej", "DURING,DURING_5,ja"};
                for (String line : lines) {
                    out.write(prefix);
                    out.write(line);
                    out.write('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    /** Seeded strata by the citizen's number: the same citizen always in the same strata. */
    static final class SeededStrata implements CitizenStrata {

        @Override
        public java.util.Optional<String> source() {
            return java.util.Optional.of("bench");
        }

        @Override
        public java.util.Optional<Known> of(java.util.Collection<Citizen> citizens) {
            var byKey = new java.util.HashMap<Long, Set<Stratum>>();
            for (Citizen c : citizens) {
                var random = new SplittableRandom(c.personRef().hashCode());
                var in = EnumSet.noneOf(Stratum.class);
                if (random.nextInt(100) < 33) {
                    in.add(Stratum.SHORT_EDUCATION);
                }
                if (random.nextInt(100) < 25) {
                    in.add(Stratum.LOW_INCOME);
                }
                if (random.nextInt(100) < 20) {
                    in.add(Stratum.MULTIMORBIDITY);
                }
                if (random.nextInt(100) < 40) {
                    in.add(Stratum.LIVING_ALONE);
                }
                byKey.put(c.key(), in);
            }
            return java.util.Optional.of(new Known("bench", byKey));
        }
    }

    interface Timed {
        void run() throws Exception;
    }

    private static double time(Timed action) throws Exception {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double p(double[] values, int p) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
