package dev.sanctions.subscriber;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where each partition starts when nothing is committed for it. Offsets are fixed once, when the run starts, so
 * "latest" means "after the start" even for a partition a consumer group assigns minutes later. A partition that
 * did not exist then starts at its beginning (or at the instant), since all it holds is newer than the start.
 *
 * <p>An instant is looked up with {@code offsetsForTimes}, which also matches transaction markers: they carry the
 * broker's clock, while notifications carry their {@code publishedAt}, often much older. The offset found is
 * therefore only a lower bound, and records before the first one at or after the instant are skipped here.
 */
final class StartOffsets {

    private final Map<TopicPartition, Long> fixed;
    private final StartPosition position;
    /** Partitions positioned by instant that have not yet reached a record at or after it. */
    private final Set<TopicPartition> beforeInstant = new HashSet<>();

    private StartOffsets(Map<TopicPartition, Long> fixed, StartPosition position) {
        this.fixed = fixed;
        this.position = position;
    }

    /** Right after a snapshot: where the snapshot ends. */
    static StartOffsets afterSnapshot(Map<TopicPartition, Long> snapshotEnds) {
        return at(snapshotEnds);
    }

    /** At offsets taken earlier; a partition not among them did not exist then, so starts at its beginning. */
    static StartOffsets at(Map<TopicPartition, Long> offsets) {
        return new StartOffsets(Map.copyOf(offsets), StartPosition.BEGINNING);
    }

    /** For {@code position}, resolved now for the partitions that exist. */
    static StartOffsets resolve(StartPosition position, Consumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> fixed = new HashMap<>();
        if (!partitions.isEmpty()) {
            if (position instanceof StartPosition.Beginning) {
                fixed.putAll(consumer.beginningOffsets(partitions));
            } else if (position instanceof StartPosition.Latest) {
                fixed.putAll(consumer.endOffsets(partitions));
            } else if (position instanceof StartPosition.AtInstant at) {
                fixed.putAll(atInstant(consumer, partitions, at));
            }
        }
        return new StartOffsets(Map.copyOf(fixed), position);
    }

    /** Positions {@code consumer} on each of {@code partitions}. */
    void seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (position instanceof StartPosition.AtInstant) {
            beforeInstant.addAll(partitions);
        }
        List<TopicPartition> late =
                partitions.stream().filter(p -> !fixed.containsKey(p)).toList();
        partitions.stream().filter(fixed::containsKey).forEach(p -> consumer.seek(p, fixed.get(p)));
        if (late.isEmpty()) {
            return;
        }
        if (position instanceof StartPosition.AtInstant at) {
            atInstant(consumer, late, at).forEach(consumer::seek);
        } else {
            consumer.seekToBeginning(late);
        }
    }

    /** True for a record this class positioned before it, older than the instant, and before any newer one. */
    boolean beforeStart(ConsumerRecord<?, ?> record) {
        if (beforeInstant.isEmpty() || !(position instanceof StartPosition.AtInstant at)) {
            return false;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (!beforeInstant.contains(partition)) {
            return false;
        }
        if (record.timestamp() < at.instant().toEpochMilli()) {
            return true;
        }
        beforeInstant.remove(partition);
        return false;
    }

    /** The first offset at or after the instant; the end where every record is older. */
    private static Map<TopicPartition, Long> atInstant(
            Consumer<?, ?> consumer, List<TopicPartition> partitions, StartPosition.AtInstant at) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, at.instant().toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp hit = found.get(partition);
            offsets.put(partition, hit == null ? ends.get(partition) : hit.offset());
        }
        return offsets;
    }
}
