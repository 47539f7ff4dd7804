package dev.sanctions.registry.server;

import dev.sanctions.kafka.EndNotReachedException;
import dev.sanctions.kafka.LogReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A {@link SchemaStore} in a compacted, single-partition Kafka topic ({@code _schemas}), in the record format of
 * Confluent's registry. Opening creates the topic if absent and reads it to the end, so ids survive a restart.
 * A write returns once the record has been read back from the topic. One writer per topic.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final StoreRecordCodec codec = new StoreRecordCodec();
    private final List<StoreRecord> replayed;

    private KafkaSchemaStore(
            String topic,
            Duration timeout,
            KafkaProducer<byte[], byte[]> producer,
            KafkaConsumer<byte[], byte[]> consumer) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        this.producer = producer;
        this.consumer = consumer;
        LogReader.assignFromStart(consumer, List.of(partition));
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        this.replayed = List.copyOf(readUntil(end));
    }

    /** Opens the store on {@code topic} with replication factor 1 when it has to create the topic. */
    public static KafkaSchemaStore open(Map<String, Object> kafkaClientProps, String topic, Duration timeout) {
        return open(kafkaClientProps, topic, timeout, (short) 1);
    }

    /**
     * Opens the store on {@code topic}, creating it (1 partition, {@code cleanup.policy=compact},
     * {@code replicationFactor}) when absent, and reads it to the end.
     *
     * @param kafkaClientProps {@code bootstrap.servers} and any security settings (SASL, TLS) for admin, producer and consumer
     * @throws SchemaStoreException when the topic cannot be created, read, or is not a compacted single-partition topic
     */
    public static KafkaSchemaStore open(
            Map<String, Object> kafkaClientProps, String topic, Duration timeout, short replicationFactor) {
        ensureTopic(kafkaClientProps, topic, timeout, replicationFactor);
        Map<String, Object> producerProps = new HashMap<>(kafkaClientProps);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerProps.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-store-producer");
        Map<String, Object> consumerProps = new HashMap<>(kafkaClientProps);
        consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerProps.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-store-consumer");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps);
        KafkaConsumer<byte[], byte[]> consumer = null;
        try {
            consumer = new KafkaConsumer<>(consumerProps);
            return new KafkaSchemaStore(topic, timeout, producer, consumer);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            if (consumer != null) {
                consumer.close(Duration.ZERO);
            }
            throw e instanceof SchemaStoreException
                    ? e
                    : new SchemaStoreException(
                            "Cannot read the schema topic '" + topic + "': " + e.getMessage()
                                    + ". Check bootstrap.servers and the client security settings.",
                            e);
        }
    }

    @Override
    public synchronized List<StoreRecord> replay() {
        return replayed;
    }

    @Override
    public synchronized void append(StoreRecord record) {
        StoreRecordCodec.Encoded encoded = codec.encode(record);
        RecordMetadata written;
        try {
            written = producer.send(new ProducerRecord<>(topic, 0, encoded.key(), encoded.value()))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaStoreException("Interrupted while writing to the schema topic '" + topic + "'", e);
        } catch (ExecutionException e) {
            throw new SchemaStoreException(
                    "Cannot write to the schema topic '" + topic + "': "
                            + e.getCause().getMessage() + ". Check that the Kafka cluster is up.",
                    e.getCause());
        } catch (TimeoutException e) {
            throw new SchemaStoreException(
                    "Timed out after " + timeout.toMillis() + " ms writing to the schema topic '" + topic
                            + "'. Check that the Kafka cluster is up.",
                    e);
        }
        List<StoreRecord> readBack = readUntil(written.offset() + 1);
        if (readBack.size() != 1 || !readBack.get(0).equals(record)) {
            throw new SchemaStoreException("Another process writes to the schema topic '" + topic + "' (read back "
                    + readBack + " after writing " + record + "). Run one registry per topic.");
        }
    }

    @Override
    public synchronized void close() {
        producer.close(timeout);
        consumer.close(timeout);
    }

    /** Reads on from the consumer's position until it reaches {@code end}; returns the registry records read. */
    private List<StoreRecord> readUntil(long end) {
        List<StoreRecord> records = new ArrayList<>();
        try {
            LogReader.readTo(
                    consumer,
                    Map.of(partition, end),
                    timeout,
                    consumed -> codec.decode(consumed.key(), consumed.value()).ifPresent(records::add));
        } catch (EndNotReachedException e) {
            throw new SchemaStoreException(
                    "Timed out after " + timeout.toMillis() + " ms reading the schema topic '" + topic
                            + "' up to offset " + end + ". Check that the Kafka cluster is up.",
                    e);
        }
        return records;
    }

    private static void ensureTopic(
            Map<String, Object> props, String topic, Duration timeout, short replicationFactor) {
        try (Admin admin = Admin.create(props)) {
            long ms = timeout.toMillis();
            try {
                TopicDescription description = admin.describeTopics(Set.of(topic))
                        .allTopicNames()
                        .get(ms, TimeUnit.MILLISECONDS)
                        .get(topic);
                checkExisting(admin, topic, description, ms);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(newTopic)).all().get(ms, TimeUnit.MILLISECONDS);
                } catch (ExecutionException created) {
                    if (!(created.getCause() instanceof TopicExistsException)) {
                        throw created;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new SchemaStoreException(
                    "Cannot prepare the schema topic '" + topic + "': "
                            + e.getCause().getMessage()
                            + ". Check bootstrap.servers, the client security settings and the ACLs.",
                    e.getCause());
        } catch (TimeoutException e) {
            throw new SchemaStoreException(
                    "Timed out after " + timeout.toMillis() + " ms preparing the schema topic '" + topic
                            + "'. Check bootstrap.servers and that the Kafka cluster is up.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaStoreException("Interrupted while preparing the schema topic '" + topic + "'", e);
        }
    }

    private static void checkExisting(Admin admin, String topic, TopicDescription description, long ms)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (description.partitions().size() != 1) {
            throw new SchemaStoreException("The schema topic '" + topic + "' has "
                    + description.partitions().size()
                    + " partitions; it must have exactly 1 so that the log has one order. Use another topic name.");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(Set.of(resource))
                .all()
                .get(ms, TimeUnit.MILLISECONDS)
                .get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG) == null
                ? ""
                : config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)
                || policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            throw new SchemaStoreException("The schema topic '" + topic + "' has cleanup.policy=" + policy
                    + "; it must be compact, or old schemas would be deleted. Set cleanup.policy=compact on it.");
        }
    }
}
