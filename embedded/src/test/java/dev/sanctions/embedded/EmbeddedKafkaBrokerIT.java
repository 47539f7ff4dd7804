package dev.sanctions.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What only the in-process broker offers: a data directory that outlives it, and a clean failure on a taken port.
 * Every test has brokers of its own, so fixed topic names do not collide; the test kit's helpers are not used
 * because the kit is built on this module.
 */
class EmbeddedKafkaBrokerIT {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBrokerIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDirectoryKeepsCommittedRecords() throws Exception {
        String topic = "restart";
        try (EmbeddedKafkaBroker broker = timedStart(dataDir, 0)) {
            createTopic(broker.bootstrapServers(), 2, topic);
            produceInTransaction(broker.bootstrapServers(), topic, List.of("a", "b", "c"));
            assertThat(values(broker.bootstrapServers(), topic, 3)).containsExactlyInAnyOrder("a", "b", "c");
        }
        try (EmbeddedKafkaBroker broker = timedStart(dataDir, 0)) {
            assertThat(values(broker.bootstrapServers(), topic, 3)).containsExactlyInAnyOrder("a", "b", "c");
            produceInTransaction(broker.bootstrapServers(), topic, List.of("d"));
            assertThat(values(broker.bootstrapServers(), topic, 4)).containsExactlyInAnyOrder("a", "b", "c", "d");
        }
    }

    @Test
    void aSecondBrokerOnATakenPortFailsWithPortInUseAndTheJvmSurvives(@TempDir Path otherDir) throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir, 0)) {
            int port = Integer.parseInt(
                    first.bootstrapServers().substring(first.bootstrapServers().lastIndexOf(':') + 1));

            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(otherDir, port))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use: stop what uses it or choose another"
                            + " with --kafka-port");

            // Still in this JVM, and the first broker still serves.
            String topic = "survivor";
            createTopic(first.bootstrapServers(), 1, topic);
            produceInTransaction(first.bootstrapServers(), topic, List.of("alive"));
            assertThat(values(first.bootstrapServers(), topic, 1)).containsExactly("alive");
        }
    }

    @Test
    void aSecondBrokerOnTheSameDirectoryIsRefusedAndTheFirstKeepsServing() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the Kafka data directory " + dataDir + " is in use by another embedded broker:"
                            + " stop it or choose another data directory");

            String topic = "single-owner";
            createTopic(first.bootstrapServers(), 1, topic);
            produceInTransaction(first.bootstrapServers(), topic, List.of("mine"));
            assertThat(values(first.bootstrapServers(), topic, 1)).containsExactly("mine");
        }
    }

    @Test
    void aClashFoundOnlyWhenBindingStillLeavesTheJvmRunning(@TempDir Path otherDir) throws Exception {
        StorageFormat.formatIfAbsent(otherDir);
        try (ServerSocket taken = new ServerSocket(0, 1, Loopback.address())) {
            // The broker's own listener: it fails the start-up.
            assertThatThrownBy(() -> EmbeddedKafkaBroker.startOnce(otherDir, taken.getLocalPort(), Loopback.freePort()))
                    .hasRootCauseInstanceOf(BindException.class);
            // The controller's listener: Kafka asks to halt the JVM, which the guard turns into an exception.
            assertThatThrownBy(() -> EmbeddedKafkaBroker.startOnce(otherDir, Loopback.freePort(), taken.getLocalPort()))
                    .isInstanceOf(BrokerHaltedException.class);
        }
        // The directory is usable again: nothing of the failed attempts holds it.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(otherDir, 0)) {
            String topic = "after-clash";
            createTopic(broker.bootstrapServers(), 1, topic);
            produceInTransaction(broker.bootstrapServers(), topic, List.of("ok"));
            assertThat(values(broker.bootstrapServers(), topic, 1)).containsExactly("ok");
        }
    }

    private static EmbeddedKafkaBroker timedStart(Path dir, int port) {
        long started = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, port);
        LOG.info("MEASURE broker start-to-ready {} ms", (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    private static void produceInTransaction(String bootstrapServers, String topic, List<String> values) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "tx-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            values.forEach(value -> producer.send(new ProducerRecord<>(topic, value, value)));
            producer.commitTransaction();
        }
    }

    private static void createTopic(String bootstrapServers, int partitions, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Every committed value of {@code topic} from the start, once at least {@code count} have arrived. */
    private static List<String> values(String bootstrapServers, String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (values.size() < count && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(record -> values.add(record.value()));
            }
        }
        assertThat(values).as("committed values on " + topic).hasSizeGreaterThanOrEqualTo(count);
        return values;
    }
}
