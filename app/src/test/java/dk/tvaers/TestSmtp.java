package dk.tvaers;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The SMTP port of the integration tests: free, chosen once per test JVM, so that GreenMail of two builds on one
 * machine (or anything else on 3025) never meet. {@link IntegrationTest} points the application's mail at it.
 */
public final class TestSmtp {

    public static final int PORT = freePort();

    private TestSmtp() {}

    /** Where GreenMail listens in a test that reads the application's mail. */
    public static ServerSetup serverSetup() {
        return new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class MailPort {

        @Bean
        static DynamicPropertyRegistrar testSmtpPort() {
            return registry -> {
                registry.add("spring.mail.host", () -> "127.0.0.1");
                registry.add("spring.mail.port", () -> PORT);
            };
        }
    }
}
