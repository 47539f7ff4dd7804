package dev.sanctions.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What to measure and how. Build it with {@link #builder()}, which starts from the defaults.
 *
 * @param actions actions of one action per announcement through the pipeline (the throughput figure), in all runs
 *     together; also the number of records of each raw-Kafka run
 * @param output where to write the JSON figures; {@code null}: nowhere (the caller prints them)
 * @param runs how many times throughput is measured (raw produce and consume: {@code actions} records each run;
 *     pipeline: {@code actions / runs} each run), and the replay and the snapshot (the whole log each run); each
 *     figure is the median, the spread is shown
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
 * @param importEntries entries of the list imported as a snapshot in the import phase; 0: no import phase
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
        int importEntries,
        long seed) {

    public static final int DEFAULT_ACTIONS = 200_000;
    public static final int DEFAULT_RUNS = 3;
    public static final int DEFAULT_LATENCY_RATE = 1_000;
    public static final Duration DEFAULT_LATENCY_DURATION = Duration.ofSeconds(20);
    public static final int DEFAULT_PROCESSOR_HEAP_MB = 256;
    public static final int DEFAULT_IMPORT_ENTRIES = 20_000;
    /** The share of the entries the second edition of the imported list changes. */
    public static final double IMPORT_CHANGED_FRACTION = 0.05;

    public BenchmarkOptions {
        require(actions >= 1, "--actions must be at least 1, got " + actions);
        require(runs >= 1 && runs <= actions, "--runs must be between 1 and the number of actions, got " + runs);
        require(realisticActions >= 0, "realistic actions must not be negative, got " + realisticActions);
        require(
                realisticSize >= 1 && realisticSize <= 10_000,
                "realistic announcement size must be 1 to 10,000 actions, got " + realisticSize);
        require(publishBatchActions >= 1, "publish batch must be at least 1 action, got " + publishBatchActions);
        require(
                latencyRate >= 1 && latencyRate <= 100_000,
                "--latency-rate must be 1 to 100,000 actions/s, got " + latencyRate);
        require(
                latencyDuration != null && latencyDuration.toMillis() >= 1000,
                "--latency-duration must be at least 1 s, got " + latencyDuration);
        require(latencyWarmup != null && !latencyWarmup.isNegative(), "latency warm-up must not be negative");
        require(commitIntervalMs >= 0, "--commit-interval must not be negative, got " + commitIntervalMs);
        require(
                importEntries >= 0 && importEntries <= 200_000,
                "--import-entries must be 0 to 200,000 (a snapshot's most), got " + importEntries);
        require(processorHeapMb >= 64, "--processor-heap must be at least 64 MB, got " + processorHeapMb);
    }

    /**
     * {@value #DEFAULT_ACTIONS} actions in {@value #DEFAULT_RUNS} runs, as many realistic actions, 20 s at
     * {@value #DEFAULT_LATENCY_RATE} actions/s, {@code -Xmx256m}: set what differs.
     */
    public static Builder builder() {
        return new Builder();
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

    /** Collects the options; {@link #build()} checks them. */
    public static final class Builder {
        private int actions = DEFAULT_ACTIONS;
        private Path output;
        private int runs = DEFAULT_RUNS;
        /** {@code null}: as many as {@link #actions}. */
        private Integer realisticActions;

        private int latencyRate = DEFAULT_LATENCY_RATE;
        private Duration latencyDuration = DEFAULT_LATENCY_DURATION;
        private long commitIntervalMs;
        private int processorHeapMb = DEFAULT_PROCESSOR_HEAP_MB;
        private Path workDir;
        private Path profileDir;
        private int importEntries = DEFAULT_IMPORT_ENTRIES;

        private Builder() {}

        public Builder actions(int count) {
            actions = count;
            return this;
        }

        public Builder output(Path file) {
            output = file;
            return this;
        }

        public Builder runs(int count) {
            runs = count;
            return this;
        }

        public Builder realisticActions(int count) {
            realisticActions = count;
            return this;
        }

        public Builder latencyRate(int actionsPerSecond) {
            latencyRate = actionsPerSecond;
            return this;
        }

        public Builder latencyDuration(Duration measured) {
            latencyDuration = measured;
            return this;
        }

        public Builder commitIntervalMs(long millis) {
            commitIntervalMs = millis;
            return this;
        }

        public Builder processorHeapMb(int megabytes) {
            processorHeapMb = megabytes;
            return this;
        }

        public Builder workDir(Path dir) {
            workDir = dir;
            return this;
        }

        public Builder profileDir(Path dir) {
            profileDir = dir;
            return this;
        }

        public Builder importEntries(int entries) {
            importEntries = entries;
            return this;
        }

        public BenchmarkOptions build() {
            return new BenchmarkOptions(
                    actions,
                    output,
                    runs,
                    realisticActions == null ? actions : realisticActions,
                    25,
                    1_000,
                    latencyRate,
                    latencyDuration,
                    Duration.ofSeconds(2),
                    commitIntervalMs,
                    processorHeapMb,
                    workDir,
                    profileDir,
                    importEntries,
                    SyntheticLog.DEFAULT_SEED);
        }
    }
}
