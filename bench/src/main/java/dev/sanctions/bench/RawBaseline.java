package dev.sanctions.bench;

import dev.sanctions.kafka.LogReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What Kafka alone does on this machine: its own producer (acks=all, idempotent, otherwise defaults) writing the
 * very bytes of the serialized announcements, and a plain consumer reading them back. Each run writes a topic of
 * its own with one partition, like the announcements topic.
 *
 * <p>Beside it, a tuned producer run as Kafka's own {@code ProducerPerformance} runs one for throughput: records
 * without a key, raw byte arrays, and batching settings chosen for throughput ({@link #TUNED}), on a topic of its
 * own. It is the fairer ceiling for the pipeline's throughput; the default one stays the figure the targets use.
 */
final class RawBaseline {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * The tuned producer's settings beyond acks=all and idempotence: bigger batches, filled for up to 10 ms, as
     * throughput runs of {@code kafka-producer-perf-test} pass them in {@code --producer-props}; no compression, as
     * the pipeline writes none.
     */
    static final Map<String, Object> TUNED =
            Map.of(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.LINGER_MS_CONFIG, 10);

    /** One run's rates. */
    record Run(double produceRecordsPerSecond, double tunedProduceRecordsPerSecond, double consumeRecordsPerSecond) {}

    private final String bootstrapServers;
    private final Admin admin;

    RawBaseline(String bootstrapServers, Admin admin) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    /**
     * Writes {@code records} records to a new topic {@code topic}, then reads them back; then writes them again,
     * keyless, with the tuned producer to a topic of its own.
     */
    Run run(String topic, List<byte[]> values, List<String> keys, int records) {
        createTopic(topic);
        long produceNanos = produce(topic, values, keys, records, Map.of());
        long consumeNanos = consume(bootstrapServers, topic, records);
        String tunedTopic = topic + ".tuned";
        createTopic(tunedTopic);
        long tunedNanos = produce(tunedTopic, values, null, records, TUNED);
        return new Run(
                Statistics.perSecond(records, produceNanos),
                Statistics.perSecond(records, tunedNanos),
                Statistics.perSecond(records, consumeNanos));
    }

    /** Keyed by {@code keys}, or keyless when it is null; {@code tuning} on top of acks=all and idempotence. */
    private long produce(
            String topic, List<byte[]> values, List<String> keys, int records, Map<String, Object> tuning) {
        Map<String, Object> config = new HashMap<>(tuning);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(
                ProducerConfig.CLIENT_ID_CONFIG, tuning.isEmpty() ? "bench-raw-producer" : "bench-raw-producer-tuned");
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            // Metadata first, so the timed loop measures writing, not the first connection.
            producer.partitionsFor(topic);
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                int at = i % values.size();
                producer.send(
                        new ProducerRecord<>(topic, keys == null ? null : keys.get(at), values.get(at)),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
            long elapsed = System.nanoTime() - started;
            if (failure.get() != null) {
                throw new KafkaException(
                        "the raw producer failed: " + failure.get().getMessage(), failure.get());
            }
            return elapsed;
        }
    }

    /**
     * Nanoseconds a plain consumer takes to read {@code records} records of {@code topic}'s one partition from its
     * start, counting their bytes; here after writing them, and in a JVM of its own beside the reads ({@link
     * ReadsMain}).
     */
    static long consume(String bootstrapServers, String topic, int records) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-raw-consumer");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            LogReader.assignFromStart(consumer, List.of(new TopicPartition(topic, 0)));
            long[] read = new long[1];
            long[] bytes = new long[1];
            long started = System.nanoTime();
            LogReader.readToEnd(consumer, WAIT, record -> {
                read[0]++;
                bytes[0] += record.value().length;
            });
            long elapsed = System.nanoTime() - started;
            if (read[0] != records) {
                throw new KafkaException(
                        "the raw consumer read " + read[0] + " of " + records + " records of " + topic);
            }
            if (bytes[0] == 0) {
                throw new IllegalStateException("the raw consumer read only empty records");
            }
            return elapsed;
        }
    }

    private void createTopic(String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new KafkaException(
                    "cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating topic " + topic, e);
        }
    }
}
