package dk.tvaers.platform.operations;

import java.util.Map;
import java.util.Objects;
import org.springframework.boot.SpringApplication;

/**
 * Binds the management port (health, metrics, backup) to loopback by default ({@code TVAERS_MANAGEMENT_ADDRESS},
 * default {@code 127.0.0.1}) when it is a port of its own. When it is the application's port ({@code
 * TVAERS_MANAGEMENT_PORT} equal to {@code PORT}) no address is set: Spring Boot refuses one there, and the
 * administrator role guards metrics and backup instead.
 */
public final class ManagementDefaults {

    private ManagementDefaults() {}

    public static void apply(SpringApplication application, Map<String, String> environment) {
        String management = environment.getOrDefault("TVAERS_MANAGEMENT_PORT", "8081").strip();
        String server = environment.getOrDefault("PORT", "8080").strip();
        if (!management.isEmpty() && !Objects.equals(management, server)) {
            application.setDefaultProperties(Map.of("management.server.address",
                    environment.getOrDefault("TVAERS_MANAGEMENT_ADDRESS", "127.0.0.1")));
        }
    }
}
