package dk.tvaers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tværs: cross-sector health innovation, from idea to measured effect and spread. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TvaersApplication {

    public static void main(String[] args) {
        SpringApplication.run(TvaersApplication.class, args);
    }
}
