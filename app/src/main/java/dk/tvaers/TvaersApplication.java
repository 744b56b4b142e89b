package dk.tvaers;

import dk.tvaers.platform.operations.Commands;
import dk.tvaers.platform.operations.ManagementDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tværs: cross-sector health innovation, from idea to measured effect and spread. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TvaersApplication {

    public static void main(String[] args) {
        if (args.length > 0 && Commands.handles(args[0])) {
            System.exit(Commands.run(args));
        }
        // TVAERS_LOG_FORMAT=json: one JSON object per log line (Elastic Common Schema, with the request id)
        String format = System.getenv("TVAERS_LOG_FORMAT");
        if (format != null && format.equalsIgnoreCase("json")) {
            System.setProperty("logging.structured.format.console", "ecs");
        }
        var application = new SpringApplication(TvaersApplication.class);
        ManagementDefaults.apply(application, System.getenv());
        application.run(args);
    }
}
