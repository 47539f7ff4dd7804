package dev.sanctions.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one kind of read ({@link ReadsMain}) in a child JVM on this JVM's class path, with the heap this JVM was
 * given, and returns its runs' figures once it is done. Its log goes to a file in the work directory.
 */
final class ReadsProcess {

    /** One run: {@code run} 0 is the warm-up; {@code digest} is null for the raw consumer. */
    record Run(int run, double rate, long count, StatesDigest.Digested digest) {}

    private final Path workDir;
    private final List<String> jvmOptions;
    private final Path profileDir;

    /**
     * @param profileDir where each kind's flight recording goes ({@code reads-KIND.jfr}), or null for none
     */
    ReadsProcess(Path workDir, Path profileDir) {
        this.workDir = workDir;
        List<String> options = new ArrayList<>(ChildJvm.options(heapMb()));
        options.add("-XX:+ExitOnOutOfMemoryError");
        this.jvmOptions = List.copyOf(options);
        this.profileDir = profileDir;
    }

    /** This JVM's heap limit in MiB, given to every read's JVM: each gets what the benchmark was given. */
    static long heapMb() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    /**
     * Runs {@code kind} with {@code arguments} after the connection ones, telling {@code progress} each run's line,
     * and returns the runs once the JVM said DONE; waits at most {@code timeout}.
     */
    List<Run> run(
            String kind,
            String bootstrapServers,
            String registryUrl,
            List<String> arguments,
            Duration timeout,
            Consumer<Run> progress) {
        String name = "reads-" + kind;
        Path log = ChildJvm.log(name, workDir);
        List<String> options = new ArrayList<>(jvmOptions);
        if (profileDir != null) {
            options.add("-XX:StartFlightRecording=filename="
                    + profileDir.toAbsolutePath().resolve(name + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        List<String> mainArguments = new ArrayList<>(List.of(kind, bootstrapServers, registryUrl));
        mainArguments.addAll(arguments);
        Process process = ChildJvm.start(name, workDir, "WARN", options, ReadsMain.class, mainArguments);
        // The JVM's stdout is read to its end below; a read that hangs is ended by this timer.
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        process.destroyForcibly();
                    }
                },
                "bench-reads-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        // Should this JVM end first (Ctrl-C, a failure elsewhere), the read's JVM ends with it.
        Thread stop = new Thread(process::destroyForcibly, "bench-reads-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        boolean done = false;
        try {
            List<Run> runs = new ArrayList<>();
            String end = null;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null && end == null; line = out.readLine()) {
                    if (!line.startsWith(ProcessorMain.MARKER)) {
                        continue;
                    }
                    String reply = line.substring(ProcessorMain.MARKER.length());
                    if (reply.startsWith("RUN ")) {
                        Run run = parse(reply.substring("RUN ".length()).split(" "));
                        runs.add(run);
                        progress.accept(run);
                    } else {
                        end = reply;
                    }
                }
            } catch (IOException e) {
                throw new BenchmarkException("cannot read the " + kind + " read's output: " + e.getMessage(), e);
            }
            if (!"DONE".equals(end)) {
                throw new BenchmarkException("the " + kind + " read failed: "
                        + (end == null ? "its JVM exited or took longer than " + timeout.toSeconds() + " s" : end)
                        + exited(process) + "; see " + log);
            }
            done = true;
            return runs;
        } finally {
            // Anything but DONE (a line that does not parse, a failure telling progress included) ends the JVM now
            // rather than at the watchdog's timeout.
            if (!done) {
                process.destroyForcibly();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // This JVM is shutting down: the hook runs anyway.
            }
        }
    }

    /** How the JVM ended, when it has (its output ends a moment before it exits). */
    private static String exited(Process process) {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return " (its JVM exited with code " + process.exitValue() + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private static Run parse(String[] fields) {
        return new Run(
                Integer.parseInt(fields[0]),
                Double.parseDouble(fields[1]),
                Long.parseLong(fields[2]),
                fields.length > 4 ? StatesDigest.Digested.parse(fields[3], fields[4]) : null);
    }
}
