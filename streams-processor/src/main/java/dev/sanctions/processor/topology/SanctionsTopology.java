package dev.sanctions.processor.topology;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.Topics;
import dev.sanctions.kafka.AnnouncementPlacement;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the processor's topology (docs/events.md and docs/topics.md). Pure: no I/O, no clock; the caller
 * supplies topic names, serdes, the per-jurisdiction topic router and the counters of dead letters,
 * rejections and receipts. A wall-clock punctuator paces the steps of a snapshot; no clock reaches an output.
 *
 * <p>One sub-topology, no repartition: announcements are keyed by authority and every designation key
 * begins with its authority, so all the designations an announcement can touch already live in the task
 * that reads it, and per key the actions keep log order. A repartition by designation key would add a
 * second transaction per action (measured: about twice the latency and a third less throughput) and buy
 * only a spread of one authority's designations over partitions. The stores are therefore partitioned by
 * authority: {@link #storePartitionKey} gives the key to locate a designation's owner.
 *
 * <pre>
 * announcements (bytes) -> decode --unreadable--> dlq (original bytes + error headers)
 *                            | read
 *                          fold (placement, seen ids, states, history, list index, --rejected--> rejected
 *                            |   snapshot parts, queue and job)                   --receipt--> receipts
 *                            | changed
 *                          changes, changes.&lt;jurisdiction&gt;, designations (state after)
 * </pre>
 */
public final class SanctionsTopology {

    private SanctionsTopology() {}

    /** The key whose partition holds a designation's state: its authority (the part before the '/'). */
    public static String storePartitionKey(String designationKey) {
        int slash = designationKey.indexOf('/');
        return slash < 0 ? designationKey : designationKey.substring(0, slash);
    }

    /** Snapshot entries (or index keys) one step applies at most, by default: a step stays well under a second. */
    public static final int DEFAULT_SNAPSHOT_STEP = 2_000;

    /** How often a snapshot step runs while there is work, by default. */
    public static final Duration DEFAULT_STEP_INTERVAL = Duration.ofMillis(20);

    /**
     * How long one punctuation goes on taking snapshot steps, by default. One step per punctuation left the thread
     * waiting for the next poll between steps: a 20,000-entry list took 8 s to apply, most of it idle.
     */
    public static final Duration DEFAULT_STEP_TIME = Duration.ofMillis(200);

    /** @param announcementPartitions the partition count of the announcements topic, see {@link AnnouncementPlacement} */
    public static Topology build(
            Topics topics,
            int announcementPartitions,
            SanctionsSerdes serdes,
            ChangeTopicRouter router,
            PipelineCounters counters) {
        return build(
                topics,
                announcementPartitions,
                serdes,
                router,
                counters,
                DEFAULT_SNAPSHOT_STEP,
                DEFAULT_STEP_INTERVAL,
                DEFAULT_STEP_TIME);
    }

    /**
     * @param snapshotStep snapshot entries (or index keys) one step applies at most
     * @param stepInterval how often a snapshot step runs while there is work (wall-clock time, never in an output)
     * @param stepTime how long one punctuation goes on taking steps while there is work; zero: one step each
     */
    public static Topology build(
            Topics topics,
            int announcementPartitions,
            SanctionsSerdes serdes,
            ChangeTopicRouter router,
            PipelineCounters counters,
            int snapshotStep,
            Duration stepInterval,
            Duration stepTime) {
        AnnouncementPlacement placement = new AnnouncementPlacement(announcementPartitions);
        Serde<String> keys = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store(AnnouncementProcessor.SEEN_STORE, Serdes.Long()));
        builder.addStateStore(store(DesignationStores.CURRENT, serdes.designationState()));
        builder.addStateStore(store(DesignationStores.HISTORY, serdes.designationState()));
        builder.addStateStore(store(SnapshotStores.LIST_INDEX, Serdes.String()));
        builder.addStateStore(store(SnapshotStores.APPLIED, Serdes.Long()));
        builder.addStateStore(store(SnapshotStores.PENDING, Serdes.ByteArray()));
        builder.addStateStore(store(SnapshotStores.PARTS, serdes.announcement()));
        builder.addStateStore(store(SnapshotStores.NAMED, Serdes.Integer()));
        builder.addStateStore(store(SnapshotStores.QUEUE, serdes.announcement()));
        builder.addStateStore(store(SnapshotStores.JOB, Serdes.ByteArray()));
        builder.addStateStore(store(SnapshotStores.RECEIPT, serdes.announcementReceipt()));

        Map<String, KStream<byte[], ReadResult>> read = builder.stream(
                        topics.announcements(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("announcements"))
                .processValues(
                        () -> new AnnouncementDecoder(serdes.announcement().deserializer(), counters),
                        Named.as("decode"))
                .split(Named.as("decode-"))
                .branch((key, result) -> result.isRead(), Branched.as("read"))
                .defaultBranch(Branched.as("unreadable"));

        read.get("decode-unreadable")
                .mapValues(ReadResult::unreadableValue, Named.as("original-bytes"))
                .to(
                        topics.dlq(),
                        Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dlq"));

        Map<String, KStream<String, SpecificRecord>> folded = read.get("decode-read")
                .mapValues(ReadResult::announcement, Named.as("announcement"))
                .process(
                        () -> new AnnouncementProcessor(placement, snapshotStep, stepInterval, stepTime),
                        Named.as("fold"),
                        AnnouncementProcessor.STORES)
                .split(Named.as("fold-"))
                .branch((key, value) -> value instanceof RejectedAction, Branched.as("rejected"))
                .branch((key, value) -> value instanceof AnnouncementReceipt, Branched.as("receipts"))
                .defaultBranch(Branched.as("changed"));
        toRejected(folded.get("fold-rejected"), topics, serdes, counters, "rejections");
        folded.get("fold-receipts")
                .mapValues(AnnouncementReceipt.class::cast, Named.as("receipt"))
                .peek((key, receipt) -> counters.receipt(receipt), Named.as("receipts-count"))
                .to(
                        topics.receipts(),
                        Produced.with(keys, serdes.announcementReceipt()).withName("receipts"));

        KStream<String, DesignationChange> changes =
                folded.get("fold-changed").mapValues(DesignationChange.class::cast, Named.as("change"));
        Produced<String, DesignationChange> changeSerdes = Produced.with(keys, serdes.designationChange());
        changes.to(topics.changes(), changeSerdes.withName("changes"));
        changes.to(
                (key, change, context) -> router.topicFor(change.getJurisdiction()),
                Produced.with(keys, serdes.designationChange()).withName("changes-by-jurisdiction"));
        changes.mapValues(DesignationChange::getAfter, Named.as("state-after"))
                .to(
                        topics.designations(),
                        Produced.<String, DesignationState>with(keys, serdes.designationState())
                                .withName("designations"));
        return builder.build();
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    private static void toRejected(
            KStream<String, SpecificRecord> stream,
            Topics topics,
            SanctionsSerdes serdes,
            PipelineCounters counters,
            String name) {
        stream.mapValues(RejectedAction.class::cast, Named.as(name + "-value"))
                .peek((key, rejection) -> counters.rejection(rejection.getReason()), Named.as(name + "-count"))
                .to(
                        topics.rejected(),
                        Produced.with(Serdes.String(), serdes.rejectedAction()).withName(name));
    }
}
