package dev.sanctions.replay;

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
 * Reads a whole topic, partition by partition, from its start to the end offsets seen when reading began
 * (read_committed), so a replay is a fixed snapshot of the log even while producers keep writing. Records of
 * one partition arrive in log order; SPEC 3 needs no order across partitions because every key of one authority
 * lives in one partition.
 */
final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(500);
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
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, METADATA_WAIT);
            long read = 0;
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                while (consumer.position(partition, METADATA_WAIT) < end) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        if (record.offset() >= end) {
                            break;
                        }
                        sink.accept(record);
                        read++;
                    }
                    progress.accept(read);
                }
            }
            return read;
        } catch (TimeoutException e) {
            throw new ReplayException("could not read topic '" + topic + "' from the brokers at "
                    + source.kafkaProperties().get("bootstrap.servers") + " within " + METADATA_WAIT.toSeconds()
                    + " s: check that Kafka is running there and the address is right (--bootstrap-servers)", e);
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(METADATA_WAIT);
        List<PartitionInfo> infos = topics.get(topic);
        if (infos == null || infos.isEmpty()) {
            throw new ReplayException("topic '" + topic + "' does not exist: run 'sanctions init' first, or check "
                    + "--topic-prefix and --bootstrap-servers");
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .toList();
    }

    @FunctionalInterface
    interface RecordSink {
        void accept(ConsumerRecord<String, byte[]> record);
    }
}
