package dev.sanctions.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The processor running in a child JVM ({@link ProcessorMain}) on this JVM's class path, with a fixed heap limit
 * and the launcher's Avro setting. Its log goes to a file; the two talk over the child's stdin and stdout.
 */
final class ProcessorProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);

    private final Process process;
    private final BufferedWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path log;
    private final List<String> jvmOptions;
    private final ChildJvm child;

    private long commitIntervalMs;

    private ProcessorProcess(ChildJvm child, Path log, List<String> jvmOptions) {
        this.child = child;
        this.process = child.process();
        this.log = log;
        this.jvmOptions = jvmOptions;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readReplies, "bench-processor-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the processor and returns once it is RUNNING.
     *
     * @param commitIntervalMs 0 for the processor's default
     * @param extraJvmOptions e.g. a flight recording
     */
    static ProcessorProcess start(
            String bootstrapServers,
            String registryUrl,
            Path workDir,
            long commitIntervalMs,
            int heapMb,
            List<String> extraJvmOptions) {
        List<String> options = new ArrayList<>(ChildJvm.options(heapMb));
        options.addAll(extraJvmOptions);
        ChildJvm jvm = ChildJvm.start(
                "processor",
                workDir,
                "INFO",
                options,
                ProcessorMain.class,
                List.of(
                        bootstrapServers,
                        registryUrl,
                        workDir.resolve("processor-state").toString(),
                        Long.toString(commitIntervalMs)));
        Path log = ChildJvm.log("processor", workDir);
        ProcessorProcess child = new ProcessorProcess(jvm, log, List.copyOf(options));
        try {
            String ready = child.reply("READY", START_TIMEOUT);
            child.commitIntervalMs =
                    Long.parseLong(ready.substring("READY ".length()).trim());
            return child;
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /** The commit interval the processor runs with. */
    long commitIntervalMs() {
        return commitIntervalMs;
    }

    /** The JVM options of the child, for the record. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    MemoryReport memory() {
        send("memory");
        return MemoryReport.parse(reply(MemoryReport.PREFIX, REPLY_TIMEOUT));
    }

    /** Stops the processor cleanly (committing), or kills it when it does not stop in time. */
    @Override
    public void close() {
        child.release();
        if (!process.isAlive()) {
            return;
        }
        try {
            send("stop");
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (RuntimeException e) {
            process.destroyForcibly();
        }
    }

    private void send(String command) {
        try {
            commands.write(command);
            commands.newLine();
            commands.flush();
        } catch (IOException e) {
            throw new BenchmarkException(
                    "the processor's JVM stopped listening: " + e.getMessage() + "; see " + log, e);
        }
    }

    private String reply(String kind, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new BenchmarkException("the processor did not answer " + kind + " within "
                            + timeout.toSeconds() + " s"
                            + (process.isAlive() ? "" : " (its JVM exited with code " + process.exitValue() + ")")
                            + "; see " + log);
                }
                if (line.startsWith("FAILED")) {
                    throw new BenchmarkException("the processor failed: "
                            + line.substring("FAILED".length()).trim() + "; see " + log);
                }
                if (line.startsWith(kind)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted while waiting for the processor", e);
        }
    }

    private void readReplies() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(ProcessorMain.MARKER)) {
                    replies.add(line.substring(ProcessorMain.MARKER.length()));
                }
            }
        } catch (IOException e) {
            replies.add("FAILED cannot read the processor's output: " + e.getMessage());
        }
        replies.add("FAILED the processor's JVM exited" + child.exitCode());
    }
}
