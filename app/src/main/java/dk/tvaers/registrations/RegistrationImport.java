package dk.tvaers.registrations;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations as a file or an API body (format {@code docs/registrations-format-v1.md}, CSV or Parquet): every line
 * checked by the scheme's own rules (the same {@link Indicator#check} as the form), all or nothing, each bad line named
 * with its column and reason (the first {@link #MAX_PROBLEMS} kept, all counted). Valid lines are streamed into a
 * temporary table with PostgreSQL's COPY, each with the number of its course in the file; the file's courses go into a
 * second one and are resolved in one statement (new ones inserted, existing ones locked), then the values are merged in
 * one statement: a course is one row per scheme, unit, citizen and start date, and a registration one row per course,
 * time point and indicator, so a course that also came through the form or the API is not counted twice (the newest
 * value wins). The benchmark's tally changes in the same transaction (ADR 0038).
 */
@Service
public class RegistrationImport {

    public static final String HEADER = "scheme_code,scheme_version,unit_code,person_id,course_start,time_point,"
            + "indicator,value";
    static final int MAX_PROBLEMS = 1000;

    private static final Logger log = LoggerFactory.getLogger(RegistrationImport.class);

    /** What an accepted import did. */
    public record Summary(long rows, long courses, long newCourses) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Schemes schemes;
    private final Registrations registrations;
    private final AuditLog audit;

    RegistrationImport(JdbcClient jdbc, DataSource dataSource, Schemes schemes, Registrations registrations,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.schemes = schemes;
        this.registrations = registrations;
        this.audit = audit;
    }

    /**
     * Imports a file that is CSV or Parquet (told by its first bytes): a Parquet file is read as the CSV text of its
     * rows ({@link ParquetLines}) and then checked and loaded exactly as CSV, with the same messages.
     *
     * @see #importCsv
     */
    @Transactional
    public Summary importFile(InputStream raw, Long schemeId, Long onlyUnit, Source source, Actor actor) {
        var in = new BufferedInputStream(raw, 1 << 16);
        Path parquet = null;
        Path csv = null;
        try {
            if (!ParquetLines.isParquet(in)) {
                return importCsv(in, schemeId, onlyUnit, source, actor);
            }
            parquet = Files.createTempFile("tvaers-registrations-", ".parquet");
            csv = Files.createTempFile("tvaers-registrations-", ".csv");
            Files.copy(in, parquet, StandardCopyOption.REPLACE_EXISTING);
            ParquetLines.toCsv(parquet, csv);
            try (InputStream lines = Files.newInputStream(csv)) {
                return importCsv(lines, schemeId, onlyUnit, source, actor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(parquet);
            deleteQuietly(csv);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is removed with the system's temporary files
            }
        }
    }

    /**
     * Imports the file.
     *
     * @param schemeId the scheme version every line must name, or {@code null} to take the first line's
     * @param onlyUnit the one unit the lines may register for (a professional's own), or {@code null} for any of
     *        the scheme's units (analysts, a care-record system with the API scope)
     * @throws RegistrationsRejectedException with each problem at its line; nothing is saved
     */
    @Transactional
    public Summary importCsv(InputStream in, Long schemeId, Long onlyUnit, Source source, Actor actor) {
        long t0 = System.nanoTime();
        Scheme scheme = schemeId == null ? null : schemes.get(schemeId);
        if (scheme != null && !scheme.published()) {
            // a draft is not registered under (ADR 0044)
            throw new RegistrationsRejectedException(List.of(new Problem(0, "scheme_code", "registration.error.scheme",
                    List.of(scheme.code() + " v" + scheme.version()))));
        }
        // the joins and sorts of a million lines hash in memory instead of spilling to disk
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE registration_staging (course_no int, time_point text, indicator text,
                    value_text text, value_num numeric) ON COMMIT DROP""").update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE registration_import_course (course_no int, unit_id bigint, person_ref text,
                    start_date date, course_id bigint, is_new boolean NOT NULL DEFAULT false) ON COMMIT DROP""")
                .update();
        Lines lines;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            var reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
            String header;
            try {
                header = reader.readLine();
            } catch (CharacterCodingException e) {
                throw new RegistrationsRejectedException(List.of(new Problem(0, "", "registration.error.utf8",
                        List.of())));
            }
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !header.strip().equals(HEADER)) {
                throw new RegistrationsRejectedException(List.of(new Problem(1, "", "registration.error.header",
                        List.of(HEADER))));
            }
            if (scheme == null) {
                // the API names its scheme on its lines: read it from the first line before COPY holds the connection
                reader.mark(1 << 15);
                String firstLine = reader.readLine();
                String[] f = firstLine == null ? new String[0] : firstLine.split(",", -1);
                scheme = f.length < 2 ? null : schemeOf(f[0], f[1]);
                if (scheme == null) {
                    throw new RegistrationsRejectedException(List.of(new Problem(2, "scheme_code",
                            "registration.error.scheme", List.of(f.length < 2 ? "" : f[0] + " v" + f[1]))));
                }
                reader.reset();
            }
            lines = new Lines(scheme, onlyUnit, registrations.today());
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY registration_staging FROM STDIN");
            try {
                var buffer = new StringBuilder(1 << 17);
                String line;
                int number = 1;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split(",", -1);
                    if (f.length != 8) {
                        lines.add(new Problem(number, "", "registration.error.columns", List.of(8, f.length)));
                        continue;
                    }
                    if (lines.check(f, number, buffer) && buffer.length() > 1 << 16) {
                        write(copy, buffer);
                    }
                }
                if (lines.rows == 0 && lines.problems.isEmpty()) {
                    lines.add(new Problem(1, "", "registration.error.empty", List.of()));
                }
                if (!lines.problems.isEmpty()) {
                    copy.cancelCopy();
                    throw new RegistrationsRejectedException(summarised(lines.problems, lines.total));
                }
                write(copy, buffer);
                copy.endCopy();
            } catch (CharacterCodingException e) {
                throw new RegistrationsRejectedException(List.of(new Problem(0, "", "registration.error.utf8",
                        List.of())));
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            // the file's courses, numbered in the order they first appear
            CopyIn courses = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY registration_import_course (course_no, unit_id, person_ref, start_date) FROM STDIN");
            try {
                var buffer = new StringBuilder(1 << 17);
                for (int i = 0; i < lines.courses.size(); i++) {
                    buffer.append(i).append('\t').append(lines.courses.get(i)).append('\n');
                    if (buffer.length() > 1 << 16) {
                        write(courses, buffer);
                    }
                }
                write(courses, buffer);
                courses.endCopy();
            } finally {
                if (courses.isActive()) {
                    courses.cancelCopy();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of registrations failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        long t1 = System.nanoTime();
        // new courses are inserted (their tally is added below); existing ones are locked against other writers and
        // their contribution to the tally is taken off before their values change
        jdbc.sql("ANALYZE registration_import_course").update();
        jdbc.sql("""
                WITH inserted AS (
                    INSERT INTO registration_course (scheme_id, unit_id, person_ref, start_date, source)
                    SELECT :scheme, unit_id, person_ref, start_date, :source FROM registration_import_course
                    ORDER BY course_no
                    ON CONFLICT DO NOTHING RETURNING id, unit_id, person_ref, start_date)
                UPDATE registration_import_course i SET course_id = inserted.id, is_new = true FROM inserted
                WHERE i.unit_id = inserted.unit_id AND i.person_ref = inserted.person_ref
                  AND i.start_date = inserted.start_date""")
                .param("scheme", scheme.id()).param("source", source.name()).update();
        long newCourses = jdbc.sql("SELECT count(*) FROM registration_import_course WHERE is_new")
                .query(Long.class).single();
        long courses = lines.courses.size();
        if (newCourses < courses) {
            jdbc.sql("""
                    UPDATE registration_import_course i SET course_id = c.id FROM registration_course c
                    WHERE NOT i.is_new AND c.scheme_id = :scheme AND c.unit_id = i.unit_id
                      AND c.person_ref = i.person_ref AND c.start_date = i.start_date""")
                    .param("scheme", scheme.id()).update();
            jdbc.sql("""
                    SELECT c.id FROM registration_course c JOIN registration_import_course i ON i.course_id = c.id
                    WHERE NOT i.is_new ORDER BY c.id FOR UPDATE OF c""").query(Long.class).list();
            jdbc.sql("""
                    SELECT registration_tally_apply(ARRAY(SELECT course_id FROM registration_import_course
                                                          WHERE NOT is_new), -1)""").query().singleRow();
        }
        long t2 = System.nanoTime();
        // the values of new courses cannot meet a registration there is: a plain insert; those of courses there were
        // replace what was registered (the newest wins, ADR 0032)
        jdbc.sql("""
                INSERT INTO registration_value (course_id, time_point, indicator, value_text, value_num, draft, source,
                    entered_by)
                SELECT i.course_id, s.time_point, s.indicator, s.value_text, s.value_num, false, :source, :by
                FROM registration_staging s JOIN registration_import_course i ON i.course_no = s.course_no
                WHERE i.is_new
                ORDER BY i.course_id, s.time_point, s.indicator""")
                .param("source", source.name()).param("by", actor.name()).update();
        if (newCourses < courses) {
            jdbc.sql("""
                    INSERT INTO registration_value (course_id, time_point, indicator, value_text, value_num, draft,
                        source, entered_by)
                    SELECT i.course_id, s.time_point, s.indicator, s.value_text, s.value_num, false, :source, :by
                    FROM registration_staging s JOIN registration_import_course i ON i.course_no = s.course_no
                    WHERE NOT i.is_new
                    ORDER BY i.course_id, s.time_point, s.indicator
                    ON CONFLICT (course_id, time_point, indicator) DO UPDATE SET value_text = excluded.value_text,
                        value_num = excluded.value_num, draft = false, source = excluded.source, entered_at = now(),
                        entered_by = excluded.entered_by""")
                    .param("source", source.name()).param("by", actor.name()).update();
        }
        long t3 = System.nanoTime();
        jdbc.sql("SELECT registration_tally_apply(ARRAY(SELECT course_id FROM registration_import_course), 1)")
                .query().singleRow();
        long t4 = System.nanoTime();
        log.debug("Import of {} lines ({} courses): checked and copied in {} ms, courses {} ms, values {} ms, "
                + "tally {} ms", lines.rows, courses, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
        audit.record(AuditKind.REGISTRATIONS_IMPORTED, actor.id(), actor.name(),
                "scheme " + scheme.code() + " v" + scheme.version(),
                "source=" + source + " rows=" + lines.rows + " courses=" + courses + " new=" + newCourses);
        return new Summary(lines.rows, courses, newCourses);
    }

    /**
     * The lines of one file as they are checked: their problems (the first {@link #MAX_PROBLEMS} kept, all counted),
     * the file's courses numbered as they first appear, and which course, time point and indicator a line already
     * registered (the same registration twice is refused with both lines). Parsed dates and checked values are
     * remembered per text, since a file repeats them a million times.
     */
    private static final class Lines {

        private static final int MEMO = 10_000;

        final Scheme scheme;
        final Long onlyUnit;
        final LocalDate today;
        final List<Problem> problems = new ArrayList<>();
        long total;
        long rows;
        final List<String> courses = new ArrayList<>();
        private final Map<String, Integer> courseNumbers = new HashMap<>();
        private final Map<String, Integer> indicatorSlots = new HashMap<>();
        private final Map<String, LocalDate> dates = new HashMap<>();
        private final Map<String, Map<String, Indicator.Check>> checks = new HashMap<>();
        /** The line that registered course × time point × indicator first. */
        private final Map<Long, Integer> firstLine = new HashMap<>();

        Lines(Scheme scheme, Long onlyUnit, LocalDate today) {
            this.scheme = scheme;
            this.onlyUnit = onlyUnit;
            this.today = today;
            for (Indicator indicator : scheme.indicators()) {
                indicatorSlots.put(indicator.code(), indicatorSlots.size());
            }
        }

        void add(Problem problem) {
            total++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }

        /** Checks one line; appends its COPY text and returns true, or adds its problems and returns false. */
        boolean check(String[] f, int line, StringBuilder out) {
            long totalBefore = total;
            if (!scheme.code().equals(f[0].strip()) || !String.valueOf(scheme.version()).equals(f[1].strip())) {
                add(new Problem(line, "scheme_code", "registration.error.otherScheme",
                        List.of(scheme.code() + " v" + scheme.version())));
            }
            Unit unit = scheme.unitByCode(f[2].strip()).orElse(null);
            if (unit == null) {
                add(new Problem(line, "unit_code", "registration.error.unit", List.of(f[2])));
            } else if (onlyUnit != null && unit.organisationId() != onlyUnit) {
                add(new Problem(line, "unit_code", "registration.error.otherUnit", List.of(f[2])));
            }
            String person = f[3].strip();
            if (!Registrations.PERSON_REF.matcher(person).matches()) {
                add(new Problem(line, "person_id", "registration.error.personRef", List.of()));
            }
            LocalDate start = date(f[4].strip());
            if (start == null) {
                add(new Problem(line, "course_start", "registration.error.date", List.of()));
            } else if (start.isAfter(today)) {
                add(new Problem(line, "course_start", "registration.error.futureStart", List.of()));
            }
            TimePoint tp = null;
            try {
                tp = TimePoint.valueOf(f[5].strip());
            } catch (IllegalArgumentException e) {
                add(new Problem(line, "time_point", "registration.error.timePoint",
                        List.of("START, DURING, END, FOLLOW_UP")));
            }
            Indicator indicator = scheme.indicator(f[6].strip()).orElse(null);
            Indicator.Checked value = null;
            if (indicator == null) {
                add(new Problem(line, "indicator", "registration.error.indicator", List.of(f[6])));
            } else {
                if (tp != null && !indicator.dueAt(tp)) {
                    add(new Problem(line, "time_point", "registration.error.notAtTimePoint",
                            List.of(indicator.code(), tp.name())));
                }
                if (f[7].isBlank()) {
                    add(new Problem(line, "value", "registration.error.required", List.of()));
                } else {
                    Indicator.Check check = check(indicator, f[7]);
                    if (check.problem() != null) {
                        add(check.problem().onLine(line, "value"));
                    } else {
                        value = check.value();
                    }
                }
            }
            if (total > totalBefore) {
                return false;
            }
            String courseKey = unit.organisationId() + "\t" + person + "\t" + start;
            Integer course = courseNumbers.get(courseKey);
            if (course == null) {
                course = courses.size();
                courseNumbers.put(courseKey, course);
                courses.add(courseKey);
            }
            long slot = ((long) course * TimePoint.values().length + tp.ordinal()) * indicatorSlots.size()
                    + indicatorSlots.get(indicator.code());
            Integer first = firstLine.putIfAbsent(slot, line);
            if (first != null) {
                add(new Problem(line, "indicator", "registration.error.duplicate", List.of((long) first)));
                return false;
            }
            if (problems.isEmpty()) {
                out.append(course).append('\t').append(tp.name()).append('\t').append(indicator.code()).append('\t')
                        .append(escape(value.text())).append('\t')
                        .append(value.number() == null ? "\\N" : value.number().toPlainString()).append('\n');
            }
            rows++;
            return true;
        }

        private LocalDate date(String text) {
            LocalDate known = dates.get(text);
            if (known != null || dates.containsKey(text)) {
                return known;
            }
            LocalDate parsed;
            try {
                parsed = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                parsed = null;
            }
            if (dates.size() < MEMO) {
                dates.put(text, parsed);
            }
            return parsed;
        }

        private Indicator.Check check(Indicator indicator, String raw) {
            Map<String, Indicator.Check> known = checks.computeIfAbsent(indicator.code(), c -> new HashMap<>());
            Indicator.Check check = known.get(raw);
            if (check == null) {
                check = indicator.check(raw);
                if (known.size() < MEMO) {
                    known.put(raw, check);
                }
            }
            return check;
        }
    }

    private Scheme schemeOf(String code, String version) {
        try {
            return schemes.byCodeAndVersion(code.strip(), Integer.parseInt(version.strip())).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Problem> summarised(List<Problem> problems, long total) {
        if (total <= problems.size()) {
            return problems;
        }
        var all = new ArrayList<>(problems);
        all.add(new Problem(0, "", "registration.error.more", List.of(total - problems.size())));
        return all;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
