package dev.sanctions.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the benchmark without the command line ({@code sanctions bench} is the user's way), e.g. from the module's
 * class path while developing: {@code java -cp … dev.sanctions.bench.BenchMain --actions 5000 --latency-seconds 5}.
 * Options as {@code sanctions bench}: --actions, --output, --runs, --realistic-actions, --latency-rate,
 * --latency-seconds, --commit-interval, --processor-heap, --work-dir, --profile.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchmarkOptions options = BenchmarkOptions.defaults(BenchmarkOptions.DEFAULT_ACTIONS);
        Integer realistic = null;
        int latencyRate = BenchmarkOptions.DEFAULT_LATENCY_RATE;
        Duration latencyDuration = BenchmarkOptions.DEFAULT_LATENCY_DURATION;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--actions" -> options = withActions(options, Integer.parseInt(value));
                case "--output" -> options = options.withOutput(Path.of(value));
                case "--runs" -> options = options.withRuns(Integer.parseInt(value));
                case "--realistic-actions" -> realistic = Integer.parseInt(value);
                case "--latency-rate" -> latencyRate = Integer.parseInt(value);
                case "--latency-seconds" -> latencyDuration = Duration.ofSeconds(Long.parseLong(value));
                case "--commit-interval" -> options = options.withCommitIntervalMs(Long.parseLong(value));
                case "--processor-heap" -> options = options.withProcessorHeapMb(Integer.parseInt(value));
                case "--work-dir" -> options = options.withWorkDir(Path.of(value));
                case "--profile" -> options = options.withProfileDir(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        options = options.withRealisticActions(realistic == null ? options.actions() : realistic)
                .withLatency(latencyRate, latencyDuration);
        BenchmarkResult result = Benchmark.run(options, System.err);
        System.out.print(result.table());
        if (options.output() == null) {
            System.out.print(result.toJson());
        }
    }

    private static BenchmarkOptions withActions(BenchmarkOptions options, int actions) {
        return new BenchmarkOptions(actions, options.output(), options.runs(), options.realisticActions(),
                options.realisticSize(), options.publishBatchActions(), options.latencyRate(),
                options.latencyDuration(), options.latencyWarmup(), options.commitIntervalMs(),
                options.processorHeapMb(), options.workDir(), options.profileDir(), options.seed());
    }
}
