package dk.tvaers.registrations;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations as a file or an API body (format {@code docs/registrations-format-v1.md}): every line checked by the
 * scheme's own rules (the same {@link Indicator#check} as the form), all or nothing, each bad line named with its
 * column and reason (the first {@link #MAX_PROBLEMS} kept, all counted). Lines are streamed into a temporary table with
 * PostgreSQL's COPY and merged in one statement per table: a course is one row per scheme, unit, citizen and start
 * date, and a registration one row per course, time point and indicator, so a course that also came through the form
 * or the API is not counted twice (the newest value wins).
 */
@Service
public class RegistrationImport {

    public static final String HEADER = "scheme_code,scheme_version,unit_code,person_id,course_start,time_point,"
            + "indicator,value";
    static final int MAX_PROBLEMS = 1000;

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
     * Imports the file.
     *
     * @param schemeId the scheme version every line must name, or {@code null} to take the first line's
     * @param onlyUnit the one unit the lines may register for (a professional's own), or {@code null} for any of
     *        the scheme's units (analysts, a care-record system with the API scope)
     * @throws RegistrationsRejectedException with each problem at its line; nothing is saved
     */
    @Transactional
    public Summary importCsv(InputStream in, Long schemeId, Long onlyUnit, Source source, Actor actor) {
        var problems = new ArrayList<Problem>();
        long[] total = {0};
        Scheme scheme = schemeId == null ? null : schemes.get(schemeId);
        long rows = 0;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            jdbc.sql("""
                    CREATE TEMPORARY TABLE registration_staging (line int, unit_id bigint, person_ref text,
                        start_date date, time_point text, indicator text, value_text text, value_num numeric)
                    ON COMMIT DROP""").update();
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
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY registration_staging FROM STDIN");
            try {
                var buffer = new StringBuilder(1 << 17);
                String line;
                int number = 1;
                LocalDate today = registrations.today();
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split(",", -1);
                    if (f.length != 8) {
                        add(problems, total, new Problem(number, "", "registration.error.columns", List.of(8, f.length)));
                        continue;
                    }
                    String row = check(scheme, onlyUnit, f, number, today, problems, total);
                    if (row != null && problems.isEmpty()) {
                        buffer.append(row);
                        rows++;
                        if (buffer.length() > 1 << 16) {
                            write(copy, buffer);
                        }
                    }
                }
                if (rows == 0 && problems.isEmpty()) {
                    add(problems, total, new Problem(1, "", "registration.error.empty", List.of()));
                }
                if (!problems.isEmpty()) {
                    copy.cancelCopy();
                    throw new RegistrationsRejectedException(summarised(problems, total[0]));
                }
                write(copy, buffer);
                copy.endCopy();
            } catch (CharacterCodingException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw new RegistrationsRejectedException(List.of(new Problem(0, "", "registration.error.utf8",
                        List.of())));
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of registrations failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        // the same course, time point and indicator twice in one file: refused with both lines
        List<Problem> duplicates = jdbc.sql("""
                SELECT min(line) AS first, max(line) AS last FROM registration_staging
                GROUP BY unit_id, person_ref, start_date, time_point, indicator HAVING count(*) > 1
                ORDER BY 1 LIMIT :max""").param("max", MAX_PROBLEMS)
                .query((rs, n) -> new Problem(rs.getLong("last"), "indicator", "registration.error.duplicate",
                        List.of(rs.getLong("first")))).list();
        if (!duplicates.isEmpty()) {
            throw new RegistrationsRejectedException(duplicates);
        }
        long before = jdbc.sql("SELECT count(*) FROM registration_course WHERE scheme_id = :s")
                .param("s", scheme.id()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO registration_course (scheme_id, unit_id, person_ref, start_date, source)
                SELECT DISTINCT :scheme, unit_id, person_ref, start_date, :source FROM registration_staging
                ON CONFLICT DO NOTHING""").param("scheme", scheme.id()).param("source", source.name()).update();
        long after = jdbc.sql("SELECT count(*) FROM registration_course WHERE scheme_id = :s")
                .param("s", scheme.id()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO registration_value (course_id, time_point, indicator, value_text, value_num, draft, source,
                    entered_by)
                SELECT c.id, s.time_point, s.indicator, s.value_text, s.value_num, false, :source, :by
                FROM registration_staging s JOIN registration_course c ON c.scheme_id = :scheme
                     AND c.unit_id = s.unit_id AND c.person_ref = s.person_ref AND c.start_date = s.start_date
                ON CONFLICT (course_id, time_point, indicator) DO UPDATE SET value_text = excluded.value_text,
                    value_num = excluded.value_num, draft = false, source = excluded.source, entered_at = now(),
                    entered_by = excluded.entered_by""")
                .param("scheme", scheme.id()).param("source", source.name()).param("by", actor.name()).update();
        long courses = jdbc.sql("""
                SELECT count(*) FROM (SELECT DISTINCT unit_id, person_ref, start_date FROM registration_staging) d""")
                .query(Long.class).single();
        registrations.touched(scheme.id());
        audit.record(AuditKind.REGISTRATIONS_IMPORTED, actor.id(), actor.name(),
                "scheme " + scheme.code() + " v" + scheme.version(),
                "source=" + source + " rows=" + rows + " courses=" + courses + " new=" + (after - before));
        return new Summary(rows, courses, after - before);
    }

    private Scheme schemeOf(String code, String version) {
        try {
            return schemes.byCodeAndVersion(code.strip(), Integer.parseInt(version.strip())).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Checks one line; returns its COPY text, or null after adding its problems. */
    private static String check(Scheme scheme, Long onlyUnit, String[] f, long line, LocalDate today,
            List<Problem> problems, long[] total) {
        int before = problems.size();
        long totalBefore = total[0];
        if (!scheme.code().equals(f[0].strip()) || !String.valueOf(scheme.version()).equals(f[1].strip())) {
            add(problems, total, new Problem(line, "scheme_code", "registration.error.otherScheme",
                    List.of(scheme.code() + " v" + scheme.version())));
        }
        Unit unit = scheme.unitByCode(f[2].strip()).orElse(null);
        if (unit == null) {
            add(problems, total, new Problem(line, "unit_code", "registration.error.unit", List.of(f[2])));
        } else if (onlyUnit != null && unit.organisationId() != onlyUnit) {
            add(problems, total, new Problem(line, "unit_code", "registration.error.otherUnit", List.of(f[2])));
        }
        String person = f[3].strip();
        if (!Registrations.PERSON_REF.matcher(person).matches()) {
            add(problems, total, new Problem(line, "person_id", "registration.error.personRef", List.of()));
        }
        LocalDate start = null;
        try {
            start = LocalDate.parse(f[4].strip());
            if (start.isAfter(today)) {
                add(problems, total, new Problem(line, "course_start", "registration.error.futureStart", List.of()));
            }
        } catch (DateTimeParseException e) {
            add(problems, total, new Problem(line, "course_start", "registration.error.date", List.of()));
        }
        TimePoint tp = null;
        try {
            tp = TimePoint.valueOf(f[5].strip());
        } catch (IllegalArgumentException e) {
            add(problems, total, new Problem(line, "time_point", "registration.error.timePoint",
                    List.of("START, DURING, END, FOLLOW_UP")));
        }
        Indicator indicator = scheme.indicator(f[6].strip()).orElse(null);
        Indicator.Checked value = null;
        if (indicator == null) {
            add(problems, total, new Problem(line, "indicator", "registration.error.indicator", List.of(f[6])));
        } else {
            if (tp != null && !indicator.dueAt(tp)) {
                add(problems, total, new Problem(line, "time_point", "registration.error.notAtTimePoint",
                        List.of(indicator.code(), tp.name())));
            }
            if (f[7].isBlank()) {
                add(problems, total, new Problem(line, "value", "registration.error.required", List.of()));
            } else {
                Indicator.Check check = indicator.check(f[7]);
                if (check.problem() != null) {
                    add(problems, total, check.problem().onLine(line, "value"));
                } else {
                    value = check.value();
                }
            }
        }
        if (problems.size() > before || total[0] > totalBefore) {
            return null;
        }
        return line + "\t" + unit.organisationId() + "\t" + person + "\t" + start + "\t" + tp.name() + "\t"
                + indicator.code() + "\t" + escape(value.text()) + "\t"
                + (value.number() == null ? "\\N" : value.number().toPlainString()) + "\n";
    }

    private static void add(List<Problem> problems, long[] total, Problem problem) {
        total[0]++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
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
