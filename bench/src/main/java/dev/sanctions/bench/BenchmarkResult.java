package dev.sanctions.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one benchmark run (docs/benchmark.md), with the ratios against raw Kafka measured in the same run and
 * the project's targets. {@link #toJson()} gives the JSON of docs/benchmark.md, {@link #table()} a short table.
 */
public record BenchmarkResult(
        Workload workload,
        Throughput throughput,
        Latency latency,
        Reads reads,
        ProcessorFigures processor,
        Imports imports,
        Environment environment,
        boolean outputsMatch,
        double wallTimeSeconds) {

    /** Designations needed for the heap target to apply. */
    static final long HEAP_TARGET_DESIGNATIONS = 100_000;

    /**
     * @param actions actions measured for the throughput figure (one per announcement)
     * @param designations designations in the final state
     * @param logActions actions in the whole log (warm-up, throughput, realistic and latency phases)
     * @param mix actions of each kind in the whole log
     */
    public record Workload(
            long actions,
            long designations,
            long logActions,
            long logAnnouncements,
            Map<String, Long> mix,
            int runs,
            int warmupActions,
            int publishBatchActions,
            long seed) {
        public Workload {
            mix = Map.copyOf(mix);
        }
    }

    /**
     * Records or actions per second; raw figures use records of {@code rawRecordBytes} on average. {@code
     * rawProduceTuned} is the producer tuned as Kafka's {@code ProducerPerformance} runs it ({@link RawBaseline}).
     * {@code rawConsume} is the plain consumer in a JVM of its own like the reads it is compared with; {@code
     * rawConsumeBenchJvm} the same consumer in the benchmark's JVM right after the records were written.
     */
    public record Throughput(
            Spread rawProduce,
            Spread rawProduceTuned,
            Spread rawConsume,
            Spread rawConsumeBenchJvm,
            double rawRecordBytes,
            Spread pipeline,
            long realisticActions,
            double realisticActionsPerAnnouncement,
            double realisticActionsPerSecond) {}

    /** Publish to notification received, at a steady {@code rate} actions per second. */
    public record Latency(
            double p50Ms,
            double p99Ms,
            double maxMs,
            int samples,
            int rate,
            double sendRate,
            double seconds,
            String producer) {}

    /**
     * Replay and snapshot rates, measured {@code runs} times each; the figures are their medians. Each kind of read,
     * and the raw consumer, ran in a JVM of its own with {@code -Xmx} of {@code jvmXmxMb}.
     */
    public record Reads(
            long replayActions,
            Spread replay,
            long snapshotDesignations,
            long snapshotRecords,
            long jvmXmxMb,
            Spread snapshot) {

        public double replayActionsPerSecond() {
            return replay.median();
        }

        public double snapshotDesignationsPerSecond() {
            return snapshot.median();
        }
    }

    public record ProcessorFigures(
            double peakHeapMb,
            double liveHeapMb,
            double rssMb,
            double peakRssMb,
            int xmxMb,
            long commitIntervalMs,
            List<String> jvmOptions) {
        public ProcessorFigures {
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /**
     * A generated list of {@code entries} imported as a full-list snapshot ({@link ImportPhase}), seconds from the
     * import to its receipt readable; then a second edition in which {@code changedFraction} of the entries changed.
     * Of those seconds, {@code *PublishedSeconds} passed until the publisher had committed (the importer reading
     * the file and publishing it; the rest is the processor's). The counts are those of each receipt. {@code
     * entries} 0: not measured (every figure NaN).
     */
    public record Imports(
            int entries,
            double changedFraction,
            double firstSeconds,
            double secondSeconds,
            double firstPublishedSeconds,
            double secondPublishedSeconds,
            Map<String, Integer> firstCounts,
            Map<String, Integer> secondCounts) {
        public Imports {
            firstCounts = Map.copyOf(firstCounts);
            secondCounts = Map.copyOf(secondCounts);
        }

        static Imports none() {
            return new Imports(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of(), Map.of());
        }

        public double entriesPerSecond() {
            return entries == 0 ? Double.NaN : entries / firstSeconds;
        }
    }

    public record Environment(String kafkaVersion, String javaVersion, int cores, String os) {}

    /** One target: {@code value comparison limit}; {@code met} is null when the target does not apply. */
    public record Check(String name, double value, String comparison, double limit, Boolean met) {}

    public double throughputRatio() {
        return Statistics.ratio(
                throughput.pipeline().median(), throughput.rawProduce().median());
    }

    /** The pipeline against the tuned producer: the stricter comparison. */
    public double tunedThroughputRatio() {
        return Statistics.ratio(
                throughput.pipeline().median(), throughput.rawProduceTuned().median());
    }

    public double realisticRatio() {
        return Statistics.ratio(
                throughput.realisticActionsPerSecond(), throughput.rawProduce().median());
    }

    public double replayRatio() {
        return Statistics.ratio(
                reads.replayActionsPerSecond(), throughput.rawConsume().median());
    }

    public double snapshotRatio() {
        return Statistics.ratio(
                reads.snapshotDesignationsPerSecond(), throughput.rawConsume().median());
    }

    /** The targets of the project, judged on these figures. */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        checks.add(atLeast("throughput_ratio", throughputRatio(), 0.25));
        checks.add(atMost("latency_p99_ms", latency.p99Ms(), 100));
        checks.add(atLeast("replay_ratio", replayRatio(), 0.5));
        checks.add(atLeast("snapshot_ratio", snapshotRatio(), 0.5));
        checks.add(measuredIf(imports.entries() > 0, atMost("snapshot_apply_s", imports.firstSeconds(), 10)));
        checks.add(measuredIf(imports.entries() > 0, atMost("snapshot_second_edition_s", imports.secondSeconds(), 3)));
        checks.add(measuredIf(
                workload.designations() >= HEAP_TARGET_DESIGNATIONS,
                atMost("processor_peak_heap_mb", processor.peakHeapMb(), 256)));
        return checks;
    }

    /** The check, or when it does not apply the same without a verdict. */
    private static Check measuredIf(boolean applies, Check check) {
        return applies ? check : new Check(check.name(), check.value(), check.comparison(), check.limit(), null);
    }

    /** The JSON of docs/benchmark.md and more, pretty-printed; a figure that could not be computed is null. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode json = mapper.createObjectNode();
        put(json, "raw_produce_records_per_s", throughput.rawProduce().median());
        put(json, "raw_record_bytes", throughput.rawRecordBytes());
        put(json, "raw_consume_records_per_s", throughput.rawConsume().median());
        put(json, "pipeline_actions_per_s", throughput.pipeline().median());
        put(json, "throughput_ratio", throughputRatio());
        put(json, "latency_p50_ms", latency.p50Ms());
        put(json, "latency_p99_ms", latency.p99Ms());
        put(json, "latency_max_ms", latency.maxMs());
        put(json, "replay_actions_per_s", reads.replayActionsPerSecond());
        put(json, "replay_ratio", replayRatio());
        put(json, "snapshot_designations_per_s", reads.snapshotDesignationsPerSecond());
        put(json, "processor_peak_heap_mb", processor.peakHeapMb());
        put(json, "processor_rss_mb", processor.rssMb());
        put(json, "import_entries_per_s", imports.entriesPerSecond());
        put(json, "snapshot_apply_s", imports.firstSeconds());
        put(json, "snapshot_second_edition_s", imports.secondSeconds());
        json.put("actions", workload.actions());
        json.put("designations", workload.designations());
        json.put("kafka_version", environment.kafkaVersion());
        json.put("java_version", environment.javaVersion());
        json.put("cores", environment.cores());

        put(
                json,
                "raw_produce_tuned_records_per_s",
                throughput.rawProduceTuned().median());
        put(json, "tuned_throughput_ratio", tunedThroughputRatio());
        put(json, "realistic_pipeline_actions_per_s", throughput.realisticActionsPerSecond());
        put(json, "realistic_throughput_ratio", realisticRatio());
        json.put("realistic_actions", throughput.realisticActions());
        put(json, "realistic_actions_per_announcement", throughput.realisticActionsPerAnnouncement());
        put(json, "snapshot_ratio", snapshotRatio());
        json.put("snapshot_records", reads.snapshotRecords());
        json.put("snapshot_designations", reads.snapshotDesignations());
        json.put("replay_actions", reads.replayActions());
        json.put("reads_jvm_xmx_mb", reads.jvmXmxMb());
        put(
                json,
                "raw_consume_bench_jvm_records_per_s",
                throughput.rawConsumeBenchJvm().median());
        json.put("latency_samples", latency.samples());
        json.put("latency_rate_per_s", latency.rate());
        put(json, "latency_send_rate_per_s", latency.sendRate());
        put(json, "latency_duration_s", latency.seconds());
        json.put("latency_producer", latency.producer());
        json.put("latency_percentiles", "nearest-rank");
        json.put("import_entries", imports.entries());
        put(json, "import_changed_fraction", imports.changedFraction());
        put(json, "import_published_s", imports.firstPublishedSeconds());
        put(json, "import_second_edition_published_s", imports.secondPublishedSeconds());
        ObjectNode firstCounts = json.putObject("import_first_edition");
        new TreeMap<>(imports.firstCounts()).forEach(firstCounts::put);
        ObjectNode secondCounts = json.putObject("import_second_edition");
        new TreeMap<>(imports.secondCounts()).forEach(secondCounts::put);
        put(json, "processor_live_heap_mb", processor.liveHeapMb());
        put(json, "processor_peak_rss_mb", processor.peakRssMb());
        json.put("processor_xmx_mb", processor.xmxMb());
        ArrayNode jvmOptions = json.putArray("processor_jvm_options");
        processor.jvmOptions().forEach(jvmOptions::add);
        json.put("commit_interval_ms", processor.commitIntervalMs());
        json.put("publish_batch_actions", workload.publishBatchActions());
        json.put("runs", workload.runs());
        json.put("warmup_actions", workload.warmupActions());
        json.put("log_actions", workload.logActions());
        json.put("log_announcements", workload.logAnnouncements());
        ObjectNode mix = json.putObject("action_mix");
        new TreeMap<>(workload.mix()).forEach(mix::put);
        json.put("seed", workload.seed());
        ObjectNode spread = json.putObject("spread");
        spread(spread, "raw_produce_records_per_s", throughput.rawProduce());
        spread(spread, "raw_produce_tuned_records_per_s", throughput.rawProduceTuned());
        spread(spread, "raw_consume_records_per_s", throughput.rawConsume());
        spread(spread, "raw_consume_bench_jvm_records_per_s", throughput.rawConsumeBenchJvm());
        spread(spread, "pipeline_actions_per_s", throughput.pipeline());
        spread(spread, "replay_actions_per_s", reads.replay());
        spread(spread, "snapshot_designations_per_s", reads.snapshot());
        json.put("outputs_match", outputsMatch);
        ObjectNode targets = json.putObject("targets");
        for (Check check : checks()) {
            ObjectNode target = targets.putObject(check.name());
            put(target, "value", check.value());
            target.put("target", check.comparison() + " " + format(check.limit()));
            if (check.met() == null) {
                target.putNull("met");
            } else {
                target.put("met", check.met());
            }
        }
        json.put("os", environment.os());
        put(json, "wall_time_s", wallTimeSeconds);
        try {
            return mapper.writeValueAsString(json) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the figures as JSON", e);
        }
    }

    /** A short table for people: the figures, the raw baseline beside them, the ratios and the targets. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Sanctions pipeline benchmark: %,d actions (%,d in the whole log), "
                        + "%,d designations; Kafka %s, Java %s, %d cores%n",
                workload.actions(),
                workload.logActions(),
                workload.designations(),
                environment.kafkaVersion(),
                environment.javaVersion(),
                environment.cores()));
        out.append(String.format(
                Locale.ROOT,
                "Throughput, replay and snapshot: median of %d runs (min-max); warm-up excluded. Processor:"
                        + " own JVM, -Xmx%dm, commit interval %d ms, exactly_once_v2.%n",
                workload.runs(),
                processor.xmxMb(),
                processor.commitIntervalMs()));
        String row = "%-44s %-34s %-22s %s%n";
        out.append(String.format(Locale.ROOT, row, "figure", "measured", "ratio", "target"));
        out.append(String.format(
                Locale.ROOT,
                row,
                "raw produce (acks=all, idempotent)",
                rate(throughput.rawProduce(), "rec/s"),
                String.format(Locale.ROOT, "%,.0f B/record", throughput.rawRecordBytes()),
                ""));
        out.append(String.format(
                Locale.ROOT,
                row,
                "raw produce, tuned (keyless, batch 256 KiB)",
                rate(throughput.rawProduceTuned(), "rec/s"),
                "",
                ""));
        out.append(String.format(
                Locale.ROOT,
                row,
                "raw consume, own JVM like the reads",
                rate(throughput.rawConsume(), "rec/s"),
                String.format(Locale.ROOT, "-Xmx%dm", reads.jvmXmxMb()),
                ""));
        out.append(String.format(
                Locale.ROOT,
                row,
                "raw consume, benchmark's JVM (broker's)",
                rate(throughput.rawConsumeBenchJvm(), "rec/s"),
                "",
                ""));
        out.append(String.format(
                Locale.ROOT,
                row,
                "pipeline, 1 action/announcement",
                rate(throughput.pipeline(), "actions/s"),
                ratio(throughputRatio(), "raw produce"),
                verdict("throughput_ratio")));
        out.append(String.format(Locale.ROOT, row, "", "", ratio(tunedThroughputRatio(), "tuned produce"), ""));
        out.append(String.format(
                Locale.ROOT,
                row,
                String.format(
                        Locale.ROOT,
                        "pipeline, ~%.0f actions/announcement",
                        throughput.realisticActionsPerAnnouncement()),
                String.format(Locale.ROOT, "%,.0f actions/s", throughput.realisticActionsPerSecond()),
                ratio(realisticRatio(), "raw produce"),
                ""));
        out.append(String.format(
                Locale.ROOT,
                row,
                String.format(Locale.ROOT, "latency p50/p99/max at %,d/s", latency.rate()),
                String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", latency.p50Ms(), latency.p99Ms(), latency.maxMs()),
                String.format(Locale.ROOT, "%,d samples", latency.samples()),
                verdict("latency_p99_ms")));
        out.append(String.format(
                Locale.ROOT,
                row,
                "replay as-of, whole log",
                rate(reads.replay(), "actions/s"),
                ratio(replayRatio(), "raw consume"),
                verdict("replay_ratio")));
        out.append(String.format(
                Locale.ROOT,
                row,
                "subscribe --snapshot, full state",
                rate(reads.snapshot(), "designations/s"),
                ratio(snapshotRatio(), "raw consume"),
                verdict("snapshot_ratio")));
        if (imports.entries() == 0) {
            out.append(String.format(
                    Locale.ROOT,
                    row,
                    "import of a list",
                    "not measured (--import-entries 0)",
                    "",
                    verdict("snapshot_apply_s")));
        } else {
            out.append(String.format(
                    Locale.ROOT,
                    row,
                    String.format(Locale.ROOT, "import, %,d-entry list, to receipt", imports.entries()),
                    String.format(Locale.ROOT, "%.1f s", imports.firstSeconds()),
                    String.format(Locale.ROOT, "%,.0f entries/s", imports.entriesPerSecond()),
                    verdict("snapshot_apply_s")));
            out.append(String.format(
                    Locale.ROOT,
                    row,
                    String.format(
                            Locale.ROOT, "import, next edition (%.0f%% changed)", imports.changedFraction() * 100),
                    String.format(Locale.ROOT, "%.1f s", imports.secondSeconds()),
                    "",
                    verdict("snapshot_second_edition_s")));
        }
        out.append(String.format(
                Locale.ROOT,
                row,
                "processor heap peak (live after GC)",
                String.format(Locale.ROOT, "%.0f MB (%.0f MB)", processor.peakHeapMb(), processor.liveHeapMb()),
                "",
                verdict("processor_peak_heap_mb")));
        out.append(String.format(
                Locale.ROOT,
                row,
                "processor RSS at end (peak)",
                String.format(Locale.ROOT, "%.0f MB (%.0f MB)", processor.rssMb(), processor.peakRssMb()),
                "",
                ""));
        out.append(
                outputsMatch
                        ? "Outputs checked: the processor's designations and the replay equal the expected"
                                + " fold of the log.\n"
                        : "WARNING: the processor's designations or the replay differ from the"
                                + " expected fold of the log: the figures are not trustworthy.\n");
        out.append(String.format(Locale.ROOT, "Wall time %.0f s.%n", wallTimeSeconds));
        return out.toString();
    }

    private Check atLeast(String name, double value, double limit) {
        return new Check(name, value, ">=", limit, Double.isNaN(value) ? Boolean.FALSE : value >= limit);
    }

    private Check atMost(String name, double value, double limit) {
        return new Check(name, value, "<=", limit, Double.isNaN(value) ? Boolean.FALSE : value <= limit);
    }

    private String verdict(String name) {
        for (Check check : checks()) {
            if (check.name().equals(name)) {
                String met = check.met() != null
                        ? check.met() ? "met" : "MISSED"
                        : name.startsWith("processor") ? "n/a (< 100k designations)" : "n/a (not measured)";
                return check.comparison() + " " + format(check.limit()) + " " + met;
            }
        }
        throw new IllegalArgumentException("no target " + name);
    }

    private static String rate(Spread spread, String unit) {
        if (spread.runs().size() == 1) {
            return String.format(Locale.ROOT, "%,.0f %s", spread.median(), unit);
        }
        return String.format(Locale.ROOT, "%,.0f %s (%,.0f-%,.0f)", spread.median(), unit, spread.min(), spread.max());
    }

    private static String ratio(double value, String against) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f of %s", value, against);
    }

    private static String format(double limit) {
        return limit == Math.rint(limit) ? String.valueOf((long) limit) : String.valueOf(limit);
    }

    private static void put(ObjectNode json, String name, double value) {
        if (Double.isFinite(value)) {
            json.put(name, Math.round(value * 1000) / 1000.0);
        } else {
            json.putNull(name);
        }
    }

    private static void spread(ObjectNode parent, String name, Spread spread) {
        ObjectNode node = parent.putObject(name);
        put(node, "median", spread.median());
        put(node, "min", spread.min());
        put(node, "max", spread.max());
        ArrayNode runs = node.putArray("runs");
        spread.runs().forEach(value -> runs.add(Math.round(value * 1000) / 1000.0));
    }
}
