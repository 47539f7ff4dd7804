package dev.sanctions.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Measure;
import dev.sanctions.cli.ConnectionOptions;
import dev.sanctions.cli.Counted;
import dev.sanctions.cli.ExitCodes;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Outcome;
import dev.sanctions.embedded.LocalFiles;
import dev.sanctions.importers.ListFormat;
import dev.sanctions.importers.ListFormats;
import dev.sanctions.importers.ListImport;
import dev.sanctions.importers.PreparedSnapshot;
import dev.sanctions.producer.AnnouncementFiles;
import dev.sanctions.producer.AnnouncementPublisher;
import dev.sanctions.producer.Batch;
import dev.sanctions.producer.ParsedAnnouncement;
import dev.sanctions.producer.Published;
import dev.sanctions.producer.PublisherConfig;
import dev.sanctions.producer.SnapshotSource;
import dev.sanctions.subscriber.ChangeFormat;
import dev.sanctions.subscriber.DesignationListener;
import dev.sanctions.subscriber.PrintingListener;
import dev.sanctions.subscriber.StartPosition;
import dev.sanctions.subscriber.StopCondition;
import dev.sanctions.subscriber.Subscriber;
import dev.sanctions.subscriber.SubscriptionSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Show the pipeline end to end with the bundled examples, then exit.",
            "Starts Kafka, the registry and the processor in a temporary directory, publishes the bundled example",
            "announcements, imports the bundled excerpts of the UN and OFAC lists, and shows what a bank receives.",
            "Leaves nothing running or on disk."
        })
final class DemoCommand implements Callable<Integer>, ConnectionOptions.NotUsed {

    private static final Duration IDLE_LIMIT = Duration.ofSeconds(60);
    private static final String HOME = "JP";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    private PrintWriter out;
    private boolean colour;

    @Override
    public Integer call() throws Exception {
        ConnectionOptions.noteUnused(
                spec.commandLine(), "the demo runs its own broker and registry in a temporary directory.");
        out = spec.commandLine().getOut();
        colour = System.console() != null && System.getenv("NO_COLOR") == null;
        ((Logger) LoggerFactory.getLogger("dev.sanctions")).setLevel(Level.WARN);

        List<Path> files = BundledExamples.files();
        Batch examples = AnnouncementFiles.read(files);
        if (!examples.valid()) {
            throw new IllegalStateException("the bundled examples are invalid: "
                    + examples.problems().get(0).format());
        }
        List<Imported> lists = importedLists();
        List<Announcement> all = new ArrayList<>(examples.announcements().stream()
                .map(ParsedAnnouncement::announcement)
                .toList());
        lists.forEach(list -> all.add(list.whole()));
        Expected expected = Expected.of(all);
        Path dataDir = Files.createTempDirectory("sanctions-demo-");
        long started = System.nanoTime();
        try {
            step(1, "Starting Kafka (KRaft, in-process), the schema registry and the processor in " + dataDir);
            try (EmbeddedPipeline pipeline = EmbeddedPipeline.start(dataDir, 0, 0, 0)) {
                dim("ready: bootstrap=" + pipeline.bootstrapServers() + " registry=" + pipeline.schemaRegistryUrl()
                        + " http=" + pipeline.httpUrl());
                step(
                        2,
                        "A bank subscribes to " + HOME
                                + " (topic sanctions.changes.jp); its notifications appear as they arrive");
                AtomicReference<Exception> failure = new AtomicReference<>();
                AtomicLong received = new AtomicLong();
                Thread bank = follow(pipeline, Set.of(HOME), expected.home, received, failure);
                step(
                        3,
                        "Publishing " + examples.announcements().size() + " announcements from examples/ ("
                                + examples.announcements().stream()
                                        .mapToLong(p ->
                                                p.announcement().getActions().size())
                                        .sum()
                                + " actions), one transaction per file");
                publish(pipeline, files, received);
                bank.join();
                rethrow(failure);

                Set<String> others = new TreeSet<>(expected.byJurisdiction.keySet());
                others.remove(HOME);
                step(
                        4,
                        "Importing real excerpts of official lists (examples/lists/), each as one snapshot of its"
                                + " list");
                importLists(pipeline, lists);
                step(5, "The notifications of the other jurisdictions (" + String.join(", ", others) + ")");
                Thread rest = follow(pipeline, others, expected.changes - expected.home, new AtomicLong(), failure);
                rest.join();
                rethrow(failure);

                step(6, "The resulting designations (sanctions.designations)");
                summarise(snapshot(pipeline));
            }
        } finally {
            LocalFiles.deleteRecursively(dataDir);
        }
        out.printf(
                "%nDone in %.1f s; nothing is left running or on disk. Next: ./sanctions dev, then ./sanctions "
                        + "publish examples/, ./sanctions import un-xml examples/lists/un-consolidated.xml and ./sanctions subscribe"
                        + " --jurisdiction JP --from beginning%n",
                (System.nanoTime() - started) / 1e9);
        out.flush();
        return ExitCodes.OK;
    }

