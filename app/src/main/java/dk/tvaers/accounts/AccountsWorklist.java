package dk.tvaers.accounts;

import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.platform.web.WorklistContributor;
import dk.tvaers.platform.web.WorklistItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's part of "Mine sider" for an administrator: active users who have never logged in (invited
 * but not started), with the oldest invitation's age.
 */
@Component
class AccountsWorklist implements WorklistContributor {

    private final JdbcClient jdbc;

    AccountsWorklist(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorklistItem> worklist(CurrentUser user) {
        if (!user.hasRole(Role.ADMINISTRATOR)) {
            return List.of();
        }
        return List.of(jdbc.sql("""
                SELECT count(*) AS n, min(created_at) AS oldest FROM user_account
                WHERE active AND last_login_at IS NULL AND oidc_subject IS NULL""")
                .query((rs, n) -> new WorklistItem(Role.ADMINISTRATOR, "worklist.accounts.neverLoggedIn", rs.getLong("n"),
                        "/admin/brugere", rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(),
                        10))
                .single());
    }
}
