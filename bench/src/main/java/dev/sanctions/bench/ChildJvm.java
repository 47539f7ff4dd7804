package dev.sanctions.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a main class of this JVM's class path in a JVM of its own, as the launcher would run it (its Avro
 * setting), with a log configuration of its own and its stderr appended to a log file. The processor and each
 * read run this way, so that none of them shares a heap with the broker or with another.
 */
final class ChildJvm {

    private static final String LOGBACK = """
            <configuration>
              <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
                <target>System.err</target>
                <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern></encoder>
              </appender>
              <logger name="org.apache.kafka" level="WARN"/>
              <root level="%s"><appender-ref ref="ERR"/></root>
            </configuration>
            """;

    private final Process process;
    /** Ends the child should this JVM end first (Ctrl-C, a failure elsewhere). */
    private final Thread endWithThisJvm;

    private ChildJvm(Process process, String name) {
        this.process = process;
        this.endWithThisJvm = new Thread(process::destroyForcibly, "bench-" + name + "-stop");
        Runtime.getRuntime().addShutdownHook(endWithThisJvm);
    }

    /** The options every child JVM gets besides its own: its heap limit and the launcher's Avro setting. */
    static List<String> options(long heapMb) {
        return List.of("-Xmx" + heapMb + "m", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.sanctions.avro");
    }

    /** The option that records the child JVM {@code name} into {@code DIR/NAME.jfr}; none without a directory. */
    static List<String> flightRecording(Path profileDir, String name) {
        if (profileDir == null) {
            return List.of();
        }
        try {
            Files.createDirectories(profileDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + profileDir, e);
        }
        Path recording = profileDir.toAbsolutePath().resolve(name + ".jfr");
        return List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
    }

    /**
     * Starts the JVM; it ends with this one unless {@link #release() released} first.
     *
     * @param name what runs, for the log files ({@code NAME.log}, {@code NAME-logback.xml}) and for errors
     * @param rootLevel the level of the child's own log lines; Kafka's are logged at WARN
     */
    static ChildJvm start(
            String name,
            Path workDir,
            String rootLevel,
            List<String> jvmOptions,
            Class<?> main,
            List<String> arguments) {
        Path logback = workDir.resolve(name + "-logback.xml");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dlogback.configurationFile=" + logback);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(arguments);
        try {
            Files.writeString(logback, LOGBACK.formatted(rootLevel));
            return new ChildJvm(
                    new ProcessBuilder(command)
                            .redirectError(ProcessBuilder.Redirect.appendTo(
                                    log(name, workDir).toFile()))
                            .start(),
                    name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the JVM of " + name + ": " + e.getMessage(), e);
        }
    }

    Process process() {
        return process;
    }

    /** The child no longer ends with this JVM: it has ended, or its owner ends it. */
    void release() {
        try {
            Runtime.getRuntime().removeShutdownHook(endWithThisJvm);
        } catch (IllegalStateException e) {
            // This JVM is shutting down: the hook ends the child anyway.
        }
    }

    /**
     * {@code " with code N"} once the JVM has exited, waiting a moment for it (its output ends just before it
     * exits); empty while it runs.
     */
    String exitCode() {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return " with code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    /** Where the JVM started as {@code name} logs. */
    static Path log(String name, Path workDir) {
        return workDir.resolve(name + ".log");
    }
}
