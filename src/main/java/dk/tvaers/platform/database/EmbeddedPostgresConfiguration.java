package dk.tvaers.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import dk.tvaers.platform.TvaersProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * With no external database configured ({@code TVAERS_DB_URL} unset), Tværs starts a real PostgreSQL 17
 * whose cluster lives in {@code <data-dir>/postgres} and survives restarts. See ADR 0002.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${tvaers.db.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(TvaersProperties properties) throws IOException {
        Path cluster = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(cluster);
        log.info("Starter indlejret PostgreSQL med data i {}", cluster);
        return EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                // stopped by the context (destroyMethod), after everything that uses it; zonky's own JVM shutdown
                // hook would stop it at the same time as Spring's, and the last queries on close (the event
                // publication registry's) would then wait out the pool's 30 s timeout
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(properties.dataDir().resolve("postgres-runtime").toFile())
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .start();
    }

    @Bean(destroyMethod = "close")
    @DependsOn("embeddedPostgres")
    DataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("tvaers");
        return dataSource;
    }
}
