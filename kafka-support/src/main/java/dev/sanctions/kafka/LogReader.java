package dev.sanctions.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads partitions to their end, as Kafka Connect's {@code KafkaBasedLog.readToEnd()} does: take the end offsets,
 * then poll until the consumer's position has reached the end of every partition. Positions, not record counts,
 * decide: under {@code isolation.level=read_committed} the end offsets are the last stable offsets, and the position
 * moves past transaction markers, aborted records and the gaps of a compacted topic without a record to show for
 * them; an empty partition is at its end from the start.
 *
 * <p>One timeout rule for every read: it fails with {@link EndNotReachedException} once it has gone {@code timeout}
 * without moving forward. A healthy read of a long log may take any time; a read that stands still means a broker
 * that does not answer or, when the ends are high watermarks, a transaction left open below them.
 */
public final class LogReader {

    /** Only the wait when nothing arrives: a poll returns as soon as records do. */
    private static final Duration POLL = Duration.ofMillis(100);

    private static final Comparator<TopicPartition> IN_ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private LogReader() {}

    /** The partitions of {@code topic} in partition order; none when the topic does not exist. */
    public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic, Duration timeout) {
        return consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(IN_ORDER)
                .toList();
    }

    /** Assigns {@code consumer} exactly {@code partitions}, each positioned at its beginning. */
    public static void assignFromStart(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Hands {@code sink} every record of the assigned partitions from the consumer's positions up to the end offsets
     * as they are now, in log order within each partition; see {@link #readTo}.
     *
     * @throws EndNotReachedException when the end offsets cannot be looked up, or the read stands still, for
     *     {@code timeout}
     */
    public static <K, V> void readToEnd(
            Consumer<K, V> consumer, Duration timeout, java.util.function.Consumer<? super ConsumerRecord<K, V>> sink) {
        Set<TopicPartition> partitions = consumer.assignment();
        Map<TopicPartition, Long> ends;
        try {
            ends = consumer.endOffsets(partitions, timeout);
        } catch (TimeoutException e) {
            throw new EndNotReachedException(
                    "could not look up the end offsets of " + topics(partitions) + " ("
                            + inOrder(partitions) + ") within " + describe(timeout)
                            + ". Is the broker reachable? Check "
                            + "bootstrap.servers and the client's security settings.",
                    e);
        }
        readTo(consumer, ends, timeout, sink);
    }

    /**
     * Hands {@code sink} every record from the consumer's positions up to, not including, {@code ends}: one end
     * offset for each assigned partition. Records at or past an end are not handed over and their partition is put
     * back at its end, so reading on with the same consumer neither misses nor repeats a record.
     *
     * @throws EndNotReachedException when the read goes {@code timeout} without moving forward
     */
    public static <K, V> void readTo(
            Consumer<K, V> consumer,
            Map<TopicPartition, Long> ends,
            Duration timeout,
            java.util.function.Consumer<? super ConsumerRecord<K, V>> sink) {
        if (!consumer.assignment().equals(ends.keySet())) {
            throw new IllegalArgumentException("the consumer is assigned " + inOrder(consumer.assignment())
                    + " but the ends are for " + inOrder(ends.keySet()));
        }
        Reading reading = new Reading(consumer, ends, timeout);
        Set<TopicPartition> overran = new HashSet<>();
        while (!reading.atEnd()) {
            ConsumerRecords<K, V> polled = consumer.poll(reading.nextWait());
            // Partition by partition: one end to look up per partition and poll, not one per record.
            for (TopicPartition partition : polled.partitions()) {
                long end = ends.get(partition);
                for (ConsumerRecord<K, V> record : polled.records(partition)) {
                    if (record.offset() < end) {
                        sink.accept(record);
                    } else {
                        overran.add(partition);
                        break;
                    }
                }
            }
        }
        overran.forEach(partition -> consumer.seek(partition, ends.get(partition)));
    }

    /** Where the partitions still short of their end stand, and since when none of them has moved. */
    private static final class Reading {

        private final Consumer<?, ?> consumer;
        private final Map<TopicPartition, Long> ends;
        private final Duration timeout;
        private final Set<TopicPartition> unfinished;
        private final Map<TopicPartition, Long> positions = new HashMap<>();
        private long fewestLeft = Long.MAX_VALUE;
        private long movedAt = System.nanoTime();

        Reading(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends, Duration timeout) {
            this.consumer = consumer;
            this.ends = ends;
            this.timeout = timeout;
            this.unfinished = new HashSet<>(ends.keySet());
        }

        /** True once every partition has reached its end; fails once the read has stood still for the timeout. */
        boolean atEnd() {
            positions.clear();
            long left = 0;
            for (Iterator<TopicPartition> it = unfinished.iterator(); it.hasNext(); ) {
                TopicPartition partition = it.next();
                long position;
                try {
                    // Known positions come back at once; only an unknown one asks the broker.
                    position = consumer.position(partition, patience());
                } catch (TimeoutException e) {
                    throw stalled(e);
                }
                long end = ends.get(partition);
                if (position >= end) {
                    it.remove();
                } else {
                    positions.put(partition, position);
                    left += end - position;
                }
            }
            if (unfinished.isEmpty()) {
                return true;
            }
            if (left < fewestLeft) {
                fewestLeft = left;
                movedAt = System.nanoTime();
            } else if (patience().isZero()) {
                throw stalled(null);
            }
            return false;
        }

        Duration nextWait() {
            Duration patience = patience();
            return patience.compareTo(POLL) < 0 ? patience : POLL;
        }

        private Duration patience() {
            Duration left = timeout.minusNanos(System.nanoTime() - movedAt);
            return left.isNegative() ? Duration.ZERO : left;
        }

        private EndNotReachedException stalled(TimeoutException cause) {
            String behind = unfinished.stream()
                    .sorted(IN_ORDER)
                    .map(partition -> partition
                            + (positions.containsKey(partition)
                                    ? " at offset " + positions.get(partition)
                                    : " (position not known)")
                            + " of " + ends.get(partition))
                    .collect(Collectors.joining(", "));
            return new EndNotReachedException(
                    "reading " + topics(unfinished) + " to the end made no progress for "
                            + describe(timeout) + "; still behind: " + behind + ". Is the broker reachable? Check "
                            + "bootstrap.servers and the client's security settings. If it is, a transaction left open "
                            + "below the end holds a read_committed consumer back until it commits or aborts.",
                    cause);
        }
    }

    private static String topics(Collection<TopicPartition> partitions) {
        Set<String> names = new TreeSet<>();
        partitions.forEach(partition -> names.add("'" + partition.topic() + "'"));
        return (names.size() == 1 ? "topic " : "topics ") + String.join(", ", names);
    }

    private static String inOrder(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .sorted(IN_ORDER)
                .map(TopicPartition::toString)
                .collect(Collectors.joining(", "));
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
