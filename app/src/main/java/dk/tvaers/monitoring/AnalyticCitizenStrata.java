package dk.tvaers.monitoring;

import dk.tvaers.registrations.CitizenStrata;
import dk.tvaers.registrations.Stratum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The social strata of registrations' citizens from the analytic store (implements {@link CitizenStrata}): a course's
 * pseudonymous id is the store's {@code person_id} (as in the {@code registrations.csv} export). Short education is
 * {@code education = 'BASIC'}, low income {@code income_group = 'LOW'}, living alone {@code living_alone}; a value the
 * data do not hold (OMOP input) puts the citizen in no stratum of it. Multimorbidity is the run's rule
 * ({@code IndicatorSql.MULTIMORBIDITY}) with the course's start as index date: at least two distinct chronic
 * conditions among the action diagnoses of hospital contacts before it. Only the strata leave the store, never a row.
 */
@Component
class AnalyticCitizenStrata implements CitizenStrata {

    private final AnalyticStore store;
    private final Supplier<Optional<Integer>> dataVersion;

    @Autowired
    AnalyticCitizenStrata(AnalyticStore store, Imports imports) {
        this(store, imports::currentDataVersion);
    }

    AnalyticCitizenStrata(AnalyticStore store, Supplier<Optional<Integer>> dataVersion) {
        this.store = store;
        this.dataVersion = dataVersion;
    }

    @Override
    public Optional<String> source() {
        return dataVersion.get().map(String::valueOf);
    }

    @Override
    public Optional<Known> of(Collection<Citizen> citizens) {
        Optional<String> source = source();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = store.connect(); var statement = connection.createStatement()) {
            try (var tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables WHERE "
                    + "table_catalog = current_database() AND table_name IN ('person', 'hospital_contact')")) {
                tables.next();
                if (tables.getInt(1) < 2) {
                    return Optional.empty();
                }
            }
            statement.execute("CREATE OR REPLACE TEMP TABLE strata_citizen (key BIGINT, person_id VARCHAR, start DATE)");
            try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("temp", "main",
                    "strata_citizen")) {
                for (Citizen citizen : citizens) {
                    appender.beginRow();
                    appender.append(citizen.key());
                    appender.append(citizen.personRef());
                    appender.append(citizen.start());
                    appender.endRow();
                }
            }
            RunQueries.load(statement, "strata_chronic", "/monitoring/chronic-conditions-v1.csv", true);
            Map<Long, Set<Stratum>> byKey = new HashMap<>();
            try (var rs = statement.executeQuery("""
                    WITH conditions AS (
                        SELECT c.key, count(DISTINCT cc.condition) AS conditions
                        FROM strata_citizen c
                        JOIN hospital_contact h ON h.person_id = c.person_id
                             AND h.start_ts < CAST(c.start AS TIMESTAMP)
                        JOIN strata_chronic cc ON cc.prefix = substr(h.action_diagnosis, 1, 4)
                        GROUP BY c.key)
                    SELECT c.key, coalesce(p.education = 'BASIC', false), coalesce(p.income_group = 'LOW', false),
                           coalesce(m.conditions, 0) >= 2, coalesce(p.living_alone, false)
                    FROM strata_citizen c
                    JOIN person p ON p.person_id = c.person_id
                    LEFT JOIN conditions m ON m.key = c.key""")) {
                while (rs.next()) {
                    Set<Stratum> strata = EnumSet.noneOf(Stratum.class);
                    add(strata, rs.getBoolean(2), Stratum.SHORT_EDUCATION);
                    add(strata, rs.getBoolean(3), Stratum.LOW_INCOME);
                    add(strata, rs.getBoolean(4), Stratum.MULTIMORBIDITY);
                    add(strata, rs.getBoolean(5), Stratum.LIVING_ALONE);
                    byKey.put(rs.getLong(1), strata);
                }
            }
            statement.execute("DROP TABLE strata_citizen");
            statement.execute("DROP TABLE strata_chronic");
            return Optional.of(new Known(source.get(), byKey));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the citizens' strata from the analytic store", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(Set<Stratum> strata, boolean in, Stratum stratum) {
        if (in) {
            strata.add(stratum);
        }
    }
}
