package dk.tvaers.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An online base backup of a PostgreSQL cluster whose files this process can read (the embedded one), taken with
 * PostgreSQL's own low-level API while the database keeps working (ADR 0022):
 * <ol>
 * <li>a temporary physical replication slot reserves the write-ahead log from now on, so no checkpoint recycles a
 * segment the copy needs;</li>
 * <li>{@code pg_backup_start} (with a fast checkpoint) — non-exclusive, so the same session must end it;</li>
 * <li>the cluster's files are copied as they are (a file that changes while copied is repaired by the log);</li>
 * <li>{@code pg_backup_stop} returns the backup label, written into the copy;</li>
 * <li>the log segments (all of them since the slot was made) are copied into the copy's {@code pg_wal}.</li>
 * </ol>
 * A server started on the copy finds {@code backup_label}, replays the log from the backup's checkpoint to its end
 * and is then exactly the database as it was when the backup stopped.
 */
public final class PostgresBaseBackup {

    /** Not copied: runtime state PostgreSQL rebuilds, and the log (copied at the end). Directories stay, empty. */
    private static final Set<String> EMPTY_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "epg-lock");

    /** What was copied: the log positions of the start and the end of the backup. */
    public record Result(String startLsn, String stopLsn, long bytes) {}

    private PostgresBaseBackup() {}

    /**
     * Copies the cluster in {@code cluster} to {@code target} (which must not exist), through a session of its own
     * opened with the given connection settings (so that its temporary slot goes when the session ends).
     */
    public static Result run(String jdbcUrl, String user, String password, Path cluster, Path target)
            throws SQLException, IOException {
        Files.createDirectories(target.getParent());
        Files.createDirectory(target);
        try (Connection session = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = session.createStatement()) {
            statement.execute("SELECT pg_create_physical_replication_slot('tvaers_backup_' || pg_backend_pid(), "
                    + "true, true)");
            String start = single(statement, "SELECT pg_backup_start('tvaers', true)::text");
            long bytes = copyCluster(cluster, target);
            String stop;
            try (ResultSet rs = statement.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rs.next();
                stop = rs.getString(1);
                Files.writeString(target.resolve("backup_label"), rs.getString(2));
                String map = rs.getString(3);
                if (map != null && !map.isEmpty()) {
                    Files.writeString(target.resolve("tablespace_map"), map);
                }
            }
            // the segment holding the stop position is complete enough: recovery reads up to that position
            bytes += copyWal(cluster.resolve("pg_wal"), target.resolve("pg_wal"));
            return new Result(start, stop, bytes);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long copyCluster(Path cluster, Path target) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(cluster, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = cluster.relativize(dir);
                Files.createDirectories(target.resolve(relative.toString()));
                privateTo(target.resolve(relative.toString()));
                if (relative.getNameCount() == 1 && EMPTY_DIRECTORIES.contains(relative.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = cluster.relativize(file);
                String name = file.getFileName().toString();
                if ((relative.getNameCount() == 1 && SKIPPED_FILES.contains(name)) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                bytes[0] += copyIfStillThere(file, target.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // a file PostgreSQL removed meanwhile: the log says so
                }
                throw e;
            }
        });
        return bytes[0];
    }

    private static long copyWal(Path wal, Path target) throws IOException {
        Files.createDirectories(target.resolve("archive_status"));
        long bytes = 0;
        try (Stream<Path> files = Files.list(wal)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                bytes += copyIfStillThere(file, target.resolve(file.getFileName().toString()));
            }
        }
        return bytes;
    }

    private static long copyIfStillThere(Path file, Path to) throws IOException {
        try {
            Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(to);
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }

    private static void privateTo(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedOperationException notPosix) {
            // not on Linux: PostgreSQL checks the mode only there
        }
    }
}
