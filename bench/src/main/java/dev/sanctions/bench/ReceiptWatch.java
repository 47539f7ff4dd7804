package dev.sanctions.bench;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.kafka.LogReader;
import dev.sanctions.registry.serde.AvroSerdeConfig;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Waits, read_committed, for the receipt of one announcement on the receipts topic (keyed by announcement id). The
 * processor writes a snapshot's receipt after its last notification, so the receipt being readable means every
 * notification of the snapshot is. Opened before the announcement is published, so nothing published later is missed.
 */
final class ReceiptWatch implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final SpecificAvroDeserializer<AnnouncementReceipt> receipts = new SpecificAvroDeserializer<>();
    private final String topic;

    /** A receipt, and the {@link System#nanoTime()} at which it was read. */
    record Read(AnnouncementReceipt receipt, long at) {}

    ReceiptWatch(String bootstrapServers, String registry, String topic) {
        this.topic = topic;
        receipts.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-receipt-watch");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = LogReader.partitionsOf(consumer, topic, Duration.ofSeconds(30));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /**
     * Waits for the receipt of {@code announcementId}.
     *
     * @throws BenchmarkException when it is not readable within {@code timeout}
     */
    Read await(String announcementId, Duration timeout) {
        byte[] wanted = announcementId.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                if (Arrays.equals(wanted, record.key())) {
                    long at = System.nanoTime();
                    return new Read(receipts.deserialize(topic, record.value()), at);
                }
            }
        }
        throw new BenchmarkException("no receipt for " + announcementId + " became readable within "
                + timeout.toSeconds() + " s: the processor is stuck or failed (see its log)");
    }

    @Override
    public void close() {
        consumer.close();
        receipts.close();
    }
}