    private Thread follow(
            EmbeddedPipeline pipeline,
            Set<String> jurisdictions,
            long limit,
            AtomicLong received,
            AtomicReference<Exception> failure) {
        SubscriptionSettings settings = SubscriptionSettings.builder(
                        pipeline.bootstrapServers(), pipeline.schemaRegistryUrl())
                .jurisdictions(jurisdictions)
                .from(StartPosition.parse("beginning"))
                .build();
        PrintingListener printer =
                new PrintingListener(ChangeFormat.TABLE, out, spec.commandLine().getErr());
        DesignationListener counting = new DesignationListener() {
            @Override
            public void onChange(DesignationChange change) {
                printer.onChange(change);
                received.incrementAndGet();
            }

            @Override
            public void onGap(String designationKey, long expectedVersion, long receivedVersion) {
                printer.onGap(designationKey, expectedVersion, receivedVersion);
            }
        };
        Thread thread = new Thread(
                () -> {
                    if (limit == 0) {
                        return;
                    }
                    try (Subscriber subscriber = new Subscriber(settings)) {
                        subscriber.run(
                                counting, StopCondition.never().withLimit(limit).withMaxIdle(IDLE_LIMIT));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                },
                "demo-bank");
        thread.start();
        return thread;
    }

    /**
     * Publishes file by file, each in its own transaction, and after each waits until the bank has received that
     * file's notifications, so the output shows every announcement followed by what it caused and how long it took.
     */
    private void publish(EmbeddedPipeline pipeline, List<Path> files, AtomicLong received) throws InterruptedException {
        LogFold fold = new LogFold();
        long expected = 0;
        try (AnnouncementPublisher publisher = new AnnouncementPublisher(
                PublisherConfig.builder(pipeline.bootstrapServers(), pipeline.schemaRegistryUrl())
                        .build())) {
            for (Path file : files) {
                List<Announcement> announcements = AnnouncementFiles.read(List.of(file)).announcements().stream()
                        .map(ParsedAnnouncement::announcement)
                        .toList();
                long caused = announcements.stream()
                        .flatMap(a -> fold.apply(a).stream())
                        .filter(o -> o instanceof Outcome.Changed c
                                && c.change().getJurisdiction().equals(HOME))
                        .count();
                expected += caused;
                long sent = System.nanoTime();
                publisher.publish(announcements);
                for (Announcement announcement : announcements) {
                    dim("published " + announcement.getAnnouncementId() + " (" + announcement.getAuthority() + ", "
                            + Counted.of(announcement.getActions().size(), "action") + "): " + announcement.getTitle());
                }
                if (caused > 0) {
                    awaitCount(received, expected);
                    dim(String.format(
                            "-> %d notification(s) for %s, received %d ms after publishing",
                            caused, HOME, (System.nanoTime() - sent) / 1_000_000));
                }
            }
        }
    }

    private static void awaitCount(AtomicLong received, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + IDLE_LIMIT.toNanos();
        while (received.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the bank received " + received.get() + " of " + expected + " notifications within "
                                + IDLE_LIMIT.toSeconds() + " s; the processor may be stuck: see the log");
            }
            Thread.sleep(5);
        }
    }

    private List<DesignationState> snapshot(EmbeddedPipeline pipeline) {
        List<DesignationState> states = new ArrayList<>();
        SubscriptionSettings settings = SubscriptionSettings.builder(
                        pipeline.bootstrapServers(), pipeline.schemaRegistryUrl())
                .snapshot(true)
                .build();
        try (Subscriber subscriber = new Subscriber(settings)) {
            subscriber.run(
                    new DesignationListener() {
                        @Override
                        public void onSnapshot(DesignationState state) {
                            states.add(state);
                        }

                        @Override
                        public void onChange(DesignationChange change) {
                            // The pipeline is idle by now; the snapshot is the whole answer.
                        }
                    },
                    StopCondition.never().withMaxIdle(Duration.ofMillis(200)));
        }
        return states;
    }

    private void summarise(List<DesignationState> states) {
        SortedMap<String, long[]> byJurisdiction = new TreeMap<>();
        SortedMap<String, Long> byMeasure = new TreeMap<>();
        for (DesignationState state : states) {
            long[] counts = byJurisdiction.computeIfAbsent(state.getJurisdiction(), j -> new long[2]);
            counts[state.getStatus() == DesignationStatus.ACTIVE ? 0 : 1]++;
            if (state.getStatus() == DesignationStatus.ACTIVE) {
                state.getMeasures().stream()
                        .map(Measure::getType)
                        .map(Enum::name)
                        .distinct()
                        .forEach(type -> byMeasure.merge(type, 1L, Long::sum));
            }
        }
        out.printf("%-14s %8s %9s%n", "JURISDICTION", "ACTIVE", "DELISTED");
        byJurisdiction.forEach(
                (jurisdiction, counts) -> out.printf("%-14s %8d %9d%n", jurisdiction, counts[0], counts[1]));
        long active = byJurisdiction.values().stream().mapToLong(c -> c[0]).sum();
        long delisted = byJurisdiction.values().stream().mapToLong(c -> c[1]).sum();
        out.printf("%-14s %8d %9d%n%n", "total", active, delisted);
        out.printf("%-26s %s%n", "MEASURE (active)", "DESIGNATIONS");
        byMeasure.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.printf("%-26s %d%n", e.getKey(), e.getValue()));
        out.flush();
    }

    private void step(int number, String text) {
        out.println();
        out.println(colour ? "\033[1m[" + number + "/6] " + text + "\033[0m" : "[" + number + "/6] " + text);
        out.flush();
    }

    private void dim(String text) {
        out.println(colour ? "\033[2m  " + text + "\033[0m" : "  " + text);
        out.flush();
    }

    private static void rethrow(AtomicReference<Exception> failure) throws Exception {
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** What the processor will notify, computed with the same fold: how many changes to wait for, per jurisdiction. */
    /** An official list read from the bundled excerpt: to publish streamed, and whole to know what it causes. */
    private record Imported(String file, PreparedSnapshot snapshot, Announcement whole) {}

    private static List<Imported> importedLists() throws IOException {
        List<Imported> lists = new ArrayList<>();
        for (String[] list : List.of(
                new String[] {"un-xml", "un-consolidated.xml"}, new String[] {"ofac-xml", "CONSOLIDATED.XML"})) {
            ListFormat format = ListFormats.named(list[0]).orElseThrow();
            ListImport.Result result =
                    ListImport.prepare(format, List.of(BundledExamples.list(list[1])), ListImport.Options.defaults());
            PreparedSnapshot snapshot = result.snapshot()
                    .orElseThrow(() -> new IllegalStateException("the bundled list " + list[1] + " is invalid: "
                            + result.problems().get(0).format()));
            List<Action> entries = new ArrayList<>();
            snapshot.forEachEntry(entries::add);
            Announcement whole = Announcement.newBuilder(snapshot.header())
                    .setActions(entries)
                    .build();
            lists.add(new Imported("examples/lists/" + list[1], snapshot, whole));
        }
        return lists;
    }

    /** What 'sanctions import' does: each list streamed to the publisher, one transaction per list. */
    private void importLists(EmbeddedPipeline pipeline, List<Imported> lists) {
        try (AnnouncementPublisher publisher = new AnnouncementPublisher(
                PublisherConfig.builder(pipeline.bootstrapServers(), pipeline.schemaRegistryUrl())
                        .build())) {
            for (Imported list : lists) {
                PreparedSnapshot snapshot = list.snapshot();
                List<Published> published = publisher.publishSnapshot(
                        SnapshotSource.of(snapshot::header, snapshot::forEachEntry, snapshot::encodedSizes));
                Announcement header = snapshot.header();
                dim("imported " + list.file() + " as " + header.getAnnouncementId() + " ("
                        + header.getAuthority() + " list " + header.getList() + ", "
                        + Counted.of(snapshot.entryCount(), "entry", "entries") + ", "
                        + Counted.of(published.size(), "part") + ", publishedAt " + header.getPublishedAt() + ")");
            }
        }
    }

    private record Expected(long actions, long changes, long home, Map<String, Long> byJurisdiction) {
        static Expected of(List<Announcement> announcements) {
            LogFold fold = new LogFold();
            Map<String, Long> byJurisdiction = new TreeMap<>();
            long actions = 0;
            long changes = 0;
            for (Announcement announcement : announcements) {
                actions += announcement.getActions().size();
                for (Outcome outcome : fold.apply(announcement)) {
                    if (outcome instanceof Outcome.Changed changed) {
                        changes++;
                        byJurisdiction.merge(changed.change().getJurisdiction(), 1L, Long::sum);
                    }
                }
            }
            return new Expected(actions, changes, byJurisdiction.getOrDefault(HOME, 0L), byJurisdiction);
        }
    }
}
