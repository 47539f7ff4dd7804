package dev.sanctions.producer;

import dev.sanctions.core.AnnouncementSize;
import dev.sanctions.core.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how {@link AnnouncementPublisher} publishes. Build it with {@link #builder(String, String)}.
 *
 * @param bootstrapServers  Kafka's {@code bootstrap.servers}
 * @param schemaRegistryUrl the schema registry's base URL
 * @param topic             the announcements topic, prefix included
 * @param clientProperties  extra Kafka and registry client properties (e.g. SASL, from {@code --command-config});
 *                          they may tune the producer but cannot turn off idempotence or transactions
 * @param transactionalId   the producer's {@code transactional.id}: {@code sanctions-publish.<publisher id>}, stable
 *                          so that a publish fences a killed one with the same id and aborts its open transaction
 * @param timeout           how long to wait for the broker or registry before failing
 * @param snapshotPartBytes the largest record one part of a snapshot may be (docs/announcement-format.md#snapshots)
 */
public record PublisherConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String topic,
        Map<String, String> clientProperties,
        String transactionalId,
        Duration timeout,
        int snapshotPartBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    /**
     * A snapshot part is at most as large as any announcement publish accepts ({@link AnnouncementSize#LIMIT_BYTES}),
     * half the topic's {@code max.message.bytes}, so a dead letter of it still fits.
     */
    public static final int DEFAULT_SNAPSHOT_PART_BYTES = AnnouncementSize.LIMIT_BYTES;

    /** The smallest part limit: room for a snapshot's header and a few entries. */
    static final int MIN_SNAPSHOT_PART_BYTES = 4 * 1024;

    public PublisherConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topic, "topic");
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(transactionalId, "transactionalId");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (snapshotPartBytes < MIN_SNAPSHOT_PART_BYTES || snapshotPartBytes > AnnouncementSize.LIMIT_BYTES) {
            throw new IllegalArgumentException("snapshotPartBytes must be from " + MIN_SNAPSHOT_PART_BYTES + " to "
                    + AnnouncementSize.LIMIT_BYTES + ": " + snapshotPartBytes);
        }
    }

    /**
     * The unprefixed announcements topic, no extra properties, the publisher id {@code user@host},
     * {@link #DEFAULT_TIMEOUT}: set what differs.
     */
    public static Builder builder(String bootstrapServers, String schemaRegistryUrl) {
        return new Builder(bootstrapServers, schemaRegistryUrl);
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {
        private final String bootstrapServers;
        private final String schemaRegistryUrl;
        private String topic = Topics.unprefixed().announcements();
        private Map<String, String> clientProperties = Map.of();
        private String transactionalId = PublisherIds.transactionalId(PublisherIds.defaultName());
        private Duration timeout = DEFAULT_TIMEOUT;
        private int snapshotPartBytes = DEFAULT_SNAPSHOT_PART_BYTES;

        private Builder(String bootstrapServers, String schemaRegistryUrl) {
            this.bootstrapServers = bootstrapServers;
            this.schemaRegistryUrl = schemaRegistryUrl;
        }

        /** The announcements topic's full name, prefix included. */
        public Builder topic(String name) {
            topic = name;
            return this;
        }

        public Builder clientProperties(Map<String, String> properties) {
            clientProperties = properties;
            return this;
        }

        /**
         * Names this publisher (1-100 characters of [A-Za-z0-9._@-]): its transactional id becomes
         * {@code sanctions-publish.<name>}. Publishers that run at the same time need different names, or each
         * fences the other.
         *
         * @throws IllegalArgumentException for a name of other characters or length
         */
        public Builder publisherId(String name) {
            transactionalId = PublisherIds.transactionalId(name);
            return this;
        }

        /** The producer's {@code transactional.id} as is, for tools and tests outside the publisher naming. */
        public Builder transactionalId(String id) {
            transactionalId = id;
            return this;
        }

        public Builder timeout(Duration wait) {
            timeout = wait;
            return this;
        }

        /** The largest record one part of a snapshot may be; smaller parts for tests of the splitting. */
        public Builder snapshotPartBytes(int bytes) {
            snapshotPartBytes = bytes;
            return this;
        }

        public PublisherConfig build() {
            return new PublisherConfig(
                    bootstrapServers,
                    schemaRegistryUrl,
                    topic,
                    clientProperties,
                    transactionalId,
                    timeout,
                    snapshotPartBytes);
        }
    }
}
