package dev.sanctions.processor;

import dev.sanctions.kafka.LogReader;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many records of a topic one consumer has seen, read on from where the last call stopped: cheap enough to poll
 * every few milliseconds while a processor works. Reading the topic again from its start on every poll took CPU from
 * the processor under test, more so the further it got.
 */
final class RecordCount implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private int count;

    private RecordCount(String bootstrapServers, String topic, IsolationLevel isolation) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        isolation.toString(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        LogReader.assignFromStart(consumer, LogReader.partitionsOf(consumer, topic, TIMEOUT));
    }

    /** The records committed (read_committed, up to the last stable offset), as {@link CommittedRecords} sees them. */
    static RecordCount committed(String bootstrapServers, String topic) {
        return new RecordCount(bootstrapServers, topic, IsolationLevel.READ_COMMITTED);
    }

    /** Every record written (read_uncommitted): committed ones and those of open or aborted transactions. */
    static RecordCount written(String bootstrapServers, String topic) {
        return new RecordCount(bootstrapServers, topic, IsolationLevel.READ_UNCOMMITTED);
    }

    /** The records up to the topic's end now. */
    int now() {
        LogReader.readToEnd(consumer, TIMEOUT, record -> count++);
        return count;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
