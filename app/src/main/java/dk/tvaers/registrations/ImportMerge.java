package dk.tvaers.registrations;

import dk.tvaers.accounts.Actor;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The second half of an import ({@link RegistrationImport}): the checked lines staged in temporary tables
 * ({@code registration_staging}, {@code registration_import_course}) merged into the registrations in a few set-wise
 * statements, in the import's transaction — the courses resolved, the values inserted, the benchmark's tally added to.
 */
@Component
class ImportMerge {

    private static final Logger log = LoggerFactory.getLogger(ImportMerge.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImportMerge(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Gives every course of the file its id: those there are (the scheme's courses joined on their key once) are
     * locked against other writers and their contribution to the tally taken off before their values change; the
     * others get ids from the courses' sequence and are inserted in that order. A course another writer inserted
     * meanwhile is not inserted twice: it is looked up as one there was.
     *
     * @return how many courses are new
     */
    long resolveCourses(Scheme scheme, Source source, long courses) {
        jdbc.sql("ANALYZE registration_import_course").update();
        long existing = jdbc.sql("""
                UPDATE registration_import_course i SET course_id = c.id FROM registration_course c
                WHERE c.scheme_id = :scheme AND c.unit_id = i.unit_id AND c.person_ref = i.person_ref
                  AND c.start_date = i.start_date""")
                .param("scheme", scheme.id()).update();
        long newCourses = jdbc.sql("""
                UPDATE registration_import_course SET course_id = nextval('registration_course_id_seq'), is_new = true
                WHERE course_id IS NULL""").update();
        long inserted = jdbc.sql("""
                INSERT INTO registration_course (id, scheme_id, unit_id, person_ref, start_date, source)
                SELECT course_id, :scheme, unit_id, person_ref, start_date, :source FROM registration_import_course
                WHERE is_new ORDER BY course_id
                ON CONFLICT (scheme_id, unit_id, person_ref, start_date) DO NOTHING""")
                .param("scheme", scheme.id()).param("source", source.name()).update();
        if (inserted < newCourses) {
            // inserted by another writer since the join above
            jdbc.sql("""
                    UPDATE registration_import_course i SET course_id = c.id, is_new = false FROM registration_course c
                    WHERE i.is_new AND c.scheme_id = :scheme AND c.unit_id = i.unit_id
                      AND c.person_ref = i.person_ref AND c.start_date = i.start_date AND c.id <> i.course_id""")
                    .param("scheme", scheme.id()).update();
            newCourses = inserted;
            existing = courses - inserted;
        }
        if (existing > 0) {
            jdbc.sql("""
                    SELECT c.id FROM registration_course c JOIN registration_import_course i ON i.course_id = c.id
                    WHERE NOT i.is_new ORDER BY c.id FOR UPDATE OF c""").query(Long.class).list();
            jdbc.sql("""
                    SELECT registration_tally_apply(ARRAY(SELECT course_id FROM registration_import_course
                                                          WHERE NOT is_new), -1)""").query().singleRow();
        }
        return newCourses;
    }

    /**
     * The values of new courses cannot meet a registration there is: a plain insert, in key order; those of courses
     * there were replace what was registered (the newest wins, ADR 0032). Each statement checks its course ids once
     * (V78, ADR 0047).
     */
    void insertValues(Source source, Actor actor, boolean existingCourses) {
        jdbc.sql("""
                INSERT INTO registration_value (course_id, time_point, indicator, value_text, value_num, draft, source,
                    entered_by)
                SELECT i.course_id, s.time_point, s.indicator, s.value_text, s.value_num, false, :source, :by
                FROM registration_staging s JOIN registration_import_course i ON i.course_no = s.course_no
                WHERE i.is_new
                ORDER BY i.course_id, s.time_point, s.indicator""")
                .param("source", source.name()).param("by", actor.name()).update();
        if (existingCourses) {
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
    }

    /**
     * Adds what the file's courses contribute to the benchmark's tally: courses there were by the SQL definition from
     * their merged values, new ones from their lines ({@link ImportTally}), written as one set of groups.
     */
    void addToTally(Scheme scheme, ImportTally tally, boolean existingCourses) {
        BitSet isNew = new BitSet();
        if (existingCourses) {
            jdbc.sql("""
                    SELECT registration_tally_apply(ARRAY(SELECT course_id FROM registration_import_course
                                                          WHERE NOT is_new), 1)""").query().singleRow();
            jdbc.sql("SELECT course_no FROM registration_import_course WHERE is_new").query(Integer.class).list()
                    .forEach(isNew::set);
        }
        long t0 = System.nanoTime();
        Map<ImportTally.Group, long[]> groups = tally.groups(existingCourses ? isNew::get : course -> true);
        long t1 = System.nanoTime();
        if (groups.isEmpty()) {
            return;
        }
        jdbc.sql("""
                CREATE TEMPORARY TABLE registration_import_tally (unit_id bigint, period date, measure text COLLATE "C",
                    x numeric, n bigint, k bigint) ON COMMIT DROP""").update();
        var rows = new StringBuilder(groups.size() * 48);
        groups.forEach((g, nk) -> rows.append(g.unitId()).append('\t').append(g.period()).append('\t')
                .append(g.measure()).append('\t').append(g.x().toPlainString()).append('\t').append(nk[0])
                .append('\t').append(nk[1]).append('\n'));
        copy("COPY registration_import_tally FROM STDIN", rows);
        long t2 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO registration_tally AS t (scheme_id, unit_id, period, measure, x, n, k)
                SELECT :scheme, unit_id, period, measure, x, n, k FROM registration_import_tally
                ORDER BY measure, unit_id, period, x
                ON CONFLICT (scheme_id, measure, unit_id, period, x)
                DO UPDATE SET n = t.n + excluded.n, k = t.k + excluded.k""")
                .param("scheme", scheme.id()).update();
        log.debug("Tally of the new courses: {} groups counted in {} ms, copied in {} ms, added in {} ms", groups.size(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    }

    private void copy(String sql, CharSequence rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new java.io.ByteArrayInputStream(bytes));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("COPY of the import's tally failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
