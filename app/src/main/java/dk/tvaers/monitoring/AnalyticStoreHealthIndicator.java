package dk.tvaers.monitoring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The analytic store answers a query: part of readiness (README: Operating Tværs), so a node whose DuckDB file is
 * unavailable takes no traffic. Reports no details (paths or errors) to the unauthenticated health endpoint.
 */
@Component
class AnalyticStoreHealthIndicator implements HealthIndicator {

    private final AnalyticStore store;

    AnalyticStoreHealthIndicator(AnalyticStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT 1")) {
            return rs.next() ? Health.up().build() : Health.down().build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }
}
