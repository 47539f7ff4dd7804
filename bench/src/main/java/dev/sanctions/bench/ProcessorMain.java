package dev.sanctions.bench;

import dev.sanctions.processor.ProcessorSettings;
import dev.sanctions.processor.SanctionsProcessor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The processor in a JVM of its own, so that its heap and resident set can be measured apart from the broker's
 * and the benchmark's. Started by {@link ProcessorProcess}; talks on stdin and stdout, each of its lines prefixed
 * {@value #MARKER} so log output on stdout cannot be mistaken for them:
 * it says {@code READY <commit interval ms>} once the processor is RUNNING, answers {@code memory} with a
 * {@link MemoryReport} line, and stops on {@code stop} or when stdin closes (the benchmark went away).
 *
 * <p>Arguments: bootstrap servers, schema registry URL, state directory, commit interval in ms (0: the default).
 */
public final class ProcessorMain {

    static final String MARKER = "SANCTIONS-BENCH ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private ProcessorMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ProcessorMain BOOTSTRAP REGISTRY_URL STATE_DIR COMMIT_INTERVAL_MS");
            System.exit(2);
        }
        ProcessorSettings.Builder builder = ProcessorSettings.builder(args[0], args[1])
                .applicationId("sanctions-bench-processor")
                .stateDir(Path.of(args[2]))
                .http("127.0.0.1", 0);
        long commitMs = Long.parseLong(args[3]);
        if (commitMs > 0) {
            builder.commitInterval(Duration.ofMillis(commitMs));
        }
        ProcessorSettings settings = builder.build();
        HeapPeak heapPeak = HeapPeak.watch();
        try (SanctionsProcessor processor = SanctionsProcessor.start(settings)) {
            awaitRunning(processor);
            say("READY " + settings.commitInterval().toMillis());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                if (command.equals("memory")) {
                    say(MemoryReport.measure(heapPeak).line());
                } else if (command.equals("stop")) {
                    break;
                }
            }
        }
        say("STOPPED");
        System.exit(0);
    }

    private static void awaitRunning(SanctionsProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (processor.state() != KafkaStreams.State.RUNNING) {
            if (processor.state() == KafkaStreams.State.ERROR
                    || processor.state() == KafkaStreams.State.NOT_RUNNING
                    || System.nanoTime() > deadline) {
                say("FAILED the processor did not reach RUNNING (state " + processor.state() + ")");
                System.exit(1);
            }
            // The runner owns the state listener, so its state is polled.
            Thread.sleep(20);
        }
    }

    private static void say(String line) {
        System.out.println(MARKER + line);
        System.out.flush();
    }
}
