package dk.tvaers.monitoring;

import dk.tvaers.accounts.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Initiatives' population definitions in PostgreSQL, versioned: saving never changes a version, it adds the next
 * one. Without any definition an initiative's population is its imported inclusion events.
 */
@Service
public class Populations {

    private final JdbcClient jdbc;

    Populations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves a new version of the initiative's population: its inclusion events (rule null) or a rule. */
    @Transactional
    public Population save(long initiativeId, Population.Rule rule, Actor actor) {
        // two analysts saving at the same moment: the unique (initiative, version) refuses the second
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM monitoring_population WHERE initiative_id = :id")
                .param("id", initiativeId).query(Integer.class).single();
        long id = jdbc.sql("""
                INSERT INTO monitoring_population (initiative_id, version, source, diagnosis_prefixes, municipalities,
                    age_min, age_max, date_from, date_to, comparison, matches_per_target, match_stratum, by_user_id,
                    by_name)
                VALUES (:initiative, :version, :source, :diagnoses, :municipalities, :ageMin, :ageMax, :from, :to,
                    :comparison, :k, :stratum, :by, :name)
                RETURNING id""")
                .param("initiative", initiativeId).param("version", version)
                .param("source", (rule == null ? Population.Source.INCLUSIONS : Population.Source.RULE).name())
                .param("diagnoses", rule == null ? null : String.join(" ", rule.diagnosisPrefixes()))
                .param("municipalities", rule == null || rule.municipalities().isEmpty() ? null
                        : String.join(" ", rule.municipalities()))
                .param("ageMin", rule == null ? null : rule.ageMin())
                .param("ageMax", rule == null ? null : rule.ageMax())
                .param("from", rule == null ? null : rule.from())
                .param("to", rule == null ? null : rule.to())
                .param("comparison", rule == null ? null : rule.comparison().name())
                .param("k", rule == null ? null : rule.matchesPerTarget())
                .param("stratum", rule == null || rule.stratum() == null ? null : rule.stratum().name())
                .param("by", actor.id()).param("name", actor.name())
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    public Optional<Population> find(long id) {
        return jdbc.sql("SELECT * FROM monitoring_population WHERE id = :id").param("id", id)
                .query(Populations::map).optional();
    }

    /** The initiative's newest version, if it has any (none: its inclusion events). */
    public Optional<Population> current(long initiativeId) {
        return jdbc.sql("""
                SELECT * FROM monitoring_population WHERE initiative_id = :id ORDER BY version DESC LIMIT 1""")
                .param("id", initiativeId).query(Populations::map).optional();
    }

    /** The version a run used (none: the run used the inclusion events without a saved definition). */
    public Optional<Population> ofRun(long runId) {
        return jdbc.sql("""
                SELECT p.* FROM monitoring_population p JOIN monitoring_run r ON r.population_id = p.id
                WHERE r.id = :id""").param("id", runId).query(Populations::map).optional();
    }

    static Population map(ResultSet rs, int row) throws SQLException {
        var source = Population.Source.valueOf(rs.getString("source"));
        Population.Rule rule = null;
        if (source == Population.Source.RULE) {
            String stratum = rs.getString("match_stratum");
            rule = new Population.Rule(codes(rs.getString("diagnosis_prefixes")), codes(rs.getString("municipalities")),
                    (Integer) rs.getObject("age_min"), (Integer) rs.getObject("age_max"),
                    rs.getDate("date_from").toLocalDate(), rs.getDate("date_to").toLocalDate(),
                    Population.Comparison.valueOf(rs.getString("comparison")), (Integer) rs.getObject("matches_per_target"),
                    stratum == null ? null : Population.MatchStratum.valueOf(stratum));
        }
        return new Population(rs.getLong("id"), rs.getLong("initiative_id"), rs.getInt("version"), source, rule,
                rs.getString("by_name"), rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
    }
}
