package dev.sanctions.processor;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static dev.sanctions.processor.topology.TestAnnouncements.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.core.Topics;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import dev.sanctions.testkit.KafkaBackendExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records of announcements outside their authority's partition, on a real topic of two partitions: a producer with
 * another partitioner (librdkafka's default is not murmur2) or no key would otherwise have another task designate
 * the same key a second time and accept a used announcement id.
 */
class MisroutedAnnouncementIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @TempDir
    Path stateDir;

    private Topics topics;
    private SanctionsProcessor processor;
    private KafkaProducer<String, Announcement> producer;

    @BeforeEach
    void setUp() {
        topics = ProcessorItSupport.createTopics(KAFKA.backend(), "misrouted-it", List.of("JP"));
        processor = SanctionsProcessor.start(
                ProcessorItSupport.settings(KAFKA.backend(), topics, "misrouted-it", stateDir.resolve("state")));
        producer = ProcessorItSupport.announcementProducer(KAFKA.backend());
    }

    @AfterEach
    void tearDown() {
        processor.close();
        producer.close();
    }

    @Test
    void recordsOutsideTheirAuthoritysPartitionAreRejectedAndChangeNothing() {
        int own = send(null, "JP-MOFA", announcement("a1", T1, designate("N-1", "Ivan", MeasureType.ASSET_FREEZE)));
        int other = 1 - own;
        send(other, "JP-MOFA", announcement("a2", T2, designate("N-1", "Impostor", MeasureType.TRAVEL_BAN)));
        send(other, "JP-MOFA", announcement("a1", T2, designate("N-2", "Reused id", MeasureType.ASSET_FREEZE)));
        send(other, null, announcement("a3", T2, designate("N-3", "No key", MeasureType.ASSET_FREEZE)));
        send(null, "JP-MOFA", announcement("a4", T2, designate("N-4", "Valid", MeasureType.ASSET_FREEZE)));

        List<ConsumerRecord<String, RejectedAction>> rejected = await().atMost(WAIT)
                .until(() -> this.<RejectedAction>read(topics.rejected()), records -> records.size() >= 3);
        List<ConsumerRecord<String, DesignationChange>> changes = await().atMost(WAIT)
                .until(
                        () -> this.<DesignationChange>read(topics.changes()),
                        records -> records.stream().anyMatch(r -> r.key().equals(key("N-4"))));

        assertThat(rejected)
                .extracting(ConsumerRecord::key, record -> record.value().getReason())
                .containsExactlyInAnyOrder(
                        tuple("a2", RejectionReason.MISROUTED),
                        tuple("a1", RejectionReason.MISROUTED),
                        tuple("a3", RejectionReason.MISROUTED));
        assertThat(changes)
                .extracting(
                        ConsumerRecord::key,
                        record -> record.value().getChangeType(),
                        record -> record.value().getVersion(),
                        record -> record.value().getAfter().getTarget().getName())
                .containsExactlyInAnyOrder(
                        tuple(key("N-1"), ChangeType.DESIGNATED, 1L, "Ivan"),
                        tuple(key("N-4"), ChangeType.DESIGNATED, 1L, "Valid"));
    }

    /** Sends to {@code partition}, or where the Java producer puts the key when null; returns the partition. */
    private int send(Integer partition, String recordKey, Announcement announcement) {
        try {
            RecordMetadata sent = producer.send(new ProducerRecord<>(
                            topics.announcements(),
                            partition,
                            announcement.getPublishedAt().toEpochMilli(),
                            recordKey,
                            announcement))
                    .get();
            return sent.partition();
        } catch (Exception e) {
            throw new AssertionError("could not publish " + announcement.getAnnouncementId(), e);
        }
    }

    private <V extends SpecificRecord> List<ConsumerRecord<String, V>> read(String topic) {
        SpecificAvroDeserializer<V> values = new SpecificAvroDeserializer<>();
        values.configure(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()), false);
        return CommittedRecords.readToEnd(KAFKA.bootstrapServers(), topic, new StringDeserializer(), values);
    }
}
