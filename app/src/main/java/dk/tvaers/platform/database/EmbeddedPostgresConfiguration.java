package dk.tvaers.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import dk.tvaers.platform.TvaersProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    /**
     * Durable settings (ADR 0002), replacing the library's test defaults (it starts the server with {@code -F},
     * fsync off, and {@code synchronous_commit=off}): a commit returns only once its WAL is flushed to disk, and
     * full-page images make a torn page after a power cut recoverable.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(TvaersProperties properties) throws IOException {
        Path cluster = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(cluster);
        // a postmaster left running by a killed Tværs would make this start wait and give up (ADR 0002)
        OrphanPostmaster.stopIfRunning(cluster, STARTUP_WAIT);
        log.info("Starter indlejret PostgreSQL med data i {}", cluster);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                // stopped by the context (destroyMethod), after everything that uses it; zonky's own JVM shutdown
                // hook would stop it at the same time as Spring's, and the last queries on close (the event
                // publication registry's) would then wait out the pool's 30 s timeout
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(properties.dataDir().resolve("postgres-runtime").toFile())
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                // crash recovery after a kill can take longer than the library's 10 s
                .setPGStartupWait(STARTUP_WAIT);
        DURABLE.forEach(builder::setServerConfig);
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    @DependsOn("embeddedPostgres")
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${tvaers.db.pool-size:10}") int poolSize,
            @Value("${tvaers.db.connection-timeout:PT30S}") Duration connectionTimeout) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        // no request needs two connections at once (ADR 0016), so any size serves; the tests run with one
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setConnectionTimeout(connectionTimeout.toMillis());
        dataSource.setPoolName("tvaers");
        return dataSource;
    }
}
