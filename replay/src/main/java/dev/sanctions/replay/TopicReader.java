package dev.sanctions.replay;

import dev.sanctions.kafka.LogReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from its start to the end offsets seen when reading began (read_committed), so a replay is a
 * fixed snapshot of the log even while producers keep writing. Records of one partition arrive in log order; docs/events.md
 * needs no order across partitions because every key of one authority lives in one partition.
 */
final class TopicReader {

    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);

    private final LogSource source;

    TopicReader(LogSource source) {
        this.source = source;
    }

    /** Hands every record to {@code sink}; reports the count read so far to {@code progress}; returns the total. */
    long read(String topic, RecordSink sink, LongConsumer progress) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                source.consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            LogReader.assignFromStart(consumer, partitions);
            long[] read = new long[1];
            LogReader.readToEnd(consumer, METADATA_WAIT, record -> {
                sink.accept(record, partitions.size());
                progress.accept(++read[0]);
            });
            return read[0];
        } catch (TimeoutException e) {
            throw new ReplayException(
                    "could not read topic '" + topic + "' from the brokers at "
                            + source.kafkaProperties().get("bootstrap.servers") + " within " + METADATA_WAIT.toSeconds()
                            + " s: check that Kafka is running there and the address is right (--bootstrap-servers)",
                    e);
        }
    }

    /** Looked up among all topics, not asked for by name, so a broker that auto-creates topics does not create it. */
    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(METADATA_WAIT);
        List<PartitionInfo> infos = topics.get(topic);
        if (infos == null || infos.isEmpty()) {
            throw new ReplayException("topic '" + topic + "' does not exist: run 'sanctions init' first, or check "
                    + "--topic-prefix and --bootstrap-servers");
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    @FunctionalInterface
    interface RecordSink {
        /** One record of a topic that has {@code partitions} partitions. */
        void accept(ConsumerRecord<String, byte[]> record, int partitions);
    }
}
