package dev.sanctions.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the benchmark without the command line ({@code sanctions bench} is the user's way), e.g. from the module's
 * class path while developing: {@code java -cp … dev.sanctions.bench.BenchMain --actions 5000 --latency-seconds 5}.
 * Options as {@code sanctions bench}: --actions, --output, --runs, --realistic-actions, --latency-rate,
 * --latency-seconds, --commit-interval, --processor-heap, --work-dir, --profile, --import-entries.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        BenchmarkOptions.Builder builder = BenchmarkOptions.builder();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--actions" -> builder.actions(Integer.parseInt(value));
                case "--output" -> builder.output(Path.of(value));
                case "--runs" -> builder.runs(Integer.parseInt(value));
                case "--realistic-actions" -> builder.realisticActions(Integer.parseInt(value));
                case "--latency-rate" -> builder.latencyRate(Integer.parseInt(value));
                case "--latency-seconds" -> builder.latencyDuration(Duration.ofSeconds(Long.parseLong(value)));
                case "--commit-interval" -> builder.commitIntervalMs(Long.parseLong(value));
                case "--processor-heap" -> builder.processorHeapMb(Integer.parseInt(value));
                case "--work-dir" -> builder.workDir(Path.of(value));
                case "--profile" -> builder.profileDir(Path.of(value));
                case "--import-entries" -> builder.importEntries(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        BenchmarkOptions options = builder.build();
        BenchmarkResult result = Benchmark.run(options, System.err);
        System.out.print(result.table());
        if (options.output() == null) {
            System.out.print(result.toJson());
        }
    }
}
