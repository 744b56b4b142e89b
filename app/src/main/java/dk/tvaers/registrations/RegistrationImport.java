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
import java.util.ArrayList;
import java.util.List;
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
 * temporary table with PostgreSQL's COPY, each with the number of its course in the file, and the file's courses into a
 * second one; {@link ImportMerge} then gives the courses their ids (new ones inserted, existing ones locked) and merges
 * the values: a course is one row per scheme, unit, citizen and start date, and a registration one row per course,
 * time point and indicator, so a course that also came through the form or the API is not counted twice (the newest
 * value wins). The benchmark's tally changes in the same transaction (ADR 0038; new courses' part counted from their
 * lines, ADR 0047).
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
    private final ImportMerge merge;

    RegistrationImport(JdbcClient jdbc, DataSource dataSource, Schemes schemes, Registrations registrations,
            AuditLog audit, ImportMerge merge) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.schemes = schemes;
        this.registrations = registrations;
        this.audit = audit;
        this.merge = merge;
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
                CREATE TEMPORARY TABLE registration_staging (course_no int, time_point text COLLATE "C",
                    indicator text COLLATE "C", value_text text, value_num numeric) ON COMMIT DROP""").update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE registration_import_course (course_no int, unit_id bigint, person_ref text,
                    start_date date, course_id bigint, is_new boolean NOT NULL DEFAULT false) ON COMMIT DROP""")
                .update();
        ImportLines lines;
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
            lines = new ImportLines(scheme, onlyUnit, registrations.today());
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
        long newCourses = merge.resolveCourses(scheme, source, lines.courses.size());
        long courses = lines.courses.size();
        long t2 = System.nanoTime();
        merge.insertValues(source, actor, newCourses < courses);
        long t3 = System.nanoTime();
        merge.addToTally(scheme, lines.tally, newCourses < courses);
        long t4 = System.nanoTime();
        log.debug("Import of {} lines ({} courses): checked and copied in {} ms, courses {} ms, values {} ms, "
                + "tally {} ms", lines.rows, courses, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
        audit.record(AuditKind.REGISTRATIONS_IMPORTED, actor.id(), actor.name(),
                "scheme " + scheme.code() + " v" + scheme.version(),
                "source=" + source + " rows=" + lines.rows + " courses=" + courses + " new=" + newCourses);
        return new Summary(lines.rows, courses, newCourses);
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

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
