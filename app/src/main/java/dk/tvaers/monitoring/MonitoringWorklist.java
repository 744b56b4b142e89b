package dk.tvaers.monitoring;

import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.platform.web.WorklistContributor;
import dk.tvaers.platform.web.WorklistItem;
import dk.tvaers.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring module's part of "Mine sider" for an analyst: imports and runs still waiting or working, and the
 * analyst's own imports refused or failed and runs failed in the last {@link #RECENT_DAYS} days.
 */
@Component
class MonitoringWorklist implements WorklistContributor {

    static final int RECENT_DAYS = 14;

    private final JdbcClient jdbc;
    private final Clock clock;

    MonitoringWorklist(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorklistItem> worklist(CurrentUser user) {
        if (!user.hasRole(Role.ANALYST)) {
            return List.of();
        }
        long working = jdbc.sql("""
                SELECT (SELECT count(*) FROM monitoring_import WHERE status IN ('QUEUED', 'RUNNING'))
                     + (SELECT count(*) FROM monitoring_run WHERE status IN ('QUEUED', 'RUNNING'))""")
                .query(Long.class).single();
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(RECENT_DAYS)));
        long failed = jdbc.sql("""
                SELECT (SELECT count(*) FROM monitoring_import WHERE status IN ('REFUSED', 'FAILED')
                            AND by_user_id = :user AND created_at >= :since)
                     + (SELECT count(*) FROM monitoring_run WHERE status = 'FAILED'
                            AND by_user_id = :user AND created_at >= :since)""")
                .param("user", user.userId()).param("since", since).query(Long.class).single();
        return List.of(WorklistItem.of(Role.ANALYST, "worklist.monitoring.working", working, "/analyse", 10),
                WorklistItem.of(Role.ANALYST, "worklist.monitoring.failed", failed, "/analyse", 11));
    }
}
