package dk.tvaers.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the installation as a whole.
 *
 * @param dataDir where Tværs keeps its files: the embedded PostgreSQL cluster, later the analytic store
 * @param baseUrl the address users reach Tværs at, used in links sent by e-mail
 * @param demoData load the demo organisations and one demo user per role on start
 */
@ConfigurationProperties("tvaers")
public record TvaersProperties(Path dataDir, String baseUrl, boolean demoData) {

    public TvaersProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            baseUrl = "http://localhost:8080";
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
