package dev.sanctions.producer;

import dev.sanctions.core.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where and how {@link AnnouncementPublisher} publishes.
 *
 * @param bootstrapServers  Kafka's {@code bootstrap.servers}
 * @param schemaRegistryUrl the schema registry's base URL
 * @param topic             the announcements topic, prefix included
 * @param clientProperties  extra Kafka and registry client properties (e.g. SASL, from {@code --command-config});
 *                          they may tune the producer but cannot turn off idempotence or transactions
 * @param transactionalId   the producer's {@code transactional.id}
 * @param timeout           how long to wait for the broker or registry before failing
 */
public record PublisherConfig(String bootstrapServers, String schemaRegistryUrl, String topic,
                              Map<String, String> clientProperties, String transactionalId, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public PublisherConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topic, "topic");
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(transactionalId, "transactionalId");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Defaults: no extra properties, a fresh transactional id, {@link #DEFAULT_TIMEOUT}. */
    public static PublisherConfig of(String bootstrapServers, String schemaRegistryUrl, String topicPrefix) {
        return new PublisherConfig(bootstrapServers, schemaRegistryUrl, Topics.withPrefix(topicPrefix).announcements(), Map.of(),
                "sanctions-publish-" + UUID.randomUUID(), DEFAULT_TIMEOUT);
    }

    public PublisherConfig withTopic(String name) {
        return new PublisherConfig(bootstrapServers, schemaRegistryUrl, name, clientProperties, transactionalId, timeout);
    }

    public PublisherConfig withClientProperties(Map<String, String> properties) {
        return new PublisherConfig(bootstrapServers, schemaRegistryUrl, topic, properties, transactionalId, timeout);
    }

    public PublisherConfig withTransactionalId(String id) {
        return new PublisherConfig(bootstrapServers, schemaRegistryUrl, topic, clientProperties, id, timeout);
    }

    public PublisherConfig withTimeout(Duration wait) {
        return new PublisherConfig(bootstrapServers, schemaRegistryUrl, topic, clientProperties, transactionalId, wait);
    }
}
