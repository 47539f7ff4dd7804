package dev.sanctions.bench;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.core.Topics;
import dev.sanctions.embedded.EmbeddedStack;
import dev.sanctions.embedded.LocalFiles;
import dev.sanctions.processor.setup.PipelineSetup;
import dev.sanctions.producer.AnnouncementPublisher;
import dev.sanctions.producer.PublisherConfig;
import dev.sanctions.registry.client.KafkaVersion;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.serde.AvroSerdeConfig;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The benchmark of docs/benchmark.md: on one fresh in-process broker, in one run, raw Kafka and then the pipeline,
 * with the processor in a JVM of its own.
 *
 * <ol>
 *   <li>raw baseline: Kafka's producer and a plain consumer on the serialized announcements' bytes;</li>
 *   <li>pipeline throughput: one-action announcements published in transactions until every notification is
 *       readable read_committed; then realistic announcements of about 25 actions;</li>
 *   <li>latency at a steady rate, publish to the subscriber's notification;</li>
 *   <li>the processor's memory, then it is stopped;</li>
 *   <li>{@code replay as-of} over the whole log and a {@code subscribe --snapshot} load of the full state, both
 *       checked against the expected fold of the log; each, and the raw consumer they are compared with, in a JVM of
 *       its own ({@link ReadsMain}).</li>
 * </ol>
 * Every phase is preceded by a warm-up that is not measured.
 */
public final class Benchmark {

    private static final int RAW_WARMUP_RECORDS = 100_000;
    private static final Duration REPLY_SLACK = Duration.ofSeconds(60);
    private static final String RAW_TOPIC = "bench.raw.";
    /** For one kind of read in its JVM, its warm-up and every run: at least this long, whatever the runs. */
    private static final Duration READS_TIMEOUT_FLOOR = Duration.ofMinutes(15);
    /** A generous bound on one run of a read (with 200,000 actions a run takes seconds to tens of seconds). */
    private static final Duration READS_TIMEOUT_PER_RUN = Duration.ofMinutes(5);

    private final BenchmarkOptions options;
    private final PrintStream progress;
    private final long started = System.nanoTime();

