package dk.tvaers.initiatives;

import dk.tvaers.platform.database.SqlText;
import dk.tvaers.accounts.Actor;
import dk.tvaers.platform.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steering group's priority of the laboratories. The Task Force acts as the steering group (the web layer
 * lets only {@code TASK_FORCE} set it). Setting a laboratory's rank moves it there and closes the order up
 * behind it (ranks stay 1..n without gaps or ties); each laboratory's changes are kept with a note.
 */
@Service
public class LaboratoryPriorities {

    private final JdbcClient jdbc;
    private final Initiatives initiatives;

    LaboratoryPriorities(JdbcClient jdbc, Initiatives initiatives) {
        this.jdbc = jdbc;
        this.initiatives = initiatives;
    }

    /**
     * Puts the laboratory at the given rank (at the end when the rank is beyond it).
     *
     * @throws IllegalArgumentException when the initiative is no laboratory or the rank is below 1
     */
    @Transactional
    public void prioritise(long laboratoryId, int rank, String note, Actor actor) {
        Initiative laboratory = initiatives.find(laboratoryId)
                .orElseThrow(() -> new NotFoundException("initiative", laboratoryId));
        if (laboratory.kind() != InitiativeKind.LABORATORY) {
            throw new IllegalArgumentException("initiative " + laboratoryId + " is no laboratory");
        }
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1");
        }
        jdbc.sql("LOCK TABLE laboratory_priority IN EXCLUSIVE MODE").update();
        List<Long> order = new ArrayList<>(jdbc.sql("SELECT initiative_id FROM laboratory_priority ORDER BY rank")
                .query(Long.class).list());
        Optional<Integer> from = rankOf(laboratoryId);
        order.remove(Long.valueOf(laboratoryId));
        int position = Math.min(rank, order.size() + 1);
        order.add(position - 1, laboratoryId);
        jdbc.sql("DELETE FROM laboratory_priority").update();
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("INSERT INTO laboratory_priority (initiative_id, rank) VALUES (:id, :rank)")
                    .param("id", order.get(i)).param("rank", i + 1).update();
        }
        jdbc.sql("""
                INSERT INTO laboratory_priority_change (initiative_id, from_rank, to_rank, note, by_name)
                VALUES (:id, :from, :to, :note, :by)""")
                .param("id", laboratoryId).param("from", from.orElse(null)).param("to", position)
                .param("note", SqlText.blankToNull(note)).param("by", actor.name())
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<Integer> rankOf(long laboratoryId) {
        return jdbc.sql("SELECT rank FROM laboratory_priority WHERE initiative_id = :id").param("id", laboratoryId)
                .query(Integer.class).optional();
    }

    /** The prioritised laboratories in order, then (without a rank) the others by title. */
    @Transactional(readOnly = true)
    public List<LaboratoryPriority> ranked() {
        Map<Long, Integer> ranks = jdbc.sql("SELECT initiative_id, rank FROM laboratory_priority")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var all = initiatives.search(new Initiatives.Filter(null, null, InitiativeKind.LABORATORY, null), 1, 1000)
                .items();
        Map<Long, Initiative> byId = all.stream().collect(Collectors.toMap(Initiative::id, Function.identity()));
        var result = new ArrayList<LaboratoryPriority>();
        ranks.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .filter(e -> byId.containsKey(e.getKey()))
                .forEach(e -> result.add(new LaboratoryPriority(e.getValue(), byId.get(e.getKey()))));
        all.stream().filter(i -> !ranks.containsKey(i.id()))
                .sorted((a, b) -> a.title().compareToIgnoreCase(b.title()))
                .forEach(i -> result.add(new LaboratoryPriority(0, i)));
        return result;
    }

    /** The laboratory's priority changes, oldest first. */
    @Transactional(readOnly = true)
    public List<LaboratoryPriority.Change> history(long laboratoryId) {
        return jdbc.sql("""
                SELECT from_rank, to_rank, note, by_name, changed_at FROM laboratory_priority_change
                WHERE initiative_id = :id ORDER BY changed_at, id""")
                .param("id", laboratoryId)
                .query((rs, n) -> new LaboratoryPriority.Change((Integer) rs.getObject("from_rank"),
                        rs.getInt("to_rank"), rs.getString("note"), rs.getString("by_name"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }
}
