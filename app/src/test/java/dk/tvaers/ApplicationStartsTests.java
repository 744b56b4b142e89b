package dk.tvaers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApplicationStartsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnPostgresql17WithTheSchemaMigrated() {
        String version = jdbc.sql("SHOW server_version").query(String.class).single();
        assertThat(version).startsWith("17.");
        Integer migrations = jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class)
                .single();
        assertThat(migrations).isGreaterThanOrEqualTo(2);
    }
}
