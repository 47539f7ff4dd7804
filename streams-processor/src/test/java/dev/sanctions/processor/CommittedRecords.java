package dev.sanctions.processor;

import dev.sanctions.kafka.LogReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Deserializer;

/** Everything a topic holds right now that a read_committed consumer may see: up to the last stable offset. */
final class CommittedRecords {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private CommittedRecords() {}

    static <K, V> List<ConsumerRecord<K, V>> readToEnd(
            String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            LogReader.assignFromStart(consumer, LogReader.partitionsOf(consumer, topic, TIMEOUT));
            LogReader.readToEnd(consumer, TIMEOUT, records::add);
        }
        return records;
    }
}
