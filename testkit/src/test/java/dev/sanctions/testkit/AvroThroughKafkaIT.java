package dev.sanctions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generated Avro classes go through the broker in the Confluent wire format and come back equal. */
class AvroThroughKafkaIT {
    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void anAnnouncementComesBackEqualAndFramedWithItsSchemaId() {
        roundTrip(UniqueNames.of("announcements"), "JP-MOFA", Samples.announcement());
    }

    @Test
    void aDesignationChangeComesBackEqualAndFramedWithItsSchemaId() {
        roundTrip(UniqueNames.of("changes"), "JP-MOFA/RU-0001", Samples.designationChange());
    }

    private static <T extends SpecificRecord> void roundTrip(String topic, String key, T record) {
        TestTopics.create(KAFKA.bootstrapServers(), 1, topic);
        Map<String, Object> serdeConfig =
                Map.of("schema.registry.url", KAFKA.schemaRegistryUrl(), "specific.avro.reader", true);

        SpecificAvroSerializer<T> serializer = new SpecificAvroSerializer<>();
        serializer.configure(serdeConfig, false);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, UniqueNames.of("avro-tx"));
        try (KafkaProducer<String, T> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), serializer)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, key, record));
            producer.commitTransaction();
        }

        SpecificAvroDeserializer<T> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(serdeConfig, false);
        List<ConsumerRecord<String, T>> read = TestConsumers.readCommitted(
                KAFKA.bootstrapServers(), topic, new StringDeserializer(), deserializer, 1, TIMEOUT);
        assertThat(read).singleElement().satisfies(consumed -> {
            assertThat(consumed.key()).isEqualTo(key);
            assertThat(consumed.value()).isEqualTo(record);
        });

        int registeredId;
        try (RestSchemaRegistryClient client = RestSchemaRegistryClient.fromConfig(serdeConfig)) {
            registeredId = client.getId(topic + "-value", record.getSchema());
        }
        byte[] bytes = TestConsumers.readCommitted(
                        KAFKA.bootstrapServers(),
                        topic,
                        new StringDeserializer(),
                        new ByteArrayDeserializer(),
                        1,
                        TIMEOUT)
                .get(0)
                .value();
        assertThat(bytes[0]).as("magic byte").isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("schema id").isEqualTo(registeredId);
    }
}
