package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.Announcement;
import dev.sanctions.core.Topics;
import dev.sanctions.registry.serde.AvroSerdeConfig;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestConsumers;
import dev.sanctions.testkit.UniqueNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnnouncementPublisherIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Path EXAMPLES = Path.of("src/test/resources/announcements");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aValidBatchIsReadBackInOrderWithKeysTimestampsAndAvroContents() {
        String topic = topic();
        Batch batch = AnnouncementFiles.read(List.of(EXAMPLES));
        assertThat(batch.problems()).isEmpty();
        List<Announcement> announcements = batch.announcements().stream()
                .map(ParsedAnnouncement::announcement)
                .toList();

        List<Published> published;
        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config(topic))) {
            published = publisher.publish(announcements);
        }

        assertThat(published)
                .extracting(Published::announcementId, Published::authority, Published::actions)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("jp-mofa-2022-04-08-ru", "JP-MOFA", 1),
                        org.assertj.core.groups.Tuple.tuple("jp-mofa-2022-05-10-ru", "JP-MOFA", 2),
                        org.assertj.core.groups.Tuple.tuple("jp-mofa-2023-01-27-ru", "JP-MOFA", 1),
                        org.assertj.core.groups.Tuple.tuple("us-ofac-2022-03-11", "US-OFAC", 1),
                        org.assertj.core.groups.Tuple.tuple("eu-council-2022-02-28", "EU-COUNCIL", 1));
        List<ConsumerRecord<String, Announcement>> records = readCommitted(topic, announcements.size());
        assertThat(records).hasSize(announcements.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Announcement> record = records.get(i);
            Announcement sent = announcements.get(i);
            assertThat(record.key()).isEqualTo(sent.getAuthority());
            assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
            assertThat(record.timestamp()).isEqualTo(sent.getPublishedAt().toEpochMilli());
            assertThat(record.value()).isEqualTo(sent);
            assertThat(record.offset()).isEqualTo(published.get(i).offset());
            assertThat(record.partition()).isEqualTo(published.get(i).partition());
        }
    }

    @Test
    void aMixedBatchPublishesNothing() {
        String topic = topic();
        Path mixed = Path.of("src/test/resources/invalid/round-3.jsonl");
        Batch batch = AnnouncementFiles.read(List.of(EXAMPLES, mixed));
        assertThat(batch.valid()).isFalse();
        // The file reader keeps the valid announcements apart, but an invalid one handed to the publisher as Avro
        // (as an importer might) stops the whole call before anything is sent.
        Announcement invalid = Announcement.newBuilder(
                        batch.announcements().get(0).announcement())
                .setAnnouncementId("needs a name")
                .build();
        invalid.getActions().get(0).getTarget().setName(null);
        List<Announcement> announcements = new ArrayList<>(batch.announcements().stream()
                .map(ParsedAnnouncement::announcement)
                .toList());
        announcements.add(2, invalid);

        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config(topic))) {
            assertThatThrownBy(() -> publisher.publish(announcements))
                    .isInstanceOfSatisfying(
                            InvalidAnnouncementsException.class,
                            e -> assertThat(e.problems())
                                    .containsExactly(
                                            "announcements[2] (needs a name): announcementId: must be 1-200 characters of "
                                                    + "[A-Za-z0-9._:-], e.g. jp-mofa-2022-04-08-ru",
                                            "announcements[2] (needs a name): actions[0].target.name: required for DESIGNATE, "
                                                    + "must not be blank"));
            // A marker published afterwards is the first thing a read_committed consumer sees.
            Announcement marker = batch.announcements().get(1).announcement();
            publisher.publish(List.of(marker));
        }

        List<ConsumerRecord<String, Announcement>> records = readCommitted(topic, 1);
        assertThat(records)
                .extracting(ConsumerRecord::value)
                .extracting(Announcement::getAnnouncementId)
                .containsExactly("jp-mofa-2022-05-10-ru");
    }

    @Test
    void anAnnouncementIdRepeatedInOneCallIsRefused() {
        String topic = topic();
        Announcement announcement = AnnouncementFiles.read(List.of(EXAMPLES.resolve("10-spec-example.json")))
                .announcements()
                .get(0)
                .announcement();

        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config(topic))) {
            assertThatThrownBy(() -> publisher.publish(List.of(announcement, announcement)))
                    .isInstanceOfSatisfying(
                            InvalidAnnouncementsException.class,
                            e -> assertThat(e.problems())
                                    .hasSize(2)
                                    .first()
                                    .asString()
                                    .startsWith(
                                            "announcements[0] (jp-mofa-2022-04-08-ru): announcementId: "
                                                    + "'jp-mofa-2022-04-08-ru' is used more than once by JP-MOFA (also at announcements[1]"));
        }
    }

    @Test
    void anUnreachableRegistryIsAPublishExceptionNamingIt() {
        String topic = topic();
        String registry = "http://127.0.0.1:" + FreePorts.one();
        Announcement announcement = AnnouncementFiles.read(List.of(EXAMPLES.resolve("10-spec-example.json")))
                .announcements()
                .get(0)
                .announcement();
        PublisherConfig config = PublisherConfig.builder(KAFKA.bootstrapServers(), registry)
                .topic(topic)
                .timeout(Duration.ofSeconds(5))
                .build();

        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config)) {
            assertThatThrownBy(() -> publisher.publish(List.of(announcement)))
                    .isInstanceOf(PublishException.class)
                    .hasMessageStartingWith(
                            "could not write announcements with the schema registry at " + registry + ": ")
                    .hasMessageEndingWith("; nothing was published");
        }
    }

    @Test
    void anUnreachableBrokerIsAPublishExceptionNamingIt() {
        String bootstrap = "127.0.0.1:" + FreePorts.one();
        Announcement announcement = AnnouncementFiles.read(List.of(EXAMPLES.resolve("10-spec-example.json")))
                .announcements()
                .get(0)
                .announcement();
        PublisherConfig config = PublisherConfig.builder(bootstrap, KAFKA.schemaRegistryUrl())
                .topic(Topics.withPrefix("test.").announcements())
                .timeout(Duration.ofSeconds(3))
                .build();

        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config)) {
            assertThatThrownBy(() -> publisher.publish(List.of(announcement)))
                    .isInstanceOf(PublishException.class)
                    .hasMessageStartingWith("could not publish to topic 'test.sanctions.announcements' on Kafka at "
                            + bootstrap + " within 3 s: ")
                    .hasMessageEndingWith("; nothing was published");
        }
    }

    private static String topic() {
        return AnnouncementsTopic.create(KAFKA.bootstrapServers());
    }

    private static PublisherConfig config(String topic) {
        return PublisherConfig.builder(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl())
                .topic(topic)
                .transactionalId(UniqueNames.of("publish"))
                .build();
    }

    private static List<ConsumerRecord<String, Announcement>> readCommitted(String topic, int count) {
        SpecificAvroDeserializer<Announcement> values = new SpecificAvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, KAFKA.schemaRegistryUrl()), false);
        return TestConsumers.readCommitted(
                KAFKA.bootstrapServers(), topic, new StringDeserializer(), values, count, READ_TIMEOUT);
    }
}
