package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.TvaersApplication;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL keeps its cluster in the data directory: Tværs started twice on the same directory
 * finds what it wrote the first time (and runs no migration and creates no administrator twice).
 */
class RestartKeepsDataTests {

    @Test
    void rowWrittenBeforeARestartIsThereAfterIt() {
        Path dataDir = Path.of("target", "test-data", "restart-" + UUID.randomUUID()).toAbsolutePath();
        long organisationId;
        try (var first = start(dataDir)) {
            organisationId = first.getBean(OrganisationDirectory.class).create(
                    new OrganisationDetails("Genstart Kommune", Sector.MUNICIPALITY, Region.NORDJYLLAND, "12345678"),
                    Actor.SYSTEM).id();
        }

        try (var second = start(dataDir)) {
            Organisation found = second.getBean(OrganisationDirectory.class).find(organisationId).orElseThrow();
            assertThat(found.name()).isEqualTo("Genstart Kommune");
            assertThat(found.cvr()).isEqualTo("12345678");
            assertThat(second.getBean(UserDirectory.class).count()).isEqualTo(1);
            assertThat(second.getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM flyway_schema_history WHERE version = '1'")
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments, so they win over the test profile's random data directory
        return new SpringApplicationBuilder(TvaersApplication.class)
                .profiles("test")
                .run("--tvaers.data-dir=" + dataDir, "--server.port=0");
    }
}
