package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.embedded.EmbeddedKafkaBroker;
import dev.sanctions.registry.serde.AvroSerdeConfig;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import dev.sanctions.registry.server.InMemorySchemaStore;
import dev.sanctions.registry.server.SchemaRegistryServer;
import dev.sanctions.testkit.TestConsumers;
import dev.sanctions.testkit.TestTopics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that goes away in the middle of a large publish leaves nothing visible, and the publisher says so. */
class BrokerStoppedMidPublishIT {

    private static final String TOPIC = "sanctions.announcements";
    private static final String TRANSACTIONAL_ID = "publish-broker-stop";

    @TempDir
    Path dataDir;

    private SchemaRegistryServer registry;
    private EmbeddedKafkaBroker broker;

    @BeforeEach
    void start() throws IOException {
        // The registry keeps its schemas in memory so that it outlives the broker.
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        broker = EmbeddedKafkaBroker.start(dataDir, 0);
        TestTopics.create(
                broker.bootstrapServers(),
                List.of(new NewTopic(TOPIC, 3, (short) 1)
                        .configs(
                                Map.of("max.message.bytes", String.valueOf(AnnouncementPublisher.MAX_REQUEST_BYTES)))));
        BlockingInterceptor.reset();
    }

    @AfterEach
    void stop() {
        BlockingInterceptor.release();
        if (broker != null) {
            broker.close();
        }
        registry.close();
    }

    @Test
    void nothingBecomesVisibleAndThePublisherFailsWithAClearError() throws Exception {
        String bootstrap = broker.bootstrapServers();
        List<Announcement> announcements =
                IntStream.range(0, 40).mapToObj(i -> announcement(i, 500)).toList();
        PublisherConfig config = PublisherConfig.builder(bootstrap, registry.url())
                .transactionalId(TRANSACTIONAL_ID)
                .timeout(Duration.ofSeconds(5))
                .clientProperties(
                        Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, BlockingInterceptor.class.getName()))
                .build();

        CompletableFuture<Throwable> outcome;
        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config)) {
            outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    publisher.publish(announcements);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertThat(BlockingInterceptor.awaitFirstAcknowledged(60))
                    .as("first record acknowledged")
                    .isTrue();
            broker.close();
            BlockingInterceptor.release();

            Throwable failure = outcome.get(120, TimeUnit.SECONDS);
            assertThat(failure)
                    .isInstanceOf(PublishException.class)
                    .hasMessageStartingWith("could not publish to topic 'sanctions.announcements' on Kafka at "
                            + bootstrap + " within 5 s: ")
                    .hasMessageEndingWith("; nothing was published");
        }

        broker = EmbeddedKafkaBroker.start(dataDir, 0);
        // The same transactional id fences the dead transaction at once instead of after its timeout.
        Announcement marker = announcement(1_000, 1);
        try (AnnouncementPublisher publisher =
                new AnnouncementPublisher(PublisherConfig.builder(broker.bootstrapServers(), registry.url())
                        .transactionalId(TRANSACTIONAL_ID)
                        .build())) {
            publisher.publish(List.of(marker));
        }
        List<ConsumerRecord<String, Announcement>> records = readCommitted(broker.bootstrapServers());
        assertThat(records).extracting(ConsumerRecord::value).containsExactly(marker);
    }

    private List<ConsumerRecord<String, Announcement>> readCommitted(String bootstrap) {
        SpecificAvroDeserializer<Announcement> values = new SpecificAvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        return TestConsumers.readCommitted(
                bootstrap, TOPIC, new StringDeserializer(), values, 1, Duration.ofSeconds(30));
    }

    private static Announcement announcement(int number, int actions) {
        return Announcement.newBuilder()
                .setAnnouncementId("bulk-" + number)
                .setAuthority(number % 2 == 0 ? "JP-MOFA" : "JP-METI")
                .setJurisdiction("JP")
                .setPublishedAt(Instant.parse("2022-04-08T01:00:00Z").plusSeconds(number))
                .setEffectiveFrom("2022-04-08")
                .setTitle("Bulk designation " + number)
                .setActions(IntStream.range(0, actions)
                        .mapToObj(i -> new Action(
                                ActionType.DESIGNATE,
                                Target.newBuilder()
                                        .setId("RU-P-" + number + "-" + i)
                                        .setKind(TargetKind.PERSON)
                                        .setName("Person " + i + " of announcement " + number)
                                        .build(),
                                List.of(new Measure(MeasureType.ASSET_FREEZE, null)),
                                List.of("RUSSIA"),
                                null))
                        .toList())
                .build();
    }
}
