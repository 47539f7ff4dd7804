package dev.sanctions.processor.topology;

import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.Topics;
import dev.sanctions.kafka.AnnouncementPlacement;
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
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the processor's topology (docs/events.md and docs/topics.md). Pure: no I/O, no clock; the caller
 * supplies topic names, serdes, the per-jurisdiction topic router and the counters of dead letters and
 * rejections.
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
 *                          intake (placement, seen ids) --refused--> rejected
 *                            | one record per action, keyed by designation key
 *                          fold (current state, history) --rejected--> rejected
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

    /** @param announcementPartitions the partition count of the announcements topic, see {@link AnnouncementPlacement} */
    public static Topology build(
            Topics topics,
            int announcementPartitions,
            SanctionsSerdes serdes,
            ChangeTopicRouter router,
            PipelineCounters counters) {
        AnnouncementPlacement placement = new AnnouncementPlacement(announcementPartitions);
        Serde<String> keys = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IntakeProcessor.SEEN_STORE), keys, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DesignationStores.CURRENT), keys, serdes.designationState()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DesignationStores.HISTORY), keys, serdes.designationState()));

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

        Map<String, KStream<String, SpecificRecord>> admitted = read.get("decode-read")
                .mapValues(ReadResult::announcement, Named.as("announcement"))
                .process(() -> new IntakeProcessor(placement), Named.as("intake"), IntakeProcessor.SEEN_STORE)
                .split(Named.as("intake-"))
                .branch((key, value) -> value instanceof RejectedAction, Branched.as("refused"))
                .defaultBranch(Branched.as("accepted"));
        toRejected(admitted.get("intake-refused"), topics, serdes, counters, "refusals");

        Map<String, KStream<String, SpecificRecord>> folded = admitted.get("intake-accepted")
                .mapValues(AnnouncedAction.class::cast, Named.as("action"))
                .process(FoldProcessor::new, Named.as("fold"), DesignationStores.CURRENT, DesignationStores.HISTORY)
                .split(Named.as("fold-"))
                .branch((key, value) -> value instanceof RejectedAction, Branched.as("rejected"))
                .defaultBranch(Branched.as("changed"));
        toRejected(folded.get("fold-rejected"), topics, serdes, counters, "rejections");

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
