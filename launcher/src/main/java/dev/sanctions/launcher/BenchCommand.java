package dev.sanctions.launcher;

import dev.sanctions.bench.Benchmark;
import dev.sanctions.bench.BenchmarkOptions;
import dev.sanctions.bench.BenchmarkResult;
import dev.sanctions.cli.ConnectionOptions;
import dev.sanctions.cli.ExitCodes;
import dev.sanctions.cli.UserInputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the pipeline against raw Kafka on a fresh embedded broker, in one run.",
            "Throughput, latency at a steady rate, replay, snapshot load and the processor's memory (docs/benchmark.md).",
            "Writes the figures as JSON (to --output, else to stdout) and prints a short table.",
            "It always starts its own broker: the connection options are not used."
        })
final class BenchCommand implements Callable<Integer>, ConnectionOptions.NotUsed {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--actions",
            paramLabel = "N",
            defaultValue = "200000",
            description = "One-action announcements measured for throughput (default: ${DEFAULT-VALUE}).")
    int actions;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the JSON figures here.")
    Path output;

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "3",
            description = "Throughput, replay and snapshot runs; the median is reported with the spread (default:"
                    + " ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--realistic-actions",
            paramLabel = "N",
            description = "Actions published in realistic announcements of ~25 actions (default: as --actions).")
    Integer realisticActions;

    @Option(
            names = "--latency-rate",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Actions per second in the latency phase (default: ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(
            names = "--latency-seconds",
            paramLabel = "S",
            defaultValue = "20",
            description = "Seconds of latency measured at that rate, after a 2 s warm-up (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(
            names = "--commit-interval",
            paramLabel = "MS",
            defaultValue = "0",
            description = "The processor's commit interval in ms; 0: its default.")
    long commitIntervalMs;

    @Option(
            names = "--processor-heap",
            paramLabel = "MB",
            defaultValue = "256",
            description = "The processor JVM's -Xmx in MB (default: ${DEFAULT-VALUE}).")
    int processorHeapMb;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Keep the broker's data and the processor's log here (default: a temporary directory,"
                    + " deleted after a successful run).")
    Path workDir;

    @Option(
            names = "--profile",
            paramLabel = "DIR",
            description = "Record the processor and the reads' JVMs with Java Flight Recorder into DIR (*.jfr).")
    Path profileDir;

    @Option(
            names = "--import-entries",
            paramLabel = "N",
            defaultValue = "20000",
            description = "Entries of the generated list imported as a snapshot, then again as a second edition with"
                    + " 5% changed; 0: no import phase (default: ${DEFAULT-VALUE}).")
    int importEntries;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionOptions.noteUnused(spec.commandLine(), "the benchmark runs on its own fresh embedded broker.");
        BenchmarkOptions options;
        try {
            BenchmarkOptions.Builder builder = BenchmarkOptions.builder()
                    .actions(actions)
                    .output(output)
                    .runs(runs)
                    .latencyRate(latencyRate)
                    .latencyDuration(Duration.ofSeconds(latencySeconds))
                    .commitIntervalMs(commitIntervalMs)
                    .processorHeapMb(processorHeapMb)
                    .workDir(workDir)
                    .profileDir(profileDir)
                    .importEntries(importEntries);
            if (realisticActions != null) {
                builder.realisticActions(realisticActions);
            }
            options = builder.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        err.flush();
        PrintStream progress = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        BenchmarkResult result = Benchmark.run(options, progress);
        if (output == null) {
            err.print(result.table());
            err.flush();
            out.print(result.toJson());
        } else {
            out.print(result.table());
            out.printf("Figures written to %s%n", output);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
