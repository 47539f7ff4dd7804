package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.core.Topics;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A processor in a child JVM ({@link ProcessorChildMain}) on this JVM's class path, its output appended to a log file. */
final class ProcessorChild implements AutoCloseable {

    /** What a JVM killed by SIGKILL exits with: 128 + 9. */
    static final int SIGKILL_EXIT = 137;

    private final Process process;
    private final Path log;

    private ProcessorChild(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ProcessorChild start(
            String bootstrapServers, String registryUrl, Topics topics, String applicationId, Path stateDir, Path log) {
        return start(bootstrapServers, registryUrl, topics, applicationId, stateDir, log, List.of());
    }

    /** With more JVM options, e.g. a GC log to read the heap's peak from. */
    static ProcessorChild start(
            String bootstrapServers,
            String registryUrl,
            Topics topics,
            String applicationId,
            Path stateDir,
            Path log,
            List<String> jvmOptions) {
        String classPath = System.getProperty("java.class.path");
        assertThat(Arrays.asList(classPath.split(File.pathSeparator)))
                .as("the child JVM needs the test classes on this JVM's class path")
                .contains(ownLocation());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.sanctions.avro"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                classPath,
                ProcessorChildMain.class.getName(),
                bootstrapServers,
                registryUrl,
                topics.prefix(),
                applicationId,
                stateDir.toString()));
        try {
            return new ProcessorChild(
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start(),
                    log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the processor's JVM", e);
        }
    }

    /** The most resident memory the JVM has had (Linux's VmHWM), in KiB; -1 where /proc does not say. */
    long peakResidentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no close, no commit; returns once the JVM is gone. */
    void kill() throws InterruptedException {
        assertThat(process.isAlive())
                .as("the processor is running when killed; see %s", log)
                .isTrue();
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("exit code of a JVM killed by SIGKILL")
                .isEqualTo(SIGKILL_EXIT);
    }

    /** SIGSTOP: the JVM stands still, sending and committing nothing, until {@link #resume()} or {@link #kill()}. */
    void suspend() {
        signal("STOP");
    }

    /** SIGCONT: the stopped JVM goes on. */
    void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS))
                    .as("kill -%s returned", name)
                    .isTrue();
            assertThat(kill.exitValue()).as("exit code of kill -%s", name).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name, e);
        }
    }

    /** Kills the JVM if a failed test left it running. */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String ownLocation() {
        try {
            return Path.of(ProcessorChildMain.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
