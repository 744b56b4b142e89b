package dk.tvaers.registrations;

import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.shared.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations into Triple Aim: a scheme's PRO answers as the monitoring import's {@code registrations.csv}
 * ({@code docs/import-format-v1.md}: person_id, registration_date, measure, score), so an analyst adds the file to the
 * import of the initiative's event data. Per answer: the questionnaire's index (1 − score / max score, 0–1, two
 * decimals) under its {@code index_measure}, and each item with an export measure by its level. Every export is
 * recorded with its scheme version (source and version) and in the audit log. Analysts only.
 */
@Service
public class RegistrationExport {

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Pro pro;
    private final AuditLog audit;

    RegistrationExport(JdbcClient jdbc, Schemes schemes, Pro pro, AuditLog audit) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.pro = pro;
        this.audit = audit;
    }

    public static boolean mayExport(Viewer viewer) {
        return viewer != null && viewer.has(Role.ANALYST);
    }

    /** Writes the file; returns the number of rows. */
    @Transactional
    public int write(long schemeId, Viewer viewer, Writer out) {
        if (!mayExport(viewer)) {
            throw new NotFoundException("registration export", schemeId);
        }
        Scheme scheme = schemes.get(schemeId);
        Map<Long, Questionnaire> questionnaires = new HashMap<>();
        int[] rows = {0};
        try {
            out.write("person_id,registration_date,measure,score\n");
            jdbc.sql("""
                    SELECT c.person_ref, a.questionnaire_id, a.answers, a.score, a.answered_at FROM pro_answer a
                    JOIN registration_course c ON c.id = a.course_id WHERE c.scheme_id = :scheme
                    ORDER BY a.id""").param("scheme", schemeId).query(rs -> {
                Questionnaire q = questionnaires.computeIfAbsent(rs.getLong(2), pro::questionnaire);
                LocalDate date = rs.getTimestamp(5).toInstant().atZone(TimeFormat.COPENHAGEN).toLocalDate();
                String person = rs.getString(1);
                try {
                    if (q.indexMeasure() != null && q.maxScore() > 0) {
                        BigDecimal index = BigDecimal.ONE.subtract(BigDecimal.valueOf(rs.getInt(4))
                                .divide(BigDecimal.valueOf(q.maxScore()), 2, RoundingMode.HALF_UP));
                        out.write(person + "," + date + "," + q.indexMeasure() + "," + index.toPlainString() + "\n");
                        rows[0]++;
                    }
                    Map<String, Integer> answers = Questionnaire.decode(rs.getString(3));
                    for (Questionnaire.Item item : q.items()) {
                        if (item.exportMeasure() != null && answers.containsKey(item.code())) {
                            out.write(person + "," + date + "," + item.exportMeasure() + ","
                                    + answers.get(item.code()) + "\n");
                            rows[0]++;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("INSERT INTO registration_export (scheme_id, rows, exported_by) VALUES (:scheme, :rows, :by)")
                .param("scheme", schemeId).param("rows", rows[0]).param("by", viewer.name()).update();
        audit.record(AuditKind.REGISTRATIONS_EXPORTED, viewer.userId(), viewer.name(),
                "scheme " + scheme.code() + " v" + scheme.version(), "rows=" + rows[0]);
        return rows[0];
    }
}
