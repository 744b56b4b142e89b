package dk.tvaers.platform.security;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC, configured by Spring Boot); the session filter and everyone
 * else get them through {@link SparingSessionRepository}, which writes a session back only when it changed or its
 * stored last access is older than {@code tvaers.session.touch-every} (ADR 0056).
 *
 * <p>Spring Boot configures the JDBC repository only while no other session repository is defined, so the
 * repository it made is wrapped after it is made instead: its timeout, table, clean-up and shutdown stay Boot's
 * and Spring Session's.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    static BeanPostProcessor sparingSessions(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcIndexedSessionRepository jdbcSessions) {
                    Duration touchEvery = environment.getProperty("tvaers.session.touch-every", Duration.class,
                            Duration.ofMinutes(1));
                    return new SparingSessionRepository(jdbcSessions, touchEvery);
                }
                return bean;
            }
        };
    }
}
