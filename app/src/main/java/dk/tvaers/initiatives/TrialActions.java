package dk.tvaers.initiatives;

import dk.tvaers.accounts.Actor;
import dk.tvaers.platform.web.NotFoundException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The trial actions of initiatives: start them, and decide on each from what was observed. */
@Service
public class TrialActions {

    private final JdbcClient jdbc;
    private final Initiatives initiatives;

    TrialActions(JdbcClient jdbc, Initiatives initiatives) {
        this.jdbc = jdbc;
        this.initiatives = initiatives;
    }

    @Transactional
    public long start(long initiativeId, String hypothesis, LocalDate startedOn) {
        initiatives.find(initiativeId).orElseThrow(() -> new NotFoundException("initiative", initiativeId));
        return jdbc.sql("""
                INSERT INTO trial_action (initiative_id, hypothesis, started_on) VALUES (:initiative, :hypothesis, :start)
                RETURNING id""")
                .param("initiative", initiativeId).param("hypothesis", hypothesis.strip())
                .param("start", Date.valueOf(startedOn))
                .query(Long.class).single();
    }

    /**
     * Records what was observed and the decision on it. A stopped trial action takes no further decisions.
     *
     * @throws IllegalStateException when the trial action is stopped
     */
    @Transactional
    public void decide(long trialActionId, String observation, TrialAction.Choice choice, Actor actor) {
        TrialAction action = find(trialActionId);
        if (!action.open()) {
            throw new IllegalStateException("trial action " + trialActionId + " is stopped");
        }
        jdbc.sql("""
                INSERT INTO trial_action_decision (trial_action_id, observation, decision, by_name)
                VALUES (:action, :observation, :decision, :by)""")
                .param("action", trialActionId).param("observation", observation.strip())
                .param("decision", choice.name()).param("by", actor.name())
                .update();
        jdbc.sql("UPDATE trial_action SET status = :status WHERE id = :id")
                .param("status", choice.status().name()).param("id", trialActionId).update();
    }

    @Transactional(readOnly = true)
    public TrialAction find(long id) {
        return load("t.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("trial action", id));
    }

    /** The initiative's trial actions, oldest first, each with its decisions. */
    @Transactional(readOnly = true)
    public List<TrialAction> of(long initiativeId) {
        return load("t.initiative_id = :initiative", Map.of("initiative", initiativeId));
    }

    private List<TrialAction> load(String condition, Map<String, Object> params) {
        record Row(long id, long initiativeId, String hypothesis, LocalDate startedOn, TrialAction.Status status) {}
        List<Row> rows = jdbc.sql("SELECT * FROM trial_action t WHERE " + condition + " ORDER BY t.started_on, t.id")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("initiative_id"), rs.getString("hypothesis"),
                        rs.getDate("started_on").toLocalDate(), TrialAction.Status.valueOf(rs.getString("status"))))
                .list();
        Map<Long, List<TrialAction.Decision>> decisions = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                    SELECT * FROM trial_action_decision WHERE trial_action_id IN (:ids) ORDER BY decided_at, id""")
                    .param("ids", rows.stream().map(Row::id).toList())
                    .query(rs -> {
                        decisions.computeIfAbsent(rs.getLong("trial_action_id"), key -> new ArrayList<>())
                                .add(new TrialAction.Decision(rs.getString("observation"),
                                        TrialAction.Choice.valueOf(rs.getString("decision")), rs.getString("by_name"),
                                        rs.getTimestamp("decided_at").toInstant()));
                    });
        }
        return rows.stream().map(row -> new TrialAction(row.id(), row.initiativeId(), row.hypothesis(),
                row.startedOn(), row.status(), List.copyOf(decisions.getOrDefault(row.id(), List.of())))).toList();
    }
}
