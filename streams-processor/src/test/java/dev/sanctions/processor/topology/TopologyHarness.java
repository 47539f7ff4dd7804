package dev.sanctions.processor.topology;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** The topology in a {@link TopologyTestDriver}, with serdes on a real registry over HTTP. */
final class TopologyHarness implements AutoCloseable {

    static final Topics TOPICS = Topics.unprefixed();
    static final Duration STEP_INTERVAL = Duration.ofMillis(20);

    private final SanctionsSerdes serdes;
    private final boolean ownsSerdes;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Announcement> announcements;
    private final TestInputTopic<byte[], byte[]> rawAnnouncements;

    TopologyHarness(String registryUrl, Path stateDir) {
        this(registryUrl, stateDir, ChangeTopicRouter.byName(TOPICS), PipelineCounters.none());
    }

    TopologyHarness(String registryUrl, Path stateDir, ChangeTopicRouter router, PipelineCounters counters) {
        this(
                SanctionsSerdes.forRegistry(registryUrl, Map.of()),
                true,
                stateDir,
                router,
                counters,
                1,
                SanctionsTopology.DEFAULT_SNAPSHOT_STEP,
                Duration.ZERO);
    }

    /**
     * As if the announcements topic had {@code announcementPartitions} partitions. The test driver reads every
     * record from partition 0, so an announcement whose authority belongs in another partition is misrouted.
     */
    TopologyHarness(String registryUrl, Path stateDir, int announcementPartitions) {
        this(registryUrl, stateDir, announcementPartitions, SanctionsTopology.DEFAULT_SNAPSHOT_STEP);
    }

    /** Snapshots applied {@code snapshotStep} entries per step, one step per punctuation ({@link #runSteps}). */
    TopologyHarness(String registryUrl, Path stateDir, int announcementPartitions, int snapshotStep) {
        this(registryUrl, stateDir, announcementPartitions, snapshotStep, Duration.ZERO);
    }

    /** As above, each punctuation taking steps for up to {@code stepTime}. */
    TopologyHarness(
            String registryUrl, Path stateDir, int announcementPartitions, int snapshotStep, Duration stepTime) {
        this(
                SanctionsSerdes.forRegistry(registryUrl, Map.of()),
                true,
                stateDir,
                ChangeTopicRouter.byName(TOPICS),
                PipelineCounters.none(),
                announcementPartitions,
                snapshotStep,
                stepTime);
    }

    /** On serdes the caller keeps (and closes): their registry lookups are cached across harnesses. */
    TopologyHarness(SanctionsSerdes sharedSerdes, Path stateDir) {
        this(
                sharedSerdes,
                false,
                stateDir,
                ChangeTopicRouter.byName(TOPICS),
                PipelineCounters.none(),
                1,
                SanctionsTopology.DEFAULT_SNAPSHOT_STEP,
                Duration.ZERO);
    }

    private TopologyHarness(
            SanctionsSerdes serdes,
            boolean ownsSerdes,
            Path stateDir,
            ChangeTopicRouter router,
            PipelineCounters counters,
            int announcementPartitions,
            int snapshotStep,
            Duration stepTime) {
        this.serdes = serdes;
        this.ownsSerdes = ownsSerdes;
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test-" + UUID.randomUUID());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(
                SanctionsTopology.build(
                        TOPICS,
                        announcementPartitions,
                        serdes,
                        router,
                        counters,
                        snapshotStep,
                        STEP_INTERVAL,
                        stepTime),
                config);
        announcements = driver.createInputTopic(
                TOPICS.announcements(),
                new StringSerializer(),
                serdes.announcement().serializer());
        rawAnnouncements =
                driver.createInputTopic(TOPICS.announcements(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Publishes as the producer does: key = authority, record timestamp = publishedAt. */
    void publish(Announcement announcement) {
        publish(announcement, announcement.getPublishedAt().toEpochMilli());
    }

    void publish(Announcement announcement, long recordTimestamp) {
        announcements.pipeInput(new TestRecord<>(announcement.getAuthority(), announcement, null, recordTimestamp));
    }

    /** Publishes under another key than the authority ({@code null} for none). */
    void publish(Announcement announcement, String key) {
        announcements.pipeInput(new TestRecord<>(
                key, announcement, null, announcement.getPublishedAt().toEpochMilli()));
    }

    void publishRaw(byte[] key, byte[] value) {
        rawAnnouncements.pipeInput(key, value);
    }

    List<TestRecord<String, DesignationChange>> changes() {
        return read(TOPICS.changes(), serdes.designationChange().deserializer());
    }

    List<TestRecord<String, DesignationChange>> changes(String jurisdiction) {
        return read(TOPICS.changes(jurisdiction), serdes.designationChange().deserializer());
    }

    List<TestRecord<String, DesignationState>> designations() {
        return read(TOPICS.designations(), serdes.designationState().deserializer());
    }

    List<TestRecord<String, AnnouncementReceipt>> receipts() {
        return read(TOPICS.receipts(), serdes.announcementReceipt().deserializer());
    }

    /** Lets the snapshot punctuator run {@code punctuations} times, as the wall clock passes. */
    void runSteps(int punctuations) {
        for (int i = 0; i < punctuations; i++) {
            driver.advanceWallClockTime(STEP_INTERVAL);
        }
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    List<TestRecord<String, RejectedAction>> rejected() {
        return read(TOPICS.rejected(), serdes.rejectedAction().deserializer());
    }

    /** The records of a topic exactly as written, bytes and all. */
    List<TestRecord<byte[], byte[]>> raw(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    KeyValueStore<String, DesignationState> currentStore() {
        return driver.getKeyValueStore(DesignationStores.CURRENT);
    }

    KeyValueStore<String, DesignationState> historyStore() {
        return driver.getKeyValueStore(DesignationStores.HISTORY);
    }

    /** Every stored version of one designation, oldest first, as the HTTP API will scan them. */
    List<DesignationState> history(String designationKey) {
        return DesignationStores.history(historyStore(), designationKey);
    }

    SanctionsSerdes serdes() {
        return serdes;
    }

    private <V> List<TestRecord<String, V>> read(
            String topic, org.apache.kafka.common.serialization.Deserializer<V> values) {
        return driver.createOutputTopic(topic, new StringDeserializer(), values).readRecordsToList();
    }

    @Override
    public void close() {
        driver.close();
        if (ownsSerdes) {
            serdes.close();
        }
    }
}
