package dev.sanctions.testkit;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Announcements put on the log as a publisher puts them: keyed by authority with their {@code publishedAt} as record
 * time, a snapshot split into parts, written by an idempotent or a transactional producer.
 */
public final class TestAnnouncementLog {
    /** As large as the announcements topic and the test brokers take, for snapshot parts and large announcements. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private TestAnnouncementLog() {}

    /** The record of {@code announcement} on {@code topic}: keyed by its authority, timed by its publishedAt. */
    public static ProducerRecord<String, Announcement> record(String topic, Announcement announcement) {
        return new ProducerRecord<>(
                topic, null, announcement.getPublishedAt().toEpochMilli(), announcement.getAuthority(), announcement);
    }

    /** Sends each of {@code announcements} to {@code topic} in order and flushes. */
    public static void send(
            KafkaProducer<String, Announcement> producer, String topic, List<Announcement> announcements) {
        announcements.forEach(announcement -> producer.send(record(topic, announcement)));
        producer.flush();
    }

    /** Splits a snapshot into parts as the publisher does: consecutive entries, each part with its firstIndex. */
    public static List<Announcement> parts(Announcement whole, int entriesPerPart) {
        int total = whole.getActions().size();
        int parts = (total + entriesPerPart - 1) / entriesPerPart;
        List<Announcement> out = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            int from = part * entriesPerPart;
            out.add(Announcement.newBuilder(whole)
                    .setActions(
                            new ArrayList<>(whole.getActions().subList(from, Math.min(total, from + entriesPerPart))))
                    .setSnapshot(Snapshot.newBuilder(whole.getSnapshot())
                            .setPart(part)
                            .setParts(parts)
                            .setFirstIndex(from)
                            .build())
                    .build());
        }
        return out;
    }

    /** An idempotent producer of announcements (acks=all), as a publisher outside the processor writes them. */
    public static KafkaProducer<String, Announcement> producer(KafkaBackend kafka) {
        return producer(kafka, Map.of());
    }

    /**
     * A transactional producer of announcements with a unique transactional id of {@code prefix} and requests as large
     * as snapshot parts need; the caller calls {@code initTransactions()}.
     */
    public static KafkaProducer<String, Announcement> transactionalProducer(KafkaBackend kafka, String prefix) {
        return producer(
                kafka,
                Map.of(
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        UniqueNames.of(prefix),
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        MAX_REQUEST_BYTES));
    }

    /** An idempotent producer of announcements with {@code more} settings on top. */
    public static KafkaProducer<String, Announcement> producer(KafkaBackend kafka, Map<String, Object> more) {
        SpecificAvroSerializer<Announcement> values = new SpecificAvroSerializer<>();
        values.configure(Map.of("schema.registry.url", kafka.schemaRegistryUrl()), false);
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true));
        config.putAll(more);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }
}
