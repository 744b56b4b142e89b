package dk.tvaers.applications;

import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.platform.web.WorklistContributor;
import dk.tvaers.platform.web.WorklistItem;
import dk.tvaers.shared.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications module's part of "Mine sider": the Task Force's submitted applications waiting for a decision
 * (the oldest submission's age), and a contact person's consortia and their drafts. Counts in SQL.
 */
@Component
class ApplicationsWorklist implements WorklistContributor {

    private final JdbcClient jdbc;

    ApplicationsWorklist(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorklistItem> worklist(CurrentUser user) {
        List<WorklistItem> items = new ArrayList<>();
        if (user.hasRole(Role.TASK_FORCE)) {
            items.add(jdbc.sql("""
                    SELECT count(*) AS n, min(first_submitted_at) AS oldest FROM application a
                    WHERE a.status = 'SUBMITTED'
                      AND NOT EXISTS (SELECT 1 FROM application_decision d WHERE d.application_id = a.id)""")
                    .query((rs, n) -> new WorklistItem(Role.TASK_FORCE, "worklist.applications.toDecide", rs.getLong("n"),
                            "/ansoegninger", rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(),
                            10))
                    .single());
        }
        if (user.hasRole(Role.STAFF)) {
            long consortia = jdbc.sql("SELECT count(*) FROM consortium_contact WHERE user_id = :user")
                    .param("user", user.userId()).query(Long.class).single();
            long drafts = jdbc.sql("""
                    SELECT count(*) FROM application a
                    JOIN consortium_contact c ON c.consortium_id = a.consortium_id AND c.user_id = :user
                    WHERE a.status = 'DRAFT'""")
                    .param("user", user.userId()).query(Long.class).single();
            items.add(WorklistItem.of(Role.STAFF, "worklist.applications.consortia", consortia, "/konsortier", 20));
            items.add(WorklistItem.of(Role.STAFF, "worklist.applications.drafts", drafts, "/konsortier", 21));
        }
        return items;
    }
}
