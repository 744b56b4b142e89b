package dk.tvaers.challenges;

import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.platform.web.WorklistContributor;
import dk.tvaers.platform.web.WorklistItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The challenges module's part of "Mine sider": the wicked problems a Task Force member has not scored yet. */
@Component
class ChallengesWorklist implements WorklistContributor {

    private final JdbcClient jdbc;

    ChallengesWorklist(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorklistItem> worklist(CurrentUser user) {
        if (!user.hasRole(Role.TASK_FORCE)) {
            return List.of();
        }
        return List.of(jdbc.sql("""
                SELECT count(*) AS n, min(p.submitted_at) AS oldest FROM wicked_problem p
                WHERE p.challenge_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM wicked_problem_score s
                                  WHERE s.wicked_problem_id = p.id AND s.scorer_user_id = :user)""")
                .param("user", user.userId())
                .query((rs, n) -> new WorklistItem(Role.TASK_FORCE, "worklist.wicked.toScore", rs.getLong("n"),
                        "/vilde-problemer/prioritering",
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(), 30))
                .single());
    }
}
