package dk.tvaers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real embedded PostgreSQL (the test profile gives every Spring context its own
 * cluster under target/test-data). All integration tests share one context, so keep their configuration equal:
 * MockMvc (with the real security filter chain) and the SMTP port GreenMail listens on ({@link TestSmtp}) are
 * configured here for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestSmtp.MailPort.class)
@ActiveProfiles("test")
public @interface IntegrationTest {}
