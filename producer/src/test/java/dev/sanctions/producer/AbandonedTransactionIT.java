package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Announcement;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A publish killed inside its transaction leaves the transaction open, which holds back every read_committed
 * reader of the partition. The next publish from the same desk has the same transactional id: it fences the dead
 * one and aborts its transaction at once instead of waiting for the broker's transaction timeout.
 */
class AbandonedTransactionIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    /** Far longer than the test may wait: only fencing can release the readers in time. */
    private static final Duration ABANDONED_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    @Test
    void theNextPublishFromTheSameDeskAbortsTheTransactionAKilledPublishLeftOpen() {
        String topic = UniqueNames.of("announcements");
        TestTopics.create(KAFKA.bootstrapServers(), List.of(new NewTopic(topic, 1, (short) 1)));
        PublisherConfig config = PublisherConfig.builder(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl())
                .topic(topic)
                .build();
        abandonOpenTransaction(
                topic,
                PublisherConfig.builder(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl())
                        .build()
                        .transactionalId());

        Announcement announcement = AnnouncementFiles.read(
                        List.of(Path.of("src/test/resources/announcements/10-spec-example.json")))
                .announcements()
                .get(0)
                .announcement();
        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config)) {
            publisher.publish(List.of(announcement));
        }

        try (KafkaConsumer<String, byte[]> consumer = readCommitted(topic)) {
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> keys.add(r.key()));
                assertThat(keys).containsExactly(announcement.getAuthority());
            });
        }
    }

    /** What a publish killed between send and commit leaves behind: an open transaction and no producer to end it. */
    @SuppressWarnings("resource") // abandoned on purpose, as a killed process would leave it
    private static void abandonOpenTransaction(String topic, String transactionalId) {
        KafkaProducer<byte[], byte[]> killed = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        transactionalId,
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        (int) ABANDONED_TRANSACTION_TIMEOUT.toMillis()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        killed.initTransactions();
        killed.beginTransaction();
        killed.send(new ProducerRecord<>(topic, "KILLED".getBytes(), "never committed".getBytes()));
        killed.flush();
    }

    private static KafkaConsumer<String, byte[]> readCommitted(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }
}
