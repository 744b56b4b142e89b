package dk.tvaers.platform.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} are honoured only when the request comes
 * from a trusted proxy: Tomcat's {@link RemoteIpValve} with {@code internalProxies} from {@code TVAERS_TRUSTED_PROXIES}
 * (a regular expression of the proxies' addresses), by default the loopback addresses only. From any other client
 * the headers are ignored, so no one can choose the address that rate limits and the audit log see, or the scheme
 * and host of the links Tværs builds.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

    static final String LOOPBACK = "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> remoteIpFromTrustedProxiesOnly(
            @Value("${tvaers.trusted-proxies:}") String configured) {
        return factory -> factory.addEngineValves(valve(configured));
    }

    static RemoteIpValve valve(String configured) {
        var valve = new RemoteIpValve();
        valve.setInternalProxies(configured == null || configured.isBlank() ? LOOPBACK : configured.strip());
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        valve.setChangeLocalPort(true);
        return valve;
    }
}
