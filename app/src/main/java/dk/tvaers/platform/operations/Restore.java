package dk.tvaers.platform.operations;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Restores a backup ({@link Backups}) into a new data directory, with Tværs stopped: the embedded cluster's copy
 * becomes {@code <data-dir>/postgres} (PostgreSQL replays the copied log when it starts on it), the analytic store's
 * copy {@code <data-dir>/analytics}. Then start Tværs with {@code TVAERS_DATA_DIR} set to the new directory.
 */
public final class Restore {

    private Restore() {}

    public static void run(Path backup, Path dataDir) throws IOException {
        if (!Files.isRegularFile(backup.resolve(Backups.MANIFEST))) {
            throw new IllegalArgumentException("not a backup of Tværs (no " + Backups.MANIFEST + "): " + backup);
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the data directory is not empty: " + dataDir);
                }
            }
        }
        Files.createDirectories(dataDir);
        try (Stream<Path> parts = Files.list(backup)) {
            for (Path part : parts.filter(Files::isDirectory).toList()) {
                copyTree(part, dataDir.resolve(part.getFileName().toString()));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(copy);
                try {
                    // PostgreSQL refuses a cluster others may read
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException notPosix) {
                    // not on Linux
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
