package dk.tvaers.platform.operations;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/backup {"directory": "..."}} on the management port: what {@code java -jar tvaers.jar backup
 * DIR} calls. The directory is on the server's machine.
 */
@Component
@Endpoint(id = "backup")
class BackupEndpoint {

    private final Backups backups;

    BackupEndpoint(Backups backups) {
        this.backups = backups;
    }

    @WriteOperation
    Map<String, String> backup(String directory) throws Exception {
        return backups.backup(Path.of(directory));
    }
}
