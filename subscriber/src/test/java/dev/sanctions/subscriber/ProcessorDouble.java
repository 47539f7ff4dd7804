package dev.sanctions.subscriber;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what the processor writes for a notification, as it does: the change to {@code sanctions.changes} and to
 * its jurisdiction's topic, and the state after it to {@code sanctions.designations}, all in one transaction.
 * Record timestamps are the notification's {@code publishedAt}.
 */
final class ProcessorDouble implements AutoCloseable {

    static final int PARTITIONS = 3;

    private final String prefix;
    private final KafkaProducer<String, SpecificRecord> producer;

    ProcessorDouble(String bootstrapServers, String schemaRegistryUrl, String prefix) {
        this.prefix = prefix;
        SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
        values.configure(Map.of("schema.registry.url", schemaRegistryUrl), false);
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        UniqueNames.of("processor-double"),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                values);
        producer.initTransactions();
    }

    /** The contract topics under {@code prefix}, with change topics for {@code jurisdictions}. */
    static void createTopics(String bootstrapServers, String prefix, String... jurisdictions) {
        Stream<NewTopic> changes = Stream.concat(
                        Stream.of(prefix + "sanctions.changes"),
                        Stream.of(jurisdictions).map(j -> changesTopic(prefix, j)))
                .map(name -> new NewTopic(name, PARTITIONS, (short) 1));
        NewTopic designations = new NewTopic(prefix + "sanctions.designations", PARTITIONS, (short) 1)
                .configs(Map.of("cleanup.policy", "compact"));
        TestTopics.create(
                bootstrapServers,
                Stream.concat(changes, Stream.of(designations)).toList());
    }

    static String changesTopic(String prefix, String jurisdiction) {
        return prefix + "sanctions.changes." + jurisdiction.toLowerCase(Locale.ROOT);
    }

    /** One transaction holding every change given, in order. */
    void publish(List<DesignationChange> changes) {
        producer.beginTransaction();
        for (DesignationChange change : changes) {
            long timestamp = change.getPublishedAt().toEpochMilli();
            String key = change.getDesignationKey();
            producer.send(new ProducerRecord<>(prefix + "sanctions.changes", null, timestamp, key, change));
            producer.send(
                    new ProducerRecord<>(changesTopic(prefix, change.getJurisdiction()), null, timestamp, key, change));
            producer.send(
                    new ProducerRecord<>(prefix + "sanctions.designations", null, timestamp, key, change.getAfter()));
        }
        producer.commitTransaction();
    }

    void publish(DesignationChange... changes) {
        publish(List.of(changes));
    }

    @Override
    public void close() {
        producer.close();
    }
}
