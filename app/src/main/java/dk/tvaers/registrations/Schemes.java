package dk.tvaers.registrations;

import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration schemes as versioned data: a new definition of a scheme's code is its next version; courses stay
 * with the version they were registered under.
 */
@Service
public class Schemes {

    /** A unit to name in a new scheme. */
    public record NewUnit(long organisationId, String code, String cluster) {}

    /** A scheme's definition. */
    public record NewScheme(long initiativeId, String code, String name, Map<TimePoint, Integer> dueAfterDays,
            List<NewUnit> units, List<Indicator> indicators) {}

    private final JdbcClient jdbc;
    private final Initiatives initiatives;

    Schemes(JdbcClient jdbc, Initiatives initiatives) {
        this.jdbc = jdbc;
        this.initiatives = initiatives;
    }

    /**
     * Saves the definition as the next version of its code and publishes it at once (demo data, tests, code); returns
     * the new version's id. Analysts and consultants define schemes through {@link SchemeDefinitions} (a draft first).
     */
    @Transactional
    public long define(NewScheme scheme, Actor actor) {
        long id = insert(scheme, actor);
        publish(id, actor);
        return id;
    }

    /** Inserts the definition as the draft of the next version of its code. */
    long insert(NewScheme scheme, Actor actor) {
        initiatives.find(scheme.initiativeId())
                .orElseThrow(() -> new NotFoundException("initiative", scheme.initiativeId()));
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('registration_scheme:' || :code))")
                .param("code", scheme.code()).query().singleRow();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM registration_scheme WHERE code = :code")
                .param("code", scheme.code()).query(Integer.class).single();
        long id = jdbc.sql("""
                INSERT INTO registration_scheme (initiative_id, code, version, name, created_by)
                VALUES (:initiative, :code, :version, :name, :by) RETURNING id""")
                .param("initiative", scheme.initiativeId()).param("code", scheme.code()).param("version", version)
                .param("name", scheme.name()).param("by", actor.name()).query(Long.class).single();
        insertDefinition(id, scheme);
        return id;
    }

    /** Replaces a draft's name, time points, units and indicators (the database refuses it for a published one). */
    void replaceDraft(long id, NewScheme scheme) {
        for (String table : List.of("registration_indicator", "registration_unit", "registration_time_point")) {
            jdbc.sql("DELETE FROM " + table + " WHERE scheme_id = :id").param("id", id).update();
        }
        jdbc.sql("UPDATE registration_scheme SET name = :name WHERE id = :id AND published_at IS NULL")
                .param("name", scheme.name()).param("id", id).update();
        insertDefinition(id, scheme);
    }

    /** Publishes a draft; false when it was published already. */
    boolean publish(long id, Actor actor) {
        return jdbc.sql("""
                UPDATE registration_scheme SET published_at = now(), published_by = :by
                WHERE id = :id AND published_at IS NULL""")
                .param("id", id).param("by", actor.name()).update() == 1;
    }

    private void insertDefinition(long id, NewScheme scheme) {
        scheme.dueAfterDays().forEach((timePoint, days) -> jdbc.sql("""
                INSERT INTO registration_time_point (scheme_id, time_point, due_after_days)
                VALUES (:scheme, :tp, :days)""")
                .param("scheme", id).param("tp", timePoint.name()).param("days", days).update());
        for (NewUnit unit : scheme.units()) {
            jdbc.sql("""
                    INSERT INTO registration_unit (scheme_id, organisation_id, unit_code, cluster)
                    VALUES (:scheme, :org, :code, :cluster)""")
                    .param("scheme", id).param("org", unit.organisationId()).param("code", unit.code())
                    .param("cluster", unit.cluster()).update();
        }
        int position = 0;
        for (Indicator indicator : scheme.indicators()) {
            jdbc.sql("""
                    INSERT INTO registration_indicator (scheme_id, code, position, label, value_type, unit, min_value,
                        max_value, choices, time_points, required, rule, rule_time_point, threshold)
                    VALUES (:scheme, :code, :position, :label, :type, :unit, :min, :max, :choices, :tps, :required,
                        :rule, :ruleTp, :threshold)""")
                    .param("scheme", id).param("code", indicator.code()).param("position", position++)
                    .param("label", indicator.label()).param("type", indicator.type().name())
                    .param("unit", indicator.unit()).param("min", indicator.min()).param("max", indicator.max())
                    .param("choices", indicator.choices())
                    .param("tps", indicator.timePoints().stream().sorted().map(Enum::name)
                            .collect(Collectors.joining(",")))
                    .param("required", indicator.required()).param("rule", indicator.rule().name())
                    .param("ruleTp", indicator.ruleTimePoint() == null ? null : indicator.ruleTimePoint().name())
                    .param("threshold", indicator.threshold()).update();
        }
    }

    @Transactional(readOnly = true)
    public Optional<Scheme> find(long id) {
        return jdbc.sql("SELECT * FROM registration_scheme WHERE id = :id").param("id", id)
                .query((rs, n) -> new Object[] {rs.getLong("initiative_id"), rs.getString("code"),
                        rs.getInt("version"), rs.getString("name"), rs.getTimestamp("published_at") != null})
                .optional().map(row -> load(id, (long) row[0], (String) row[1], (int) row[2], (String) row[3],
                        (boolean) row[4]));
    }

    public Scheme get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("registration scheme", id));
    }

    /** The newest published version of a scheme code. */
    @Transactional(readOnly = true)
    public Optional<Scheme> newest(String code) {
        return jdbc.sql("""
                SELECT id FROM registration_scheme WHERE code = :code AND published_at IS NOT NULL
                ORDER BY version DESC LIMIT 1""")
                .param("code", code).query(Long.class).optional().flatMap(this::find);
    }

    /** The newest version of a scheme code, a draft if there is one. */
    @Transactional(readOnly = true)
    public Optional<Scheme> newestIncludingDrafts(String code) {
        return jdbc.sql("SELECT id FROM registration_scheme WHERE code = :code ORDER BY version DESC LIMIT 1")
                .param("code", code).query(Long.class).optional().flatMap(this::find);
    }

    /** A published version (files and the API name their scheme by code and version). */
    @Transactional(readOnly = true)
    public Optional<Scheme> byCodeAndVersion(String code, int version) {
        return jdbc.sql("""
                SELECT id FROM registration_scheme WHERE code = :code AND version = :version
                  AND published_at IS NOT NULL""")
                .param("code", code).param("version", version).query(Long.class).optional().flatMap(this::find);
    }

    /** The published scheme versions a unit registers under, newest first. */
    @Transactional(readOnly = true)
    public List<Scheme> ofUnit(long organisationId) {
        return jdbc.sql("""
                SELECT s.id FROM registration_scheme s JOIN registration_unit u ON u.scheme_id = s.id
                WHERE u.organisation_id = :org AND s.published_at IS NOT NULL ORDER BY s.code, s.version DESC""")
                .param("org", organisationId).query(Long.class).list().stream().map(this::get).toList();
    }

    /** Every published scheme version, newest first within its code. */
    @Transactional(readOnly = true)
    public List<Scheme> all() {
        return jdbc.sql("""
                SELECT id FROM registration_scheme WHERE published_at IS NOT NULL ORDER BY code, version DESC""")
                .query(Long.class).list().stream().map(this::get).toList();
    }

    private Scheme load(long id, long initiativeId, String code, int version, String name, boolean published) {
        Map<TimePoint, Integer> due = new EnumMap<>(TimePoint.class);
        jdbc.sql("SELECT time_point, due_after_days FROM registration_time_point WHERE scheme_id = :id")
                .param("id", id).query((rs, n) -> due.put(TimePoint.valueOf(rs.getString(1)), rs.getInt(2))).list();
        // the units with their organisations' names in one query (a lookup per unit cost the benchmark page 19
        // round trips per view)
        List<Unit> units = jdbc.sql("""
                SELECT u.organisation_id, coalesce(o.name, u.unit_code), u.unit_code, u.cluster
                FROM registration_unit u LEFT JOIN organisation o ON o.id = u.organisation_id
                WHERE u.scheme_id = :id""")
                .param("id", id).query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list()
                .stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        List<Indicator> indicators = jdbc.sql("SELECT * FROM registration_indicator WHERE scheme_id = :id ORDER BY position")
                .param("id", id).query((rs, n) -> {
                    EnumSet<TimePoint> tps = EnumSet.noneOf(TimePoint.class);
                    Arrays.stream(rs.getString("time_points").split(",")).filter(s -> !s.isBlank())
                            .map(TimePoint::valueOf).forEach(tps::add);
                    String ruleTp = rs.getString("rule_time_point");
                    return new Indicator(rs.getString("code"), rs.getInt("position"), rs.getString("label"),
                            ValueType.valueOf(rs.getString("value_type")), rs.getString("unit"),
                            rs.getBigDecimal("min_value"), rs.getBigDecimal("max_value"), rs.getString("choices"),
                            tps, rs.getBoolean("required"), FulfilmentRule.valueOf(rs.getString("rule")),
                            ruleTp == null ? null : TimePoint.valueOf(ruleTp), rs.getBigDecimal("threshold"));
                }).list();
        return new Scheme(id, initiativeId, code, version, name, published, due, units, indicators);
    }

    static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
