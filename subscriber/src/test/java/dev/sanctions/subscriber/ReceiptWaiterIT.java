package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import dev.sanctions.subscriber.ReceiptWaiter.Announced;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ReceiptWaiter} on the in-process broker, with receipts written as the processor writes them. */
class ReceiptWaiterIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private String prefix;

    @BeforeEach
    void ownTopics() {
        prefix = UniqueNames.of("receipts") + ".";
        TestTopics.create(KAFKA.bootstrapServers(), 2, prefix + "sanctions.receipts");
    }

    @Test
    void onlyReceiptsAfterTheMarkCountAndOneWrittenBeforeTheWaitIsNotMissed() {
        write(receipt("JP-MOFA", "a-1"));
        try (ReceiptWaiter waiter = ReceiptWaiter.markEnd(settings())) {
            // After the mark, before anyone reads: as when the processor is faster than the publisher's return.
            write(receipt("JP-MOFA", "a-2"), receipt("US-OFAC", "a-1"));

            ReceiptWaiter.Outcome outcome = waiter.await(
                    List.of(new Announced("JP-MOFA", "a-2"), new Announced("US-OFAC", "a-1")), Duration.ofSeconds(30));

            assertThat(outcome.complete()).isTrue();
            assertThat(outcome.receipts())
                    .containsOnlyKeys(new Announced("JP-MOFA", "a-2"), new Announced("US-OFAC", "a-1"));
        }
    }

    @Test
    void aReceiptBeforeTheMarkOrOfAnotherAuthorityLeavesTheAnnouncementMissingAtTheTimeout() {
        write(receipt("JP-MOFA", "a-1"));
        try (ReceiptWaiter waiter = ReceiptWaiter.markEnd(settings())) {
            write(receipt("KR-MOEF", "a-1"));

            long start = System.nanoTime();
            ReceiptWaiter.Outcome outcome =
                    waiter.await(List.of(new Announced("JP-MOFA", "a-1")), Duration.ofSeconds(2));

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(20));
            assertThat(outcome.complete()).isFalse();
            assertThat(outcome.missing()).containsExactly(new Announced("JP-MOFA", "a-1"));
            assertThat(outcome.receipts()).isEmpty();
        }
    }

    @Test
    void aReceiptsTopicThatAppearsAfterTheMarkIsReadFromItsBeginning() {
        String late = UniqueNames.of("late") + ".";
        try (ReceiptWaiter waiter =
                ReceiptWaiter.markEnd(SubscriptionSettings.builder(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl())
                        .topicPrefix(late)
                        .build())) {
            TestTopics.create(KAFKA.bootstrapServers(), 1, late + "sanctions.receipts");
            write(late, receipt("JP-MOFA", "a-1"));

            ReceiptWaiter.Outcome outcome =
                    waiter.await(List.of(new Announced("JP-MOFA", "a-1")), Duration.ofSeconds(30));

            assertThat(outcome.complete()).isTrue();
        }
    }

    private SubscriptionSettings settings() {
        return SubscriptionSettings.builder(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl())
                .topicPrefix(prefix)
                .build();
    }

    private static AnnouncementReceipt receipt(String authority, String announcementId) {
        return AnnouncementReceipt.newBuilder()
                .setAnnouncementId(announcementId)
                .setAuthority(authority)
                .setJurisdiction(authority.substring(0, 2))
                .setPublishedAt(Instant.parse("2022-04-08T01:00:00Z"))
                .setActions(1)
                .setDesignated(1)
                .setAmended(0)
                .setDelisted(0)
                .setUnchanged(0)
                .setRejected(0)
                .setRejections(List.of())
                .build();
    }

    private void write(AnnouncementReceipt... receipts) {
        write(prefix, receipts);
    }

    /** In one transaction, keyed by announcement id, as the processor writes them. */
    private static void write(String topicPrefix, AnnouncementReceipt... receipts) {
        SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
        values.configure(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()), false);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        UniqueNames.of("processor-double")),
                new StringSerializer(),
                values)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (AnnouncementReceipt receipt : receipts) {
                producer.send(new ProducerRecord<>(
                        topicPrefix + "sanctions.receipts",
                        null,
                        receipt.getPublishedAt().toEpochMilli(),
                        receipt.getAnnouncementId(),
                        receipt));
            }
            producer.commitTransaction();
        }
        awaitCommitMarkers(topicPrefix + "sanctions.receipts");
    }

    /**
     * A committed transaction's markers reach its partitions after {@code commitTransaction} returns (Kafka 4's
     * transactions v2): until then a read_committed end offset, as {@link ReceiptWaiter#markEnd} takes, still stops
     * before the records. A test that writes receipts "before the mark" waits for that, as time does for a
     * publisher whose earlier announcements are long committed.
     */
    private static void awaitCommitMarkers(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            EndOffsets ends = new EndOffsets(admin, KAFKA.bootstrapServers(), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<TopicPartition> partitions =
                        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                                .map(partition -> new TopicPartition(topic, partition.partition()))
                                .toList();
                return ends.of(partitions, IsolationLevel.READ_COMMITTED)
                        .equals(ends.of(partitions, IsolationLevel.READ_UNCOMMITTED));
            });
        }
    }
}
