package dk.tvaers.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Uses the PostgreSQL named by {@code TVAERS_DB_URL}, {@code TVAERS_DB_USER} and {@code TVAERS_DB_PASSWORD}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${tvaers.db.url:}'.isEmpty()")
class ExternalPostgresConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(
            @Value("${tvaers.db.url}") String url,
            @Value("${tvaers.db.user:}") String user,
            @Value("${tvaers.db.password:}") String password) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("tvaers");
        return dataSource;
    }
}
