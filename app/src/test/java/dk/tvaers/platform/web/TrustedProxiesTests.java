package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

    @Test
    void trustsOnlyLoopbackByDefault() {
        Pattern trusted = Pattern.compile(TrustedProxies.valve("").getInternalProxies());

        assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        assertThat(trusted.matcher("10.0.0.1").matches()).isFalse();
        assertThat(trusted.matcher("192.168.1.10").matches()).isFalse();
        assertThat(trusted.matcher("203.0.113.5").matches()).isFalse();
    }

    @Test
    void trustsTheConfiguredProxies() {
        Pattern trusted = Pattern.compile(TrustedProxies.valve("10\\.1\\.2\\.3|10\\.1\\.2\\.4").getInternalProxies());

        assertThat(trusted.matcher("10.1.2.4").matches()).isTrue();
        assertThat(trusted.matcher("127.0.0.1").matches()).isFalse();
    }
}
