package dk.tvaers.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a run goes when it runs on Spark ({@code tvaers.monitoring.spark.*}, README: "Runs on Apache Spark", ADR
 * 0041): the command that submits the job jar ({@code spark-submit} with master and deploy mode, or {@code java}
 * with Spark's jars on the class path for a local-mode launch without a Spark installation), the job jar, Spark
 * settings, the shared directory the run's inputs and outputs go to (or where an extract already lies as Parquet),
 * and how long a run may take. Spark itself is never on this application's class path: the job is another process.
 */
@Component
public class SparkTarget {

    /** The job's main class in the job jar (spark-job: dk.tvaers.spark.IndicatorJob). */
    static final String MAIN_CLASS = "dk.tvaers.spark.IndicatorJob";

    /** What Spark needs of a JDK 17+ (Spark's own launcher adds the same for spark-submit; JavaModuleOptions). */
    static final List<String> JVM_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private final boolean enabled;
    private final String launcher;
    private final String master;
    private final String deployMode;
    private final String jobJar;
    private final String classPath;
    private final List<String> javaOptions;
    private final List<String> conf;
    private final Path workDir;
    private final Path extract;
    private final Duration timeout;

    SparkTarget(@Value("${tvaers.monitoring.spark.enabled:false}") boolean enabled,
            @Value("${tvaers.monitoring.spark.launcher:spark-submit}") String launcher,
            @Value("${tvaers.monitoring.spark.master:local[*]}") String master,
            @Value("${tvaers.monitoring.spark.deploy-mode:client}") String deployMode,
            @Value("${tvaers.monitoring.spark.job-jar:}") String jobJar,
            @Value("${tvaers.monitoring.spark.class-path:}") String classPath,
            @Value("${tvaers.monitoring.spark.java-options:}") String javaOptions,
            @Value("${tvaers.monitoring.spark.conf:}") String conf,
            @Value("${tvaers.monitoring.spark.work-dir:${tvaers.data-dir:./data}/spark}") String workDir,
            @Value("${tvaers.monitoring.spark.extract:}") String extract,
            @Value("${tvaers.monitoring.spark.timeout:PT6H}") Duration timeout) {
        this.enabled = enabled;
        this.launcher = launcher.strip();
        this.master = master.strip();
        if (!deployMode.equals("client") && !deployMode.equals("cluster")) {
            throw new IllegalArgumentException("tvaers.monitoring.spark.deploy-mode: client or cluster");
        }
        this.deployMode = deployMode;
        this.jobJar = jobJar.strip();
        this.classPath = classPath.strip();
        this.javaOptions = words(javaOptions);
        this.conf = conf.isBlank() ? List.of() : Arrays.stream(conf.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        for (String setting : this.conf) {
            if (!setting.matches("spark\\.[A-Za-z0-9._-]+=[^\\s]*")) {
                throw new IllegalArgumentException("tvaers.monitoring.spark.conf: spark.name=value, not " + setting);
            }
        }
        this.workDir = Path.of(workDir).toAbsolutePath();
        this.extract = extract.isBlank() ? null : Path.of(extract).toAbsolutePath();
        this.timeout = timeout;
        if (enabled && this.jobJar.isEmpty()) {
            throw new IllegalArgumentException("tvaers.monitoring.spark.job-jar is needed when Spark is enabled");
        }
    }

    /**
     * A target for Spark local mode without a Spark installation (the benchmark): this JDK, the job jar and Spark's
     * class path ({@code @file} reads it from a file), a master such as {@code local[2]}.
     */
    public static SparkTarget local(Path jobJar, String classPath, String master, String javaOptions, String conf) {
        return new SparkTarget(true, "java", master, "client", jobJar.toString(), classPath, javaOptions, conf,
                System.getProperty("java.io.tmpdir"), "", Duration.ofDays(1));
    }

    /**
     * Runs the job with these arguments to its end as the application does (SparkRuns): its output to the log
     * file, its PROGRESS lines to {@code progress} (percent and step key); a failure or the bound throws.
     */
    public void run(List<String> jobArguments, Path logFile, Duration bound,
            java.util.function.BiConsumer<Integer, String> progress) throws Exception {
        SparkRuns.submit(command(jobArguments), logFile, bound, progress::accept);
    }

    /** Whether a Spark target is configured: then the analyst can choose it for a run. */
    public boolean enabled() {
        return enabled;
    }

    /** The master, as the run page names the target ("yarn", "local[2]", "spark://…"). */
    public String master() {
        return master;
    }

    Path workDir() {
        return workDir;
    }

    /** Where a configured extract lies as Parquet in the import format; null: the app writes the run's inputs. */
    Path extract() {
        return extract;
    }

    Duration timeout() {
        return timeout;
    }

    /** Whether the driver runs in the launched process, so that its PROGRESS lines reach the application. */
    boolean progressVisible() {
        return deployMode.equals("client");
    }

    /** The command that runs the job with these arguments. */
    List<String> command(List<String> jobArguments) {
        var command = new ArrayList<String>();
        if (launcher.equals("java")) {
            // a local-mode launch without a Spark installation: this JDK, Spark's jars on the class path
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_FLAGS);
            command.addAll(javaOptions);
            for (String setting : conf) {
                command.add("-D" + setting);
            }
            command.add("-cp");
            command.add(classPath.isEmpty() ? jobJar : jobJar + java.io.File.pathSeparator + classPath());
            command.add(MAIN_CLASS);
            command.add("--master");
            command.add(master);
        } else {
            command.addAll(words(launcher));
            command.addAll(List.of("--master", master, "--deploy-mode", deployMode, "--class", MAIN_CLASS));
            for (String setting : conf) {
                command.add("--conf");
                command.add(setting);
            }
            if (!javaOptions.isEmpty()) {
                command.add("--driver-java-options");
                command.add(String.join(" ", javaOptions));
            }
            command.add(jobJar);
        }
        command.addAll(jobArguments);
        return command;
    }

    /** The class path, or the content of the file it names with a leading {@code @} (spark-job's job-classpath.txt). */
    private String classPath() {
        if (!classPath.startsWith("@")) {
            return classPath;
        }
        try {
            return Files.readString(Path.of(classPath.substring(1))).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("tvaers.monitoring.spark.class-path: cannot read " + classPath, e);
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }
}
