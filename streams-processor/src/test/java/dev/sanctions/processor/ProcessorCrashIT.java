package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Announcement;
import dev.sanctions.core.Topics;
import dev.sanctions.kafka.LogReader;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestAnnouncementLog;
import dev.sanctions.testkit.UniqueNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once across crashes, in the manner of Kafka's {@code EosIntegrationTest}: the processor runs in a JVM of its
 * own and is killed with SIGKILL while it works through a log, several times, each time on a restart of the same
 * state directory; when it has finished, what it committed is exactly the fold of the log: every notification once,
 * none lost, no version skipped, the same content, and the final states the fold's.
 */
class ProcessorCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorCrashIT.class);
    private static final long SEED = 11L;
    private static final int ANNOUNCEMENTS = 1_500;
    private static final int KILLS = 4;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @TempDir
    Path workDir;

    @Test
    void aProcessorKilledPartWayAndRestartedCommitsExactlyTheFoldOfTheLog() throws Exception {
        List<String> jurisdictions = SeededLog.jurisdictions();
        Topics topics = ProcessorItSupport.createTopics(KAFKA.backend(), "crash", jurisdictions);
        String applicationId = UniqueNames.of("crash-processor");
        Path stateDir = workDir.resolve("state");
        // Kept after the test (the temporary directory is not), for reading when it fails.
        Path log = Path.of("target", applicationId + ".log");
        List<Announcement> announcements = SeededLog.of(SEED, ANNOUNCEMENTS);
        FoldedLog expected = FoldedLog.of(announcements);
        int total = expected.changes().size();
        int slice = announcements.size() / (KILLS + 1);
        int[] committedThroughSlice = new int[KILLS];
        for (int run = 0; run < KILLS; run++) {
            committedThroughSlice[run] = FoldedLog.of(announcements.subList(0, (run + 1) * slice))
                    .changes()
                    .size();
        }

        try (KafkaProducer<String, Announcement> producer = ProcessorItSupport.announcementProducer(KAFKA.backend())) {
            Count count = new Count(0, 0);
            int aborted = 0;
            for (int run = 0; run < KILLS; run++) {
                Count before = count;
                int due = committedThroughSlice[run];
                CompletableFuture<Void> publishing;
                try (ProcessorChild child = ProcessorChild.start(
                        KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl(), topics, applicationId, stateDir, log)) {
                    List<Announcement> given = announcements.subList(run * slice, (run + 1) * slice);
                    int head = given.size() / 5;
                    TestAnnouncementLog.send(producer, topics.announcements(), given.subList(0, head));
                    await().atMost(WAIT)
                            .until(() -> CommittedOutput.countChanges(KAFKA.bootstrapServers(), topics)
                                    > before.committed());
                    // The rest one by one while it works, so that it is always in the middle of a transaction.
                    publishing = CompletableFuture.runAsync(() -> given.subList(head, given.size())
                            .forEach(a -> ProcessorItSupport.publish(producer, topics, a)));
                    // Killed half way through what it is given, best while output of it is written but not yet
                    // committed; or else three quarters of the way, whatever it is doing then.
                    int halfway = (before.committed() + due + 1) / 2;
                    int threeQuarters = (before.committed() + 3 * due + 3) / 4;
                    await().atMost(WAIT)
                            .pollInterval(Duration.ofMillis(10))
                            .until(
                                    () -> Count.of(topics),
                                    now -> now.committed() >= halfway && now.uncommitted() > before.uncommitted()
                                            || now.committed() >= threeQuarters);
                    child.kill();
                }
                publishing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                count = Count.of(topics);
                int abortedNow = count.uncommitted() - before.uncommitted();
                aborted += abortedNow;
                LOG.info(
                        "run {} killed with {} of {} notifications committed, {} due from the input so far, {} written"
                                + " but not committed",
                        run,
                        count.committed(),
                        total,
                        due,
                        abortedNow);
                assertThat(count.committed())
                        .as("run %d was killed part-way: after progress, before the end (see %s)", run, log)
                        .isGreaterThan(before.committed())
                        .isLessThan(total);
            }
            assertThat(aborted)
                    .as("notifications a kill left written in an open transaction: the restart must abort them")
                    .isPositive();
            try (ProcessorChild child = ProcessorChild.start(
                    KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl(), topics, applicationId, stateDir, log)) {
                TestAnnouncementLog.send(
                        producer, topics.announcements(), announcements.subList(KILLS * slice, announcements.size()));
                await().atMost(WAIT)
                        .until(() ->
                                ConsumedInput.atEnd(KAFKA.bootstrapServers(), applicationId, topics.announcements()));
                assertThat(child.isAlive())
                        .as("the last run is still up; see %s", log)
                        .isTrue();
            }
        }

        CommittedOutput output =
                CommittedOutput.read(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl(), topics, jurisdictions);
        assertThat(output.differencesFrom(expected))
                .as("committed output against the fold of the log (see %s)", log)
                .isEmpty();
        assertThat(output.changes()).hasSize(total);
    }

    /**
     * The notifications committed, and those written but not committed: in an open transaction, or in one aborted.
     * All written ones are counted first, so that one committed in between is not taken for uncommitted.
     */
    private record Count(int committed, int uncommitted) {

        static Count of(Topics topics) {
            int written = written(topics.changes());
            int committed = CommittedOutput.countChanges(KAFKA.bootstrapServers(), topics);
            return new Count(committed, written - committed);
        }
    }

    /** Every record of the topic, read_uncommitted: the committed ones and those of open or aborted transactions. */
    private static int written(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_UNCOMMITTED.toString());
        AtomicInteger count = new AtomicInteger();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            LogReader.assignFromStart(consumer, LogReader.partitionsOf(consumer, topic, WAIT));
            LogReader.readToEnd(consumer, WAIT, record -> count.incrementAndGet());
        }
        return count.get();
    }
}
