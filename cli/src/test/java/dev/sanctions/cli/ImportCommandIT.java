package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Announcement;
import dev.sanctions.core.Topics;
import dev.sanctions.registry.serde.AvroSerdeConfig;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestConsumers;
import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sanctions import of the UN excerpt onto the in-process broker. */
class ImportCommandIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Path UN = Path.of("src/test/resources/formats/un-consolidated.xml");

    @Test
    void theUnExcerptArrivesAsOneSnapshotRecordOfSevenEntries() {
        String prefix = UniqueNames.of("import") + ".";
        String topic = Topics.withPrefix(prefix).announcements();
        TestTopics.create(
                KAFKA.bootstrapServers(),
                List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("max.message.bytes", "16777216"))));

        CliRun run = CliRun.of(
                "import",
                "un-xml",
                UN.toString(),
                "--max-delist",
                "0.1",
                "--bootstrap-servers",
                KAFKA.bootstrapServers(),
                "--schema-registry-url",
                KAFKA.schemaRegistryUrl(),
                "--topic-prefix",
                prefix,
                "--publisher-id",
                UniqueNames.of("importer"));

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("publishedAt 2026-02-27T00:00:09.554Z (the file's own date)")
                .containsPattern("published un-xml-consolidated-2026-02-27-[0-9a-f]{16} part 1/1 \\(7 entries\\) to"
                        + " partition 0 at offset 0");
        ConsumerRecord<String, Announcement> record = read(topic).get(0);
        Announcement snapshot = record.value();
        assertThat(record.key()).isEqualTo("UN-SC");
        assertThat(record.timestamp())
                .isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z").toEpochMilli());
        assertThat(snapshot.getSnapshot().getList()).isEqualTo("CONSOLIDATED");
        assertThat(snapshot.getSnapshot().getMaxDelistFraction()).isEqualTo(0.1);
        assertThat(snapshot.getSnapshot().getParts()).isEqualTo(1);
        assertThat(snapshot.getActions()).hasSize(7);
        assertThat(snapshot.getActions().get(0).getTarget().getId()).isEqualTo("QDi.314");

        // The same file again is the same announcement id: the processor ignores it as a duplicate.
        CliRun again = CliRun.of(
                "import", "un-xml", UN.toString(), "--dry-run", "--bootstrap-servers", KAFKA.bootstrapServers());
        assertThat(again.out()).contains("announcementId " + snapshot.getAnnouncementId());
    }

    private static List<ConsumerRecord<String, Announcement>> read(String topic) {
        SpecificAvroDeserializer<Announcement> values = new SpecificAvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, KAFKA.schemaRegistryUrl()), false);
        return TestConsumers.readCommitted(
                KAFKA.bootstrapServers(), topic, new StringDeserializer(), values, 1, Duration.ofSeconds(30));
    }
}
