package dev.sanctions.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads what a topic holds, as a downstream application would see it: committed records only. */
public final class TestConsumers {
    private static final Duration POLL = Duration.ofMillis(100);

    private TestConsumers() {}

    /**
     * Reads every partition of {@code topic} from the start, {@code read_committed}, until at least {@code count}
     * records have arrived, and returns all records read (possibly more than {@code count}, in partition order).
     * No consumer group is used, so nothing is committed and no rebalance delays the read.
     *
     * @throws AssertionError when fewer than {@code count} records arrive within {@code timeout}
     */
    public static <K, V> List<ConsumerRecord<K, V>> readCommitted(
            String bootstrapServers,
            String topic,
            Deserializer<K> keyDeserializer,
            Deserializer<V> valueDeserializer,
            int count,
            Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keyDeserializer, valueDeserializer)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new AssertionError("topic " + topic + " does not exist on " + bootstrapServers);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        if (records.size() < count) {
            throw new AssertionError("expected at least " + count + " committed records on " + topic + " within "
                    + timeout + " but read " + records.size() + ": " + records);
        }
        return records;
    }
}