    private Benchmark(BenchmarkOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs the benchmark, reporting each phase on {@code progress}, and writes the JSON figures to
     * {@link BenchmarkOptions#output()} when one is given.
     *
     * @throws BenchmarkException when a phase fails; the message says what and where the logs are
     */
    public static BenchmarkResult run(BenchmarkOptions options, PrintStream progress) {
        BenchmarkResult result = new Benchmark(options, progress).execute();
        if (options.output() != null) {
            try {
                Path parent = options.output().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(options.output(), result.toJson());
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot write the figures to " + options.output() + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    private BenchmarkResult execute() {
        boolean temporary = options.workDir() == null;
        Path work = workDir();
        boolean finished = false;
        try {
            BenchmarkResult result = measure(work);
            finished = true;
            return result;
        } finally {
            if (temporary && finished) {
                deleteQuietly(work);
            } else {
                say("work files (broker data, processor log) kept in %s", work);
            }
        }
    }

    private BenchmarkResult measure(Path work) {
        say("starting a fresh embedded broker and schema registry in %s", work);
        try (EmbeddedStack stack = EmbeddedStack.start(work.resolve("stack"), 0, 0);
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            String bootstrap = stack.bootstrapServers();
            String registry = stack.schemaRegistryUrl();
            setUpTopics(admin, registry);

            SyntheticLog log = new SyntheticLog(options.seed());
            List<Announcement> warmup = log.announcements(options.warmupActions(), () -> 1);
            List<List<Announcement>> runs = new ArrayList<>();
            for (int run = 0; run < options.runs(); run++) {
                int size = options.actions() / options.runs() + (run < options.actions() % options.runs() ? 1 : 0);
                runs.add(log.announcements(size, () -> 1));
            }
            say("generated %,d one-action announcements (seed %d)", options.actions(), options.seed());

            RawFigures raw = measureRaw(admin, bootstrap, registry, runs);

            Spread pipeline;
            double realisticRate;
            long realisticAnnouncements;
            LatencyProbe.Result latency;
            MemoryReport memory;
            BenchmarkResult.Imports imports;
            long commitIntervalMs;
            List<String> jvmOptions;
            say("starting the processor in its own JVM (-Xmx%dm)", options.processorHeapMb());
            try (ProcessorProcess processor = ProcessorProcess.start(
                            bootstrap,
                            registry,
                            work,
                            options.commitIntervalMs(),
                            options.processorHeapMb(),
                            profiling());
                    NotificationCounter counter = new NotificationCounter(
                            bootstrap, Topics.unprefixed().changes());
                    AnnouncementPublisher publisher =
                            new AnnouncementPublisher(PublisherConfig.builder(bootstrap, registry)
                                    .transactionalId("sanctions-bench")
                                    .build())) {
                commitIntervalMs = processor.commitIntervalMs();
                jvmOptions = processor.jvmOptions();
                say(
                        "processor RUNNING, commit interval %d ms; warm-up: %,d actions",
                        commitIntervalMs, options.warmupActions());
                publishAndAwait(publisher, counter, warmup);
                double[] rates = new double[runs.size()];
                for (int run = 0; run < runs.size(); run++) {
                    rates[run] = publishAndAwait(publisher, counter, runs.get(run));
                    say(
                            "pipeline run %d/%d: %,d actions, %,.0f actions/s",
                            run + 1, runs.size(), runs.get(run).size(), rates[run]);
                }
                pipeline = Spread.of(rates);
                runs.clear();

                List<Announcement> realistic =
                        log.announcements(options.realisticActions(), log.sizesAround(options.realisticSize()));
                realisticAnnouncements = realistic.size();
                realisticRate = realistic.isEmpty() ? Double.NaN : publishAndAwait(publisher, counter, realistic);
                say(
                        "pipeline, realistic announcements: %,d actions in %,d announcements, %,.0f actions/s",
                        options.realisticActions(), realisticAnnouncements, realisticRate);

                List<Announcement> steady =
                        log.announcements(1L + options.latencyWarmupCount() + options.latencyMeasuredCount(), () -> 1);
                say(
                        "latency: %,d actions/s for %d s after a %d s warm-up",
                        options.latencyRate(),
                        options.latencyDuration().toSeconds(),
                        options.latencyWarmup().toSeconds());
                latency = new LatencyProbe(bootstrap, registry)
                        .run(steady, options.latencyRate(), options.latencyWarmupCount(), REPLY_SLACK);
                imports = measureImport(work, bootstrap, registry, publisher);
                memory = processor.memory();
                say("processor memory: peak heap %.0f MB, RSS %.0f MB", mb(memory.peakHeap()), mb(memory.rss()));
            }

            SortedMap<String, DesignationState> expected = log.expectedStates();
            StatesDigest.Digested expectedDigest = StatesDigest.of(expected.values());
            // Each read, and the raw consumer it is compared with, in a JVM of its own as a user runs `replay as-of`
            // or `subscribe --snapshot`: neither carries this JVM's broker or expected fold. Each starts with a
            // warm-up that is not measured, then runs as often as the throughput runs; every run is checked.
            ReadsProcess reads =
                    new ReadsProcess(work, options.profileDir(), bootstrap, registry, readsTimeout(options.runs()));
            say(
                    "reads: each in a JVM of its own (-Xmx%dm), raw consumer first; a warm-up, then %d runs",
                    ReadsProcess.heapMb(), options.runs());
            List<ReadsProcess.Run> rawConsume =
                    measured(reads.run("raw", raw.topics(), run -> sayRun("raw consume", "records", run)));
            List<String> runsArgument = List.of(Integer.toString(options.runs()));
            List<ReadsProcess.Run> replays = reads.run("replay", runsArgument, run -> sayRun("replay", "actions", run));
            List<ReadsProcess.Run> snapshots =
                    reads.run("snapshot", runsArgument, run -> sayRun("snapshot", "designations", run));
            boolean replayMatches = replays.stream().allMatch(run -> expectedDigest.equals(run.digest()));
            boolean snapshotMatches = snapshots.stream().allMatch(run -> expectedDigest.equals(run.digest()));
            long replayActions = replays.get(replays.size() - 1).count();
            long snapshotDesignations = snapshots.get(snapshots.size() - 1).count();
            double[] replayRates = rates(measured(replays));
            double[] snapshotRates = rates(measured(snapshots));
            long snapshotRecords = endOffsets(admin, Topics.unprefixed().designations());
            boolean outputsMatch = replayMatches && snapshotMatches;
            if (!outputsMatch) {
                say(
                        "WARNING: outputs differ from the expected fold of the log: replay %s, snapshot %s",
                        replayMatches ? "agrees" : "differs", snapshotMatches ? "agrees" : "differs");
            }
            long[] latencies = latency.latencies();
            return new BenchmarkResult(
                    new BenchmarkResult.Workload(
                            options.actions(),
                            expected.size(),
                            log.actions(),
                            log.announcements(),
                            mixNames(log.mix()),
                            options.runs(),
                            options.warmupActions(),
                            options.publishBatchActions(),
                            options.seed()),
                    new BenchmarkResult.Throughput(
                            raw.produce(),
                            raw.tunedProduce(),
                            Spread.of(rates(rawConsume)),
                            raw.consume(),
                            raw.recordBytes(),
                            pipeline,
                            options.realisticActions(),
                            realisticAnnouncements == 0
                                    ? Double.NaN
                                    : (double) options.realisticActions() / realisticAnnouncements,
                            realisticRate),
                    new BenchmarkResult.Latency(
                            Statistics.millis(Statistics.percentile(latencies, 50)),
                            Statistics.millis(Statistics.percentile(latencies, 99)),
                            Statistics.millis(Statistics.max(latencies)),
                            latencies.length,
                            options.latencyRate(),
                            latency.sendRate(),
                            options.latencyDuration().toMillis() / 1000.0,
                            LatencyProbe.PRODUCER),
                    new BenchmarkResult.Reads(
                            replayActions,
                            Spread.of(replayRates),
                            snapshotDesignations,
                            snapshotRecords,
                            ReadsProcess.heapMb(),
                            Spread.of(snapshotRates)),
                    new BenchmarkResult.ProcessorFigures(
                            mb(memory.peakHeap()),
                            mb(memory.liveHeap()),
                            mb(memory.rss()),
                            mb(memory.peakRss()),
                            options.processorHeapMb(),
                            commitIntervalMs,
                            jvmOptions),
                    imports,
                    new BenchmarkResult.Environment(
                            KafkaVersion.ofClients(),
                            System.getProperty("java.version"),
                            Runtime.getRuntime().availableProcessors(),
                            System.getProperty("os.name") + " " + System.getProperty("os.arch")),
                    outputsMatch,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** @param topics each raw topic written, warm-up first, as {@code TOPIC:RECORDS}: what the raw consumer reads */
    private record RawFigures(
            Spread produce, Spread tunedProduce, Spread consume, double recordBytes, List<String> topics) {}

    private RawFigures measureRaw(Admin admin, String bootstrap, String registry, List<List<Announcement>> runs) {
        List<byte[]> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long bytes = 0;
        try (SpecificAvroSerializer<Announcement> serializer = new SpecificAvroSerializer<>()) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false);
            for (List<Announcement> run : runs) {
                for (Announcement announcement : run) {
                    byte[] value = serializer.serialize(Topics.unprefixed().announcements(), announcement);
                    values.add(value);
                    keys.add(announcement.getAuthority());
                    bytes += value.length;
                }
            }
        }
        double recordBytes = (double) bytes / values.size();
        RawBaseline raw = new RawBaseline(bootstrap, admin);
        say(
                "raw Kafka: warm-up, then %d runs of %,d records of %.0f bytes on average",
                options.runs(), options.actions(), recordBytes);
        int warmupRecords = Math.min(options.actions(), RAW_WARMUP_RECORDS);
        raw.run(RAW_TOPIC + "warmup", values, keys, warmupRecords);
        List<String> topics = new ArrayList<>();
        topics.add(RAW_TOPIC + "warmup:" + warmupRecords);
        double[] produce = new double[options.runs()];
        double[] tuned = new double[options.runs()];
        double[] consume = new double[options.runs()];
        for (int run = 0; run < options.runs(); run++) {
            RawBaseline.Run figures = raw.run(RAW_TOPIC + run, values, keys, options.actions());
            topics.add(RAW_TOPIC + run + ":" + options.actions());
            produce[run] = figures.produceRecordsPerSecond();
            tuned[run] = figures.tunedProduceRecordsPerSecond();
            consume[run] = figures.consumeRecordsPerSecond();
            say(
                    "raw run %d/%d: produce %,.0f records/s (tuned: %,.0f), consume in this JVM %,.0f records/s",
                    run + 1, options.runs(), produce[run], tuned[run], consume[run]);
        }
        return new RawFigures(
                Spread.of(produce), Spread.of(tuned), Spread.of(consume), recordBytes, List.copyOf(topics));
    }

    /**
     * Publishes the announcements in transactions of about {@link BenchmarkOptions#publishBatchActions()} actions
     * and returns actions per second from the first publish until the last notification is readable.
     */
    private double publishAndAwait(
            AnnouncementPublisher publisher, NotificationCounter counter, List<Announcement> announcements) {
        long actions =
                announcements.stream().mapToLong(a -> a.getActions().size()).sum();
        counter.expect(counter.count() + actions);
        long begin = System.nanoTime();
        List<Announcement> batch = new ArrayList<>();
        int batchActions = 0;
        for (Announcement announcement : announcements) {
            batch.add(announcement);
            batchActions += announcement.getActions().size();
            if (batchActions >= options.publishBatchActions()) {
                publisher.publish(batch);
                batch = new ArrayList<>();
                batchActions = 0;
            }
        }
        publisher.publish(batch);
        long reached = counter.await(REPLY_SLACK.plus(Duration.ofMillis(actions * 2)));
        return Statistics.perSecond(actions, reached - begin);
    }

    /** How long one kind of read may take: its warm-up and {@code runs} runs, never less than the floor. */
    static Duration readsTimeout(int runs) {
        Duration scaled = READS_TIMEOUT_PER_RUN.multipliedBy(runs + 1L);
        return scaled.compareTo(READS_TIMEOUT_FLOOR) > 0 ? scaled : READS_TIMEOUT_FLOOR;
    }

    /** The measured runs: all but the warm-up. */
    private static List<ReadsProcess.Run> measured(List<ReadsProcess.Run> runs) {
        return runs.stream().filter(run -> run.run() > 0).toList();
    }

    private static double[] rates(List<ReadsProcess.Run> runs) {
        return runs.stream().mapToDouble(ReadsProcess.Run::rate).toArray();
    }

    private void sayRun(String read, String unit, ReadsProcess.Run run) {
        say(
                "%s %s: %,d %s, %,.0f %s/s%s",
                read,
                run.run() == 0 ? "warm-up" : "run " + run.run() + "/" + options.runs(),
                run.count(),
                unit,
                run.rate(),
                unit,
                run.digest() == null ? "" : ", " + run.digest().states() + " states checked by digest");
    }

    /**
     * The import phase, while the processor runs warm; its list's designations are in no synthetic announcement,
     * so the checks against the expected fold leave them out ({@link StatesDigest}) and its receipts are its check.
     */
    private BenchmarkResult.Imports measureImport(
            Path work, String bootstrap, String registry, AnnouncementPublisher publisher) {
        if (options.importEntries() == 0) {
            return BenchmarkResult.Imports.none();
        }
        say(
                "import: a generated %,d-entry UN list as a snapshot, then an edition with %.0f%% changed",
                options.importEntries(), BenchmarkOptions.IMPORT_CHANGED_FRACTION * 100);
        ImportPhase.Figures figures = new ImportPhase(
                        work, bootstrap, registry, Topics.unprefixed().receipts(), line -> say("%s", line))
                .run(publisher, options.importEntries(), BenchmarkOptions.IMPORT_CHANGED_FRACTION, options.seed());
        int entries = options.importEntries();
        long designated = figures.first().receipt().getDesignated();
        long amended = figures.second().receipt().getAmended();
        long unchanged = figures.second().receipt().getUnchanged();
        if (designated != entries || amended + unchanged != entries || amended == 0) {
            throw new BenchmarkException("the imported list's receipts are wrong: " + designated + " of " + entries
                    + " designated by the first edition, " + amended + " amended and " + unchanged
                    + " unchanged by the second; see the processor's log in " + work);
        }
        return new BenchmarkResult.Imports(
                entries,
                BenchmarkOptions.IMPORT_CHANGED_FRACTION,
                figures.first().seconds(),
                figures.second().seconds(),
                figures.first().publishedSeconds(),
                figures.second().publishedSeconds(),
                counts(figures.first().receipt()),
                counts(figures.second().receipt()));
    }

    private static Map<String, Integer> counts(AnnouncementReceipt receipt) {
        return Map.of(
                "designated", receipt.getDesignated(),
                "amended", receipt.getAmended(),
                "delisted", receipt.getDelisted(),
                "unchanged", receipt.getUnchanged(),
                "rejected", receipt.getRejected());
    }

    private void setUpTopics(Admin admin, String registry) {
        try (RestSchemaRegistryClient client =
                RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry))) {
            new PipelineSetup(admin, client, Topics.unprefixed(), PipelineSetup.BROKER_DEFAULT, (short)
                            PipelineSetup.BROKER_DEFAULT)
                    .run(SyntheticLog.jurisdictions());
        }
    }

    private static long endOffsets(Admin admin, String topic) {
        try {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (ExecutionException e) {
            throw new BenchmarkException(
                    "cannot read the end offsets of " + topic + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }

    private List<String> profiling() {
        return ChildJvm.flightRecording(options.profileDir(), "processor");
    }

    private Path workDir() {
        try {
            if (options.workDir() != null) {
                return Files.createDirectories(options.workDir());
            }
            return Files.createTempDirectory("sanctions-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> mixNames(Map<SyntheticLog.Kind, Long> mix) {
        return mix.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    private static double mb(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / (1024.0 * 1024.0);
    }

    private void say(String format, Object... arguments) {
        progress.printf(
                Locale.ROOT,
                "[%6.1f s] %s%n",
                (System.nanoTime() - started) / 1e9,
                String.format(Locale.ROOT, format, arguments));
        progress.flush();
    }

    private static void deleteQuietly(Path dir) {
        try {
            LocalFiles.deleteRecursively(dir);
        } catch (UncheckedIOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
