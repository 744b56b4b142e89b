package dk.tvaers.funding;

import dk.tvaers.platform.web.TimeFormat;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds grants' contacts of their progress reports: {@code tvaers.funding.reminder-days-before} days before a
 * report is due, and once more when it is overdue, while no report has come (the tranche is still planned). Runs
 * every {@code tvaers.funding.reminder-interval}. A reminder is recorded in {@code report_reminder} in the same
 * transaction that publishes its {@link ReportReminderDue} event, so each is sent once: a second run (or another
 * instance, or a restart) finds it recorded, and a mail that fails is retried from the event publication.
 */
@Component
public class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int daysBefore;

    ReportReminders(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            @Value("${tvaers.funding.reminder-days-before}") int daysBefore) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.daysBefore = daysBefore;
    }

    @Scheduled(initialDelayString = "${tvaers.funding.reminder-interval}",
            fixedDelayString = "${tvaers.funding.reminder-interval}")
    // once across instances (ADR 0023); held a little longer than the run so another node's turn just after is skipped
    @SchedulerLock(name = "funding.report-reminders", lockAtLeastFor = "${tvaers.funding.reminder-lock-at-least:PT1M}")
    void remindOnSchedule() {
        int sent = remind(LocalDate.now(clock.withZone(TimeFormat.COPENHAGEN)));
        if (sent > 0) {
            log.info("{} påmindelser om fremdriftsrapporter er registreret", sent);
        }
    }

    /**
     * Records and publishes the reminders that are due on the given day and have not been sent.
     *
     * @return how many reminders were recorded now
     */
    @Transactional
    public int remind(LocalDate today) {
        List<ReportReminderDue> due = new ArrayList<>();
        jdbc.sql("""
                INSERT INTO report_reminder (tranche_id, kind, report_due)
                SELECT t.id, 'UPCOMING', t.report_due FROM tranche t
                WHERE t.status = 'PLANNED' AND t.report_due >= :today AND t.report_due <= :last
                ON CONFLICT DO NOTHING
                RETURNING tranche_id, report_due""")
                .param("today", Date.valueOf(today)).param("last", Date.valueOf(today.plusDays(daysBefore)))
                .query((rs, n) -> new ReportReminderDue(rs.getLong("tranche_id"), ReportReminderDue.Kind.UPCOMING,
                        rs.getDate("report_due").toLocalDate()))
                .list().forEach(due::add);
        jdbc.sql("""
                INSERT INTO report_reminder (tranche_id, kind, report_due)
                SELECT t.id, 'OVERDUE', t.report_due FROM tranche t
                WHERE t.status = 'PLANNED' AND t.report_due < :today
                ON CONFLICT DO NOTHING
                RETURNING tranche_id, report_due""")
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new ReportReminderDue(rs.getLong("tranche_id"), ReportReminderDue.Kind.OVERDUE,
                        rs.getDate("report_due").toLocalDate()))
                .list().forEach(due::add);
        due.forEach(events::publishEvent);
        return due.size();
    }
}
