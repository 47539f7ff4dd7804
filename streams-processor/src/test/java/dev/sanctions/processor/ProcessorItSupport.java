package dev.sanctions.processor;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.core.Topics;
import dev.sanctions.processor.setup.PipelineSetup;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import dev.sanctions.testkit.KafkaBackend;
import dev.sanctions.testkit.TestAnnouncementLog;
import dev.sanctions.testkit.UniqueNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the processor's integration tests set up alike: their own topics, settings and an announcement producer. */
final class ProcessorItSupport {

    private ProcessorItSupport() {}

    /** Fresh topics with a unique prefix, two partitions each, created as {@code init} does. */
    static Topics createTopics(KafkaBackend kafka, String prefix, List<String> jurisdictions) {
        Topics topics = Topics.withPrefix(UniqueNames.of(prefix) + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
                RestSchemaRegistryClient registry =
                        RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", kafka.schemaRegistryUrl()))) {
            new PipelineSetup(admin, registry, topics, 2, (short) 1).run(jurisdictions);
        }
        return topics;
    }

    /** A processor of its own application id and state directory, HTTP on any free loopback port. */
    static ProcessorSettings settings(KafkaBackend kafka, Topics topics, String applicationPrefix, Path stateDir) {
        return ProcessorSettings.builder(kafka.bootstrapServers(), kafka.schemaRegistryUrl())
                .topics(topics)
                .applicationId(UniqueNames.of(applicationPrefix))
                .stateDir(stateDir)
                .replicationFactor((short) 1)
                .http("127.0.0.1", 0)
                .build();
    }

    /** An idempotent producer of announcements, as a publisher outside the processor would write them. */
    static KafkaProducer<String, Announcement> announcementProducer(KafkaBackend kafka) {
        return TestAnnouncementLog.producer(kafka);
    }

    /** Publishes {@code announcement} under its authority with its {@code publishedAt} as record time, and waits. */
    static void publish(KafkaProducer<String, Announcement> producer, Topics topics, Announcement announcement) {
        try {
            producer.send(TestAnnouncementLog.record(topics.announcements(), announcement))
                    .get();
        } catch (Exception e) {
            throw new AssertionError("could not publish " + announcement.getAnnouncementId(), e);
        }
    }

    /** Every committed notification on {@code topic}, read to its end. */
    static List<DesignationChange> changes(KafkaBackend kafka, String topic) {
        SpecificAvroDeserializer<DesignationChange> values = new SpecificAvroDeserializer<>();
        values.configure(Map.of("schema.registry.url", kafka.schemaRegistryUrl()), false);
        return CommittedRecords.readToEnd(kafka.bootstrapServers(), topic, new StringDeserializer(), values).stream()
                .map(ConsumerRecord::value)
                .toList();
    }
}
