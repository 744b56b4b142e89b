package dk.tvaers.platform.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The operations commands of the jar (README: Operating Tværs):
 * <ul>
 * <li>{@code backup DIR} asks the running Tværs on this machine (its management port, {@code TVAERS_MANAGEMENT_URL}
 * or {@code http://127.0.0.1:$TVAERS_MANAGEMENT_PORT}, default 8081) to write a backup into DIR;</li>
 * <li>{@code restore BACKUP_DIR NEW_DATA_DIR} makes a data directory of a backup, with Tværs stopped.</li>
 * </ul>
 * Exit code 0 when done, 1 when it failed (the reason on standard error), 2 for wrong arguments.
 */
public final class Commands {

    private Commands() {}

    public static boolean handles(String command) {
        return command.equals("backup") || command.equals("restore");
    }

    public static int run(String[] args) {
        try {
            if (args[0].equals("backup") && args.length == 2) {
                return backup(Path.of(args[1]).toAbsolutePath().normalize());
            }
            if (args[0].equals("restore") && args.length == 3) {
                Restore.run(Path.of(args[1]), Path.of(args[2]));
                System.out.println("Gendannet i " + args[2] + ". Start Tværs med TVAERS_DATA_DIR=" + args[2]);
                return 0;
            }
            System.err.println("Brug: java -jar tvaers.jar backup MAPPE | restore SIKKERHEDSKOPI NY_DATAMAPPE");
            return 2;
        } catch (Exception e) {
            System.err.println("Mislykkedes: " + e.getMessage());
            return 1;
        }
    }

    private static int backup(Path directory) throws IOException, InterruptedException {
        String base = System.getenv("TVAERS_MANAGEMENT_URL");
        if (base == null || base.isBlank()) {
            String port = System.getenv().getOrDefault("TVAERS_MANAGEMENT_PORT", "8081");
            base = "http://127.0.0.1:" + port;
        }
        String body = "{\"directory\":\"" + directory.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        var request = HttpRequest.newBuilder(URI.create(base + "/actuator/backup"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofHours(6))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                System.out.println("Sikkerhedskopi skrevet i " + directory + ": " + response.body());
                return 0;
            }
            System.err.println("Mislykkedes (" + response.statusCode() + "): " + response.body()
                    + " (se Tværs' log)");
            return 1;
        }
    }
}
