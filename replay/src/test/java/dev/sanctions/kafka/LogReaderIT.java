package dev.sanctions.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link LogReader} against a real broker, read_committed, with real transactions. It lives in this module because
 * testkit's registry stores its schemas through kafka-support, so kafka-support cannot test with testkit itself.
 */
class LogReaderIT {
    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void readsEveryCommittedRecordOfEveryPartitionInLogOrder() {
        String topic = topic(3);
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "k", "p0-a"));
            producer.send(new ProducerRecord<>(topic, 1, "k", "p1-a"));
            producer.send(new ProducerRecord<>(topic, 0, "k", "p0-b"));
            producer.commitTransaction();
        }
        awaitTransactionsDecided(topic);

        List<ConsumerRecord<String, String>> read = readToEnd(topic);

        assertThat(read)
                .filteredOn(record -> record.partition() == 0)
                .extracting(ConsumerRecord::value)
                .containsExactly("p0-a", "p0-b");
        assertThat(read)
                .filteredOn(record -> record.partition() == 1)
                .extracting(ConsumerRecord::value)
                .containsExactly("p1-a");
        assertThat(read).hasSize(3);
    }

    @Test
    void stopsAtTheEndWhenTheLogEndsInAnAbortedTransaction() {
        String topic = topic(1);
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
        }
        awaitTransactionsDecided(topic);
        TopicPartition partition = new TopicPartition(topic, 0);

        try (KafkaConsumer<String, String> consumer = readCommitted()) {
            LogReader.assignFromStart(consumer, List.of(partition));
            List<String> values = new ArrayList<>();
            LogReader.readToEnd(consumer, TIMEOUT, record -> values.add(record.value()));

            assertThat(values).containsExactly("committed");
            // committed, its marker, aborted, its marker: the position passed all four with one record to show.
            assertThat(consumer.position(partition)).isEqualTo(4);
        }
    }

    @Test
    void anEmptyTopicHasNothingToRead() {
        assertThat(readToEnd(topic(2))).isEmpty();
    }

    @Test
    void readingOnAfterAnEarlierEndNeitherMissesNorRepeatsARecord() {
        String topic = topic(1);
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.beginTransaction();
            List.of("a", "b", "c", "d").forEach(value -> producer.send(new ProducerRecord<>(topic, "k", value)));
            producer.commitTransaction();
        }
        awaitTransactionsDecided(topic);
        TopicPartition partition = new TopicPartition(topic, 0);

        try (KafkaConsumer<String, String> consumer = readCommitted()) {
            LogReader.assignFromStart(consumer, List.of(partition));
            List<String> first = new ArrayList<>();
            LogReader.readTo(consumer, Map.of(partition, 2L), TIMEOUT, record -> first.add(record.value()));
            List<String> rest = new ArrayList<>();
            LogReader.readToEnd(consumer, TIMEOUT, record -> rest.add(record.value()));

            assertThat(first).containsExactly("a", "b");
            assertThat(rest).containsExactly("c", "d");
        }
    }

    @Test
    void aReadThatStandsStillFailsNamingThePartitionsBehind() throws Exception {
        String topic = topic(1);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<String, String> producer = transactionalProducer();
                KafkaConsumer<String, String> consumer = readCommitted()) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "open"));
            producer.flush();
            // The high watermark lies past a transaction still open: read_committed cannot get there until it ends.
            Map<TopicPartition, Long> highWatermarks = ends(topic, IsolationLevel.READ_UNCOMMITTED);
            assertThat(highWatermarks).containsEntry(partition, 1L);
            LogReader.assignFromStart(consumer, List.of(partition));

            assertThatThrownBy(() -> LogReader.readTo(consumer, highWatermarks, Duration.ofSeconds(1), record -> {}))
                    .isInstanceOf(EndNotReachedException.class)
                    .hasMessage("reading topic '" + topic + "' to the end made no progress for 1 s; still behind: "
                            + partition + " at offset 0 of 1. Is the broker reachable? Check bootstrap.servers and "
                            + "the client's security settings. If it is, a transaction left open below the end holds "
                            + "a read_committed consumer back until it commits or aborts.");
            producer.abortTransaction();
        }
    }

    private static String topic(int partitions) {
        String topic = UniqueNames.of("log-reader");
        TestTopics.create(KAFKA.bootstrapServers(), partitions, topic);
        return topic;
    }

    private static List<ConsumerRecord<String, String>> readToEnd(String topic) {
        try (KafkaConsumer<String, String> consumer = readCommitted()) {
            LogReader.assignFromStart(consumer, LogReader.partitionsOf(consumer, topic, TIMEOUT));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            LogReader.readToEnd(consumer, TIMEOUT, records::add);
            return records;
        }
    }

    /** A commit returns before its markers are written; until they are, read_committed ends lie before it. */
    private static void awaitTransactionsDecided(String topic) {
        await().atMost(TIMEOUT)
                .until(() -> ends(topic, IsolationLevel.READ_COMMITTED)
                        .equals(ends(topic, IsolationLevel.READ_UNCOMMITTED)));
    }

    private static Map<TopicPartition, Long> ends(String topic, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(isolation))
                    .all()
                    .get()
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, UniqueNames.of("log-reader-tx")),
                new StringSerializer(),
                new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    private static KafkaConsumer<String, String> readCommitted() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(),
                new StringDeserializer());
    }
}
