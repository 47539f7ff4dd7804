package dev.sanctions.subscriber;

import dev.sanctions.avro.DesignationState;
import dev.sanctions.kafka.LogReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the current state of every designation from the compacted designations topic.
 *
 * <p>It reads, read_committed, every record written before it started: up to the high watermark taken at the
 * start, waiting for transactions still open below it to be decided (for up to the API timeout while nothing
 * moves; then it fails as unreachable). The caller takes the notification topics' last stable offsets
 * <em>before</em> that, so a notification committed before them has its state below the high watermark, and one
 * committed after them lies at or after the offsets where following starts: nothing falls between the two, and
 * the per-key versions drop what both hold.
 */
final class SnapshotReader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReader.class);

    /** The states to hand over, and the version of every designation, matching or not. */
    record Snapshot(SortedMap<String, DesignationState> matching, Map<String, Long> versions) {}

    private final Consumer<String, byte[]> consumer;
    private final Decoder<DesignationState> decoder;
    private final EndOffsets endOffsets;
    private final Set<String> jurisdictions;
    private final Duration timeout;

    SnapshotReader(
            Consumer<String, byte[]> consumer,
            Decoder<DesignationState> decoder,
            EndOffsets endOffsets,
            Set<String> jurisdictions,
            Duration timeout) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.endOffsets = endOffsets;
        this.jurisdictions = jurisdictions;
        this.timeout = timeout;
    }

    /** Reads the snapshot, telling {@code progress} how many records it has read so far. */
    Snapshot read(String topic, LongConsumer progress) {
        List<TopicPartition> partitions = LogReader.partitionsOf(consumer, topic, timeout);
        SortedMap<String, DesignationState> matching = new TreeMap<>();
        Map<String, Long> versions = new HashMap<>();
        if (partitions.isEmpty()) {
            LOG.warn(
                    "Topic {} does not exist: the snapshot is empty (run 'sanctions init', or check the topic "
                            + "prefix)",
                    topic);
            return new Snapshot(matching, versions);
        }
        Map<TopicPartition, Long> written = endOffsets.of(partitions, IsolationLevel.READ_UNCOMMITTED);
        LogReader.assignFromStart(consumer, partitions);
        long started = System.nanoTime();
        long[] records = new long[1];
        // Until the cleaner has run, a compacted topic still holds superseded states: keep only each key's last
        // record (one writer per key, so the last is the newest) and decode each designation once, on every core.
        Map<String, ConsumerRecord<String, byte[]>> latest = new HashMap<>(capacityFor(partitions, written));
        LogReader.readTo(consumer, written, timeout, record -> {
            if (record.key() == null) {
                apply(null, decoder.decode(record), matching, versions);
            } else {
                latest.put(record.key(), record);
            }
            records[0]++;
            progress.accept(records[0]);
        });
        List<ConsumerRecord<String, byte[]>> newest = new ArrayList<>(latest.values());
        latest.clear();
        String[] keys = new String[newest.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = newest.get(i).key();
        }
        // Each record is let go once decoded: all the records and all the states at once need twice the heap.
        List<DesignationState> states =
                ParallelDecoding.decodeAndRelease(newest, decoder::decode, ParallelDecoding.threadsForThisMachine());
        for (int i = 0; i < keys.length; i++) {
            apply(keys[i], states.get(i), matching, versions);
        }
        LOG.info(
                "Snapshot of {}: {} records, {} designations, {} matching, in {} ms",
                topic,
                records[0],
                versions.size(),
                matching.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Snapshot(matching, versions);
    }

    /**
     * Room for every record up to the ends, so the map of each key's newest record is never rehashed while it fills:
     * growing it step by step to hundreds of thousands of keys was a fifth of a snapshot's reading.
     */
    private int capacityFor(List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, timeout);
        long records = 0;
        for (TopicPartition partition : partitions) {
            records += Math.max(0, ends.getOrDefault(partition, 0L) - starts.getOrDefault(partition, 0L));
        }
        return (int) Math.min(records * 4 / 3 + 1, 1 << 24);
    }

    /** Log order per key; a lower version than one already read is stale and ignored. */
    private void apply(
            String recordKey,
            DesignationState state,
            Map<String, DesignationState> matching,
            Map<String, Long> versions) {
        if (state == null) {
            if (recordKey != null) {
                matching.remove(recordKey);
                versions.remove(recordKey);
            }
            return;
        }
        String key = state.getDesignationKey();
        Long known = versions.get(key);
        if (known != null && state.getVersion() < known) {
            return;
        }
        versions.put(key, state.getVersion());
        if (jurisdictions.isEmpty()
                || jurisdictions.contains(state.getJurisdiction().toUpperCase(Locale.ROOT))) {
            matching.put(key, state);
        } else {
            matching.remove(key);
        }
    }
}
