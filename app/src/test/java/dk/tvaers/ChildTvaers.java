package dk.tvaers;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tværs as production runs it, in a child JVM (no test profile: the embedded PostgreSQL with its production settings,
 * a real Tomcat), for the crash test and the benchmarks that must kill or flood a real process. Started on a data
 * directory and a free port; extra arguments are Spring properties (e.g. raised rate limits for a load test).
 */
public final class ChildTvaers implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Path dataDir;
    private final int port;
    private final Process process;

    private ChildTvaers(Path dataDir, int port, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
    }

    /** Starts Tværs and waits until it answers (at most four minutes: a busy machine, crash recovery). */
    public static ChildTvaers start(Path dataDir, Path log, String... properties) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(log.getParent());
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"), TvaersApplication.class.getName(),
                "--tvaers.data-dir=" + dataDir, "--server.port=" + port, "--spring.mail.host=",
                "--server.servlet.session.cookie.secure=false"));
        command.addAll(Stream.of(properties).map(p -> "--" + p).toList());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        var child = new ChildTvaers(dataDir, port, process);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        HttpClient client = HttpClient.newHttpClient();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tværs stopped while starting; see " + log);
            }
            try {
                var response = client.send(HttpRequest.newBuilder(child.uri("/css/tvaers.css"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return child;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        child.kill(true);
        throw new IllegalStateException("Tværs did not answer within four minutes; see " + log);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public Process process() {
        return process;
    }

    /** An HTTP client with its own cookies and the CSRF token of a form page, for anonymous posts. */
    public Visitor visitor(String formPage) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        String page = client.send(HttpRequest.newBuilder(uri(formPage)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        return new Visitor(client, csrf.group(1));
    }

    public final class Visitor {
        private final HttpClient client;
        private final String csrf;

        Visitor(HttpClient client, String csrf) {
            this.client = client;
            this.csrf = csrf;
        }

        /** Posts the form fields (name, value, name, value, …) with the CSRF token; the response. */
        public HttpResponse<String> post(String path, Duration timeout, String... fields) throws Exception {
            var body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            for (int i = 0; i < fields.length; i += 2) {
                body.append('&').append(fields[i]).append('=')
                        .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return client.send(HttpRequest.newBuilder(uri(path)).timeout(timeout)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The embedded PostgreSQL's postmaster, from the pid file of the cluster. */
    public Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    }

    /** The titles of the ideas in the database whose title starts with the prefix (read over JDBC, not the pages). */
    public Set<String> ideaTitles(String prefix) throws Exception {
        List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        int pgPort = Integer.parseInt(lines.get(3).strip());
        var titles = new HashSet<String>();
        try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "postgres", "");
                var statement = connection.prepareStatement("SELECT title FROM idea WHERE title LIKE ?")) {
            statement.setString(1, prefix + "%");
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    titles.add(rows.getString(1));
                }
            }
        }
        return titles;
    }

    /**
     * kill -9: of the JVM alone (its PostgreSQL lives on, as after an OOM kill of the java process), or of the whole
     * tree at once, the JVM with the postmaster and its backends (as a container stop or a power cut of the process
     * group does).
     */
    public void kill(boolean wholeTree) throws Exception {
        var pids = new ArrayList<String>();
        pids.add(String.valueOf(process.pid()));
        if (wholeTree) {
            Optional<ProcessHandle> postmaster = postmaster();
            postmaster.ifPresent(pm -> {
                pids.add(String.valueOf(pm.pid()));
                pm.descendants().forEach(child -> pids.add(String.valueOf(child.pid())));
            });
        }
        var kill = new ArrayList<>(List.of("kill", "-9"));
        kill.addAll(pids);
        new ProcessBuilder(kill).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops Tværs as an operator does (SIGTERM, Spring's shutdown stops PostgreSQL); kill -9 after a minute. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            Optional<ProcessHandle> postmaster = postmaster();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill(true);
            }
            if (postmaster.isPresent() && postmaster.get().isAlive()) {
                postmaster.get().onExit().get(60, TimeUnit.SECONDS);
            }
        } else {
            // a killed JVM's postmaster: stop it so no test leaves a server behind
            Optional<ProcessHandle> postmaster = postmaster();
            if (postmaster.isPresent()) {
                postmaster.get().destroy();
                postmaster.get().onExit().get(60, TimeUnit.SECONDS);
            }
        }
    }
}
