package dev.sanctions.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What to measure and how. Start from {@link #defaults(int)} and change what differs.
 *
 * @param actions actions of one action per announcement through the pipeline (the throughput figure), in all runs
 *     together; also the number of records of each raw-Kafka run
 * @param output where to write the JSON figures; {@code null}: nowhere (the caller prints them)
 * @param runs how many times throughput is measured (raw produce and consume: {@code actions} records each run;
 *     pipeline: {@code actions / runs} each run); the figure is the median, the spread is shown
 * @param realisticActions actions published in realistic announcements (about {@code realisticSize} each)
 * @param realisticSize mean actions per realistic announcement
 * @param publishBatchActions actions per publish transaction in the throughput runs
 * @param latencyRate actions (one-action announcements) per second in the latency phase
 * @param latencyDuration how long latency is measured, after {@code latencyWarmup}
 * @param latencyWarmup the first part of the steady phase, sent but not measured
 * @param commitIntervalMs the processor's commit interval; 0 for its default
 * @param processorHeapMb the processor JVM's {@code -Xmx}
 * @param workDir where the broker and the processor keep their files; {@code null}: a temporary directory, deleted
 *     after a successful run
 * @param profileDir where to write a flight recording (JFR) of the processor; {@code null}: none
 * @param seed of the synthetic log
 */
public record BenchmarkOptions(
        int actions,
        Path output,
        int runs,
        int realisticActions,
        int realisticSize,
        int publishBatchActions,
        int latencyRate,
        Duration latencyDuration,
        Duration latencyWarmup,
        long commitIntervalMs,
        int processorHeapMb,
        Path workDir,
        Path profileDir,
        long seed) {

    public static final int DEFAULT_ACTIONS = 200_000;
    public static final int DEFAULT_RUNS = 3;
    public static final int DEFAULT_LATENCY_RATE = 1_000;
    public static final Duration DEFAULT_LATENCY_DURATION = Duration.ofSeconds(20);
    public static final int DEFAULT_PROCESSOR_HEAP_MB = 512;

    public BenchmarkOptions {
        require(actions >= 1, "--actions must be at least 1, got " + actions);
        require(runs >= 1 && runs <= actions, "--runs must be between 1 and the number of actions, got " + runs);
        require(realisticActions >= 0, "realistic actions must not be negative, got " + realisticActions);
        require(realisticSize >= 1 && realisticSize <= 10_000,
                "realistic announcement size must be 1 to 10,000 actions, got " + realisticSize);
        require(publishBatchActions >= 1, "publish batch must be at least 1 action, got " + publishBatchActions);
        require(latencyRate >= 1 && latencyRate <= 100_000,
                "--latency-rate must be 1 to 100,000 actions/s, got " + latencyRate);
        require(latencyDuration != null && latencyDuration.toMillis() >= 1000,
                "--latency-duration must be at least 1 s, got " + latencyDuration);
        require(latencyWarmup != null && !latencyWarmup.isNegative(), "latency warm-up must not be negative");
        require(commitIntervalMs >= 0, "--commit-interval must not be negative, got " + commitIntervalMs);
        require(processorHeapMb >= 64, "--processor-heap must be at least 64 MB, got " + processorHeapMb);
    }

    /** The defaults for {@code actions}: 3 runs, as many realistic actions, 20 s at 1,000 actions/s, -Xmx512m. */
    public static BenchmarkOptions defaults(int actions) {
        return new BenchmarkOptions(actions, null, DEFAULT_RUNS, actions, 25, 1_000, DEFAULT_LATENCY_RATE,
                DEFAULT_LATENCY_DURATION, Duration.ofSeconds(2), 0, DEFAULT_PROCESSOR_HEAP_MB, null, null,
                SyntheticLog.DEFAULT_SEED);
    }

    public BenchmarkOptions withOutput(Path file) {
        return new BenchmarkOptions(actions, file, runs, realisticActions, realisticSize, publishBatchActions,
                latencyRate, latencyDuration, latencyWarmup, commitIntervalMs, processorHeapMb, workDir, profileDir,
                seed);
    }

    public BenchmarkOptions withRuns(int count) {
        return new BenchmarkOptions(actions, output, count, realisticActions, realisticSize, publishBatchActions,
                latencyRate, latencyDuration, latencyWarmup, commitIntervalMs, processorHeapMb, workDir, profileDir,
                seed);
    }

    public BenchmarkOptions withRealisticActions(int count) {
        return new BenchmarkOptions(actions, output, runs, count, realisticSize, publishBatchActions,
                latencyRate, latencyDuration, latencyWarmup, commitIntervalMs, processorHeapMb, workDir, profileDir,
                seed);
    }

    public BenchmarkOptions withLatency(int rate, Duration duration) {
        return new BenchmarkOptions(actions, output, runs, realisticActions, realisticSize, publishBatchActions,
                rate, duration, latencyWarmup, commitIntervalMs, processorHeapMb, workDir, profileDir, seed);
    }

    public BenchmarkOptions withCommitIntervalMs(long millis) {
        return new BenchmarkOptions(actions, output, runs, realisticActions, realisticSize, publishBatchActions,
                latencyRate, latencyDuration, latencyWarmup, millis, processorHeapMb, workDir, profileDir, seed);
    }

    public BenchmarkOptions withProcessorHeapMb(int megabytes) {
        return new BenchmarkOptions(actions, output, runs, realisticActions, realisticSize, publishBatchActions,
                latencyRate, latencyDuration, latencyWarmup, commitIntervalMs, megabytes, workDir, profileDir, seed);
    }

    public BenchmarkOptions withWorkDir(Path dir) {
        return new BenchmarkOptions(actions, output, runs, realisticActions, realisticSize, publishBatchActions,
                latencyRate, latencyDuration, latencyWarmup, commitIntervalMs, processorHeapMb, dir, profileDir, seed);
    }

    public BenchmarkOptions withProfileDir(Path dir) {
        return new BenchmarkOptions(actions, output, runs, realisticActions, realisticSize, publishBatchActions,
                latencyRate, latencyDuration, latencyWarmup, commitIntervalMs, processorHeapMb, workDir, dir, seed);
    }

    /**
     * Actions of the pipeline warm-up, not measured: a quarter of the actions, between 1,000 and 30,000 (with
     * fewer, the processor's JIT was still compiling during the first measured run).
     */
    int warmupActions() {
        return Math.max(1_000, Math.min(30_000, actions / 4));
    }

    /** Steady-phase announcements not measured. */
    int latencyWarmupCount() {
        return (int) (latencyRate * latencyWarmup.toMillis() / 1000);
    }

    /** Steady-phase announcements measured. */
    int latencyMeasuredCount() {
        return (int) (latencyRate * latencyDuration.toMillis() / 1000);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
