package dk.tvaers.funding;

import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.platform.web.WorklistContributor;
import dk.tvaers.platform.web.WorklistItem;
import dk.tvaers.shared.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funding module's part of "Mine sider": the Task Force's progress reports waiting for approval, finance's
 * released tranches waiting to be paid, and the reports a grant's contact person owes within
 * {@link #DUE_WITHIN_DAYS} days (or overdue). Counts in SQL, the oldest one's age beside them.
 */
@Component
class FundingWorklist implements WorklistContributor {

    static final int DUE_WITHIN_DAYS = 30;

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Clock clock;

    FundingWorklist(JdbcClient jdbc, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorklistItem> worklist(CurrentUser user) {
        List<WorklistItem> items = new ArrayList<>();
        if (user.hasRole(Role.TASK_FORCE)) {
            items.add(jdbc.sql("SELECT count(*) AS n, min(submitted_at) AS oldest FROM progress_report WHERE decision IS NULL")
                    .query((rs, n) -> item(rs, Role.TASK_FORCE, "worklist.funding.reportsToApprove", "/finansiering", 20))
                    .single());
        }
        if (user.hasRole(Role.FINANCE)) {
            items.add(jdbc.sql("SELECT count(*) AS n, min(released_at) AS oldest FROM tranche WHERE status = 'RELEASED'")
                    .query((rs, n) -> item(rs, Role.FINANCE, "worklist.funding.tranchesToPay", "/finansiering", 10))
                    .single());
        }
        if (user.hasRole(Role.STAFF)) {
            String email = users.find(user.userId()).map(UserAccount::email).orElse(null);
            if (email != null) {
                record Due(long count, Long firstGrant) {}
                Due due = jdbc.sql("""
                        SELECT count(*) AS n, min(g.id) AS first_grant FROM tranche t
                        JOIN grant_award g ON g.id = t.grant_id
                        WHERE lower(g.contact_email) = lower(:email) AND t.status = 'PLANNED' AND t.report_due <= :until""")
                        .param("email", email)
                        .param("until", Date.valueOf(LocalDate.now(clock).plusDays(DUE_WITHIN_DAYS)))
                        .query((rs, n) -> new Due(rs.getLong("n"), (Long) rs.getObject("first_grant")))
                        .single();
                String href = due.firstGrant() == null ? "/initiativer" : "/finansiering/bevillinger/" + due.firstGrant();
                items.add(WorklistItem.of(Role.STAFF, "worklist.funding.reportsDue", due.count(), href, 30));
            }
        }
        return items;
    }

    private static WorklistItem item(ResultSet rs, Role role, String key, String href, int order) throws SQLException {
        var oldest = rs.getTimestamp("oldest");
        return new WorklistItem(role, key, rs.getLong("n"), href, oldest == null ? null : oldest.toInstant(), order);
    }
}
