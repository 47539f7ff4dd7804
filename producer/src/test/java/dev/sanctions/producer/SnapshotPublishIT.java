package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.registry.serde.AvroSerdeConfig;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestConsumers;
import dev.sanctions.testkit.UniqueNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A snapshot larger than one record travels as numbered parts in one transaction. */
class SnapshotPublishIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aSnapshotLargerThanOneRecordArrivesAsNumberedPartsInOneTransaction() {
        String topic = topic();
        // About 11 MB: more than one part of the default limit (8 MiB).
        Announcement whole = SnapshotPartsTest.snapshot(60_000, 16);

        List<Published> published;
        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config(topic, null))) {
            published = publisher.publish(List.of(whole));
        }

        assertThat(published).hasSizeGreaterThanOrEqualTo(2);
        List<ConsumerRecord<String, Announcement>> records = readCommitted(topic, published.size());
        assertThat(records).hasSize(published.size());
        List<Action> entries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Announcement> record = records.get(i);
            Announcement part = record.value();
            assertThat(part.getAnnouncementId()).isEqualTo(whole.getAnnouncementId());
            assertThat(part.getSnapshot().getPart()).isEqualTo(i);
            assertThat(part.getSnapshot().getParts()).isEqualTo(records.size());
            assertThat(part.getSnapshot().getFirstIndex()).isEqualTo(entries.size());
            assertThat(record.serializedValueSize()).isLessThanOrEqualTo(PublisherConfig.DEFAULT_SNAPSHOT_PART_BYTES);
            assertThat(published.get(i).part()).isEqualTo(i);
            assertThat(published.get(i).offset()).isEqualTo(record.offset());
            entries.addAll(part.getActions());
        }
        assertThat(entries).isEqualTo(whole.getActions());
        // Consecutive offsets: no transaction marker between the parts, so one transaction holds them all.
        assertThat(records.get(records.size() - 1).offset() - records.get(0).offset())
                .isEqualTo(records.size() - 1L);
    }

    @Test
    void aStreamedSnapshotThatFailsHalfwayLeavesNothingVisible() {
        String topic = topic();
        Announcement whole = SnapshotPartsTest.snapshot(3_000, 2);
        Announcement header =
                Announcement.newBuilder(whole).setActions(List.of()).build();
        int[] reads = {0};
        SnapshotSource failsOnTheSecondRead = new SnapshotSource() {
            @Override
            public Announcement header() {
                return header;
            }

            @Override
            public void forEachEntry(Consumer<Action> entry) {
                reads[0]++;
                for (int i = 0; i < whole.getActions().size(); i++) {
                    if (reads[0] == 2 && i == 2_500) {
                        throw new IllegalStateException("the list file changed");
                    }
                    entry.accept(whole.getActions().get(i));
                }
            }
        };

        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config(topic, 16 * 1024))) {
            assertThatThrownBy(() -> publisher.publishSnapshot(failsOnTheSecondRead))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the list file changed");
            // The same publisher goes on; its next transaction is the first thing a read_committed consumer sees.
            List<Published> marker = publisher.publishSnapshot(SnapshotSource.of(SnapshotPartsTest.snapshot(3, 1)));
            assertThat(marker).singleElement().extracting(Published::parts).isEqualTo(1);
        }

        assertThat(readCommitted(topic, 1))
                .singleElement()
                .extracting(r -> r.value().getActions().size())
                .isEqualTo(3);
    }

    @Test
    void aStreamedSnapshotIsSplitByTheConfiguredLimit() {
        String topic = topic();
        Announcement whole = SnapshotPartsTest.snapshot(3_000, 2);

        List<Published> published;
        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config(topic, 16 * 1024))) {
            published = publisher.publishSnapshot(SnapshotSource.of(whole));
        }

        assertThat(published).hasSizeGreaterThan(3);
        assertThat(published)
                .extracting(Published::part)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, published.size())
                        .boxed()
                        .toList());
        assertThat(published.stream().mapToInt(Published::actions).sum()).isEqualTo(3_000);
        assertThat(readCommitted(topic, published.size())).hasSize(published.size());
    }

    private static String topic() {
        return AnnouncementsTopic.create(KAFKA.bootstrapServers());
    }

    private static PublisherConfig config(String topic, Integer partBytes) {
        PublisherConfig.Builder builder = PublisherConfig.builder(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl())
                .topic(topic)
                .transactionalId(UniqueNames.of("publish"));
        if (partBytes != null) {
            builder.snapshotPartBytes(partBytes);
        }
        return builder.build();
    }

    private static List<ConsumerRecord<String, Announcement>> readCommitted(String topic, int count) {
        SpecificAvroDeserializer<Announcement> values = new SpecificAvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, KAFKA.schemaRegistryUrl()), false);
        return TestConsumers.readCommitted(
                KAFKA.bootstrapServers(), topic, new StringDeserializer(), values, count, READ_TIMEOUT);
    }
}
