package dev.sanctions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A one-node cluster runs Kafka transactions: committed records are read, aborted ones are not. */
class TransactionalRoundTripIT {
    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @Test
    void readCommittedSeesCommittedTransactionsOnly() {
        String topic = UniqueNames.of("tx-round-trip");
        TestTopics.create(KAFKA.bootstrapServers(), 1, topic);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, UniqueNames.of("tx"));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k2", "committed-2"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k3", "aborted"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k4", "committed-3"));
            producer.commitTransaction();
        }

        // One partition: committed-3 lies after the aborted record, so reading it means the aborted one was skipped.
        assertThat(TestConsumers.readCommitted(
                        KAFKA.bootstrapServers(),
                        topic,
                        new StringDeserializer(),
                        new StringDeserializer(),
                        3,
                        Duration.ofSeconds(30)))
                .extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2", "committed-3");
    }
}
