package dk.tvaers.monitoring;

import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * The hand-made fixture (src/test/resources/monitoring/fixture) for an import: its inclusion events name initiative
 * 9, which an import refuses unless it exists, so a copy names an initiative made for the test instead.
 */
final class ImportFixture {

    static final Path FIXTURE = Path.of("src/test/resources/monitoring/fixture");

    private ImportFixture() {}

    /** A new initiative, for the inclusion events of a test's import. */
    static long initiative(Initiatives initiatives, String title) {
        return initiatives.start(new NewInitiative(title + " " + System.nanoTime(), "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
    }

    /** Copies the fixture into {@code target}, its inclusion events naming {@code initiative}; returns target. */
    static Path copy(Path target, long initiative) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(FIXTURE)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("inclusions.csv")) {
                    text = text.lines().map(line -> line.replaceFirst("^([^,]*),9,", "$1," + initiative + ","))
                            .collect(Collectors.joining("\n", "", "\n"));
                }
                Files.writeString(target.resolve(file.getFileName()), text);
            }
        }
        return target;
    }
}
