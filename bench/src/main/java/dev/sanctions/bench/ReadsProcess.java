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
    private final String bootstrapServers;
    private final String registryUrl;
    private final Duration timeout;

    /**
     * @param profileDir where each kind's flight recording goes ({@code reads-KIND.jfr}), or null for none
     * @param timeout how long one kind of read may take in all
     */
    ReadsProcess(Path workDir, Path profileDir, String bootstrapServers, String registryUrl, Duration timeout) {
        this.workDir = workDir;
        List<String> options = new ArrayList<>(ChildJvm.options(heapMb()));
        options.add("-XX:+ExitOnOutOfMemoryError");
        this.jvmOptions = List.copyOf(options);
        this.profileDir = profileDir;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.timeout = timeout;
    }

    /** This JVM's heap limit in MiB, given to every read's JVM: each gets what the benchmark was given. */
    static long heapMb() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    /**
     * Runs {@code kind} with {@code arguments} after the connection ones, telling {@code progress} each run's line,
     * and returns the runs once the JVM said DONE; waits at most the timeout.
     */
    List<Run> run(String kind, List<String> arguments, Consumer<Run> progress) {
        String name = "reads-" + kind;
        Path log = ChildJvm.log(name, workDir);
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(ChildJvm.flightRecording(profileDir, name));
        List<String> mainArguments = new ArrayList<>(List.of(kind, bootstrapServers, registryUrl));
        mainArguments.addAll(arguments);
        ChildJvm child = ChildJvm.start(name, workDir, "WARN", options, ReadsMain.class, mainArguments);
        Process process = child.process();
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
                        + exited(child) + "; see " + log);
            }
            done = true;
            return runs;
        } finally {
            // Anything but DONE (a line that does not parse, a failure telling progress included) ends the JVM now
            // rather than at the watchdog's timeout.
            if (!done) {
                process.destroyForcibly();
            }
            child.release();
        }
    }

    /** How the JVM ended, when it has. */
    private static String exited(ChildJvm child) {
        String code = child.exitCode();
        return code.isEmpty() ? "" : " (its JVM exited" + code + ")";
    }

    private static Run parse(String[] fields) {
        return new Run(
                Integer.parseInt(fields[0]),
                Double.parseDouble(fields[1]),
                Long.parseLong(fields[2]),
                fields.length > 4 ? StatesDigest.Digested.parse(fields[3], fields[4]) : null);
    }
}
