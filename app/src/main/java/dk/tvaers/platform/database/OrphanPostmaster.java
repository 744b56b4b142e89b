package dk.tvaers.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left running on our cluster by a Tværs process that was killed (kill -9 of the JVM alone leaves the
 * embedded PostgreSQL running, re-parented to init). Before the embedded server is started, {@link #stopIfRunning}
 * reads the cluster's {@code postmaster.pid}, and when the process it names is alive and is a PostgreSQL server on
 * this very data directory, stops it cleanly with SIGINT, PostgreSQL's fast shutdown (open transactions are rolled
 * back, everything committed is kept; SIGTERM, the smart shutdown, when {@code kill} is missing), and waits for it to
 * exit. It never deletes a file: a pid file naming a dead process or another program is
 * left to PostgreSQL, which recognises a stale pid file by itself.
 */
final class OrphanPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);

    private OrphanPostmaster() {}

    /** Stops a live postmaster of this cluster; true when there was one. Fails when it does not stop in time. */
    static boolean stopIfRunning(Path cluster, Duration wait) throws IOException {
        Optional<ProcessHandle> orphan = find(cluster);
        if (orphan.isEmpty()) {
            return false;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("En PostgreSQL-server (pid {}) kører stadig på {} fra en tidligere start; den stoppes", postmaster.pid(),
                cluster);
        // SIGINT is PostgreSQL's fast shutdown (what pg_ctl stop -m fast sends; pg_ctl itself refuses to run as root):
        // open transactions are rolled back, everything committed is kept, and a checkpoint is written
        if (!signal("INT", postmaster.pid())) {
            postmaster.destroy(); // SIGTERM: smart shutdown, which ends once the dead JVM's sessions are gone
        }
        try {
            postmaster.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL-serveren (pid " + postmaster.pid() + ") på " + cluster
                    + " stoppede ikke inden for " + wait.toSeconds() + " s; stop den, og start Tværs igen", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        log.info("Den tidligere PostgreSQL-server (pid {}) er stoppet", postmaster.pid());
        return true;
    }

    /** The live postmaster of this cluster named by its pid file, if any. */
    static Optional<ProcessHandle> find(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> servesCluster(process, cluster, Path.of(lines.get(1).strip())));
    }

    /** The process runs a postgres binary, and the pid file's data directory is ours (the same directory). */
    private static boolean servesCluster(ProcessHandle process, Path cluster, Path pidFileDirectory) {
        boolean postgres = executable(process.pid())
                .map(path -> path.getFileName().toString().equals("postgres"))
                .orElseGet(() -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
        if (!postgres) {
            return false;
        }
        try {
            return Files.isSameFile(cluster, pidFileDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> executable(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "exe")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean signal(String name, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
