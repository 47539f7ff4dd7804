package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestConsumers;
import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubscriberIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough for the last records to arrive; the tests that use it expect nothing more after them. */
    private static final StopCondition UNTIL_QUIET = StopCondition.never().withMaxIdle(Duration.ofSeconds(2));

    private String prefix;

    @BeforeEach
    void ownTopics() {
        prefix = UniqueNames.of("sub") + ".";
        ProcessorDouble.createTopics(KAFKA.bootstrapServers(), prefix, "JP", "US", "EU");
    }

    @Test
    void fromTheBeginningDeliversEveryNotificationOncePerKeyInVersionOrder() {
        try (ProcessorDouble processor = processor()) {
            for (int version = 1; version <= 3; version++) {
                processor.publish(
                        Designations.change("JP-MOFA/A", "JP", version),
                        Designations.change("US-OFAC/B", "US", version),
                        Designations.change("EU-COUNCIL/C", "EU", version));
            }
        }
        Recorder recorder = new Recorder();

        new Subscriber(settings().from(StartPosition.BEGINNING).build()).run(recorder, UNTIL_QUIET);

        assertThat(versionsByKey(recorder.changes))
                .isEqualTo(Map.of(
                        "JP-MOFA/A",
                        List.of(1L, 2L, 3L),
                        "US-OFAC/B",
                        List.of(1L, 2L, 3L),
                        "EU-COUNCIL/C",
                        List.of(1L, 2L, 3L)));
        assertThat(recorder.gaps).isEmpty();
        assertThat(recorder.snapshot).isEmpty();
    }

    @Test
    void chosenJurisdictionsGetOnlyTheirNotifications() {
        try (ProcessorDouble processor = processor()) {
            processor.publish(
                    Designations.change("JP-MOFA/A", "JP", 1),
                    Designations.change("US-OFAC/B", "US", 1),
                    Designations.change("EU-COUNCIL/C", "EU", 1),
                    Designations.change("JP-METI/D", "JP", 1));
        }
        Recorder recorder = new Recorder();

        new Subscriber(settings()
                        .from(StartPosition.BEGINNING)
                        .jurisdictions(List.of("jp", "EU"))
                        .build())
                .run(recorder, UNTIL_QUIET);

        assertThat(recorder.changeIds()).containsExactlyInAnyOrder("JP-MOFA/A@1", "EU-COUNCIL/C@1", "JP-METI/D@1");
    }

    @Test
    void latestDeliversOnlyWhatIsCommittedAfterTheStart() {
        try (ProcessorDouble processor = processor()) {
            processor.publish(
                    Designations.change("JP-MOFA/OLD-1", "JP", 1), Designations.change("JP-MOFA/OLD-2", "JP", 1));
        }
        // A commit returns before its markers reach the partitions; until then the transaction is still open to a
        // reader, and "latest" (the last stable offset) rightly lies before it.
        TestConsumers.readCommitted(
                KAFKA.bootstrapServers(),
                prefix + "sanctions.changes",
                new StringDeserializer(),
                new ByteArrayDeserializer(),
                2,
                WAIT);
        Subscriber subscriber = new Subscriber(settings().build());
        Recorder recorder = new Recorder();
        CompletableFuture<Void> run = inBackground(subscriber, recorder, StopCondition.never());

        // The test cannot see when the subscriber has fixed its start, so it writes until something arrives.
        int written = 0;
        try (ProcessorDouble processor = processor()) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (recorder.changes.size() < 3 && System.nanoTime() < deadline) {
                written++;
                processor.publish(Designations.change("JP-MOFA/NEW-" + written, "JP", 1));
            }
        }
        String last = "JP-MOFA/NEW-" + written;
        await().atMost(WAIT).until(() -> recorder.changeIds().contains(last + "@1"));
        subscriber.wakeup();
        run.join();

        List<Integer> received = recorder.changes.stream()
                .map(c -> c.getDesignationKey())
                .peek(key -> assertThat(key).startsWith("JP-MOFA/NEW-"))
                .map(key -> Integer.parseInt(key.substring("JP-MOFA/NEW-".length())))
                .sorted()
                .toList();
        int first = received.get(0);
        assertThat(received)
                .as("every notification after the start, once")
                .isEqualTo(IntStream.rangeClosed(first, written).boxed().toList());
    }

    @Test
    void fromAnInstantStartsAtTheFirstNotificationPublishedAtOrAfterIt() {
        try (ProcessorDouble processor = processor()) {
            for (int version = 1; version <= 4; version++) {
                processor.publish(Designations.change("JP-MOFA/A", "JP", version));
            }
        }
        // Version v is published at FIRST_DESIGNATED + v hours.
        Instant between2and3 = Designations.FIRST_DESIGNATED.plus(Duration.ofMinutes(150));
        Recorder recorder = new Recorder();

        new Subscriber(settings()
                        .from(new StartPosition.AtInstant(between2and3))
                        .build())
                .run(recorder, UNTIL_QUIET);

        assertThat(recorder.changeIds()).containsExactly("JP-MOFA/A@3", "JP-MOFA/A@4");
        assertThat(recorder.gaps).as("starting mid-stream is not a gap").isEmpty();
    }

    @Test
    void aVersionGapIsReportedAndTheChangeStillDelivered() {
        try (ProcessorDouble processor = processor()) {
            processor.publish(Designations.change("JP-MOFA/A", "JP", 1));
            processor.publish(Designations.change("JP-MOFA/A", "JP", 3));
            processor.publish(Designations.change("JP-MOFA/A", "JP", 3));
        }
        Recorder recorder = new Recorder();

        new Subscriber(settings().from(StartPosition.BEGINNING).build()).run(recorder, UNTIL_QUIET);

        assertThat(recorder.gaps).containsExactly(new Recorder.Gap("JP-MOFA/A", 2, 3));
        assertThat(recorder.changeIds())
                .as("the repeated version 3 is dropped")
                .containsExactly("JP-MOFA/A@1", "JP-MOFA/A@3");
    }

    @Test
    void aGroupCommitsOnlyWhatTheHandlerReturnedFrom() {
        List<DesignationChange> all = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> Designations.change("JP-MOFA/K" + i, "JP", 1))
                .toList();
        try (ProcessorDouble processor = processor()) {
            processor.publish(all);
        }
        String group = UniqueNames.of("bank");
        SubscriptionSettings settings =
                settings().group(group).from(StartPosition.BEGINNING).build();
        Recorder failing = new Recorder(change -> change.getDesignationKey().equals("JP-MOFA/K3"));

        assertThatThrownBy(() -> new Subscriber(settings).run(failing, UNTIL_QUIET))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the bank's handler failed");
        Recorder restarted = new Recorder();
        new Subscriber(settings).run(restarted, UNTIL_QUIET);

        assertThat(restarted.changeIds()).contains("JP-MOFA/K3@1").doesNotContainAnyElementsOf(failing.changeIds());
        List<String> together = new ArrayList<>(failing.changeIds());
        together.addAll(restarted.changeIds());
        assertThat(together)
                .containsExactlyInAnyOrderElementsOf(
                        all.stream().map(c -> c.getDesignationKey() + "@1").toList());

        Recorder third = new Recorder();
        new Subscriber(settings).run(third, StopCondition.never().withMaxIdle(Duration.ofSeconds(1)));
        assertThat(third.changes).as("everything handled was committed").isEmpty();
    }

    @Test
    void aSnapshotHoldsTheMatchingStatesAndNotificationsFollowOnWithoutOverlap() {
        try (ProcessorDouble processor = processor()) {
            processor.publish(
                    Designations.change("JP-MOFA/B", "JP", 1),
                    Designations.change("JP-MOFA/A", "JP", 1),
                    Designations.change("US-OFAC/C", "US", 1));
            processor.publish(Designations.change("JP-MOFA/A", "JP", 2));
        }
        Subscriber subscriber = new Subscriber(
                settings().jurisdictions(Set.of("JP")).snapshot(true).build());
        Recorder recorder = new Recorder();
        CompletableFuture<Void> run =
                inBackground(subscriber, recorder, StopCondition.never().withLimit(2));

        await().atMost(WAIT).until(() -> recorder.snapshot.size() == 2);
        try (ProcessorDouble processor = processor()) {
            processor.publish(Designations.change("JP-MOFA/A", "JP", 3), Designations.change("US-OFAC/C", "US", 2));
            processor.publish(Designations.change("JP-MOFA/NEW", "JP", 1));
        }
        run.join();

        assertThat(recorder.snapshot)
                .extracting(s -> s.getDesignationKey() + "@" + s.getVersion())
                .containsExactly("JP-MOFA/A@2", "JP-MOFA/B@1");
        assertThat(recorder.changeIds()).containsExactlyInAnyOrder("JP-MOFA/A@3", "JP-MOFA/NEW@1");
        assertThat(recorder.gaps).isEmpty();
        // Four records on the designations topic (A twice), counted while read, then done before the first state.
        assertThat(recorder.snapshotEvents)
                .containsSubsequence("read 1", "read 4", "done 4", "state JP-MOFA/A", "state JP-MOFA/B")
                .doesNotContain("read 5");
    }

    /** The test of the issue: the hand-over from snapshot to notifications while two processors keep writing. */
    @Test
    void aSnapshotTakenWhileNotificationsKeepArrivingSeesEveryVersionOnceWithoutGaps() throws Exception {
        List<String> jpKeys =
                IntStream.range(0, 8).mapToObj(i -> "JP-MOFA/P-" + i).toList();
        List<String> usKeys =
                IntStream.range(0, 8).mapToObj(i -> "US-OFAC/E-" + i).toList();
        KeepWriting jp = new KeepWriting(processor(), jpKeys, "JP");
        KeepWriting us = new KeepWriting(processor(), usKeys, "US");
        jp.writeVersionsUpTo(3);
        us.writeVersionsUpTo(3);
        CompletableFuture<Void> jpWriting = jp.startInBackground();
        CompletableFuture<Void> usWriting = us.startInBackground();

        Subscriber subscriber = new Subscriber(settings().snapshot(true).build());
        Recorder recorder = new Recorder();
        CompletableFuture<Void> run = inBackground(subscriber, recorder, StopCondition.never());
        await().atMost(WAIT).until(() -> recorder.changes.size() >= 50 || run.isDone());
        jp.stop();
        us.stop();
        jpWriting.join();
        usWriting.join();
        Map<String, Long> latest = new HashMap<>(jp.latest());
        latest.putAll(us.latest());
        await().atMost(WAIT).until(() -> lastSeen(recorder).equals(latest) || run.isDone());
        subscriber.wakeup();
        run.join();

        assertThat(recorder.gaps).isEmpty();
        assertThat(recorder.snapshot)
                .extracting(s -> s.getDesignationKey())
                .as("every designation once, in key order")
                .isSorted()
                .containsExactlyInAnyOrderElementsOf(latest.keySet());
        Map<String, List<Long>> changes = versionsByKey(recorder.changes);
        recorder.snapshot.forEach(state -> {
            String key = state.getDesignationKey();
            List<Long> expected = IntStream.rangeClosed(
                            (int) state.getVersion() + 1, latest.get(key).intValue())
                    .mapToObj(Long::valueOf)
                    .toList();
            assertThat(changes.getOrDefault(key, List.of()))
                    .as("%s after its snapshot version %d", key, state.getVersion())
                    .isEqualTo(expected);
        });
        assertThat(recorder.changes.size())
                .as("notifications really kept arriving after the snapshot")
                .isGreaterThanOrEqualTo(50);
    }

    @Test
    void aJurisdictionTopicThatAppearsLaterIsReadFromItsStart() {
        Subscriber subscriber =
                new Subscriber(settings().jurisdictions(Set.of("FR")).build());
        Recorder recorder = new Recorder();
        CompletableFuture<Void> run =
                inBackground(subscriber, recorder, StopCondition.never().withLimit(1));

        TestTopics.create(KAFKA.bootstrapServers(), 1, ProcessorDouble.changesTopic(prefix, "FR"));
        try (ProcessorDouble processor = processor()) {
            processor.publish(Designations.change("FR-DGT/A", "FR", 1));
        }

        await().atMost(WAIT).until(run::isDone);
        run.join();
        assertThat(recorder.changeIds()).containsExactly("FR-DGT/A@1");
    }

    @Test
    void aJurisdictionWithoutATopicIsWaitedForUntilTheIdleTimeIsUp() {
        Recorder recorder = new Recorder();
        // A real code whose topic nobody has created yet (the processor creates it on first use).

        new Subscriber(settings().jurisdictions(Set.of("NZ")).build())
                .run(recorder, StopCondition.never().withMaxIdle(Duration.ofSeconds(1)));

        assertThat(recorder.changes).isEmpty();
    }

    @Test
    void anUnreachableClusterFailsNamingTheAddressAndWhatToCheck() throws IOException {
        String nowhere = "127.0.0.1:" + freePort();
        SubscriptionSettings settings = settings()
                .kafkaProperties(Map.of("bootstrap.servers", nowhere, "default.api.timeout.ms", 2000))
                .build();

        assertThatThrownBy(() -> new Subscriber(settings).run(new Recorder(), StopCondition.never()))
                .isInstanceOf(SubscriptionException.class)
                .hasMessageContaining("Kafka at " + nowhere + " did not answer within 2 s")
                .hasMessageContaining("check the bootstrap servers");
    }

    private SubscriptionSettings.Builder settings() {
        return SubscriptionSettings.builder(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl())
                .topicPrefix(prefix);
    }

    private ProcessorDouble processor() {
        return new ProcessorDouble(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl(), prefix);
    }

    private static CompletableFuture<Void> inBackground(
            Subscriber subscriber, DesignationListener listener, StopCondition stop) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        subscriber.run(listener, stop);
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                },
                "subscriber-under-test");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static Map<String, List<Long>> versionsByKey(List<DesignationChange> changes) {
        return changes.stream()
                .collect(Collectors.groupingBy(
                        DesignationChange::getDesignationKey,
                        Collectors.mapping(DesignationChange::getVersion, Collectors.toList())));
    }

    /** The highest version delivered per key, by snapshot or notification. */
    private static Map<String, Long> lastSeen(Recorder recorder) {
        Map<String, Long> last = new HashMap<>();
        recorder.snapshot.forEach(s -> last.merge(s.getDesignationKey(), s.getVersion(), Math::max));
        recorder.changes.forEach(c -> last.merge(c.getDesignationKey(), c.getVersion(), Math::max));
        return last;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
