package dev.sanctions.processor;

import dev.sanctions.core.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the processor. Build it with {@link #builder(String, String)}, which starts from the defaults.
 *
 * @param clientProperties extra Kafka client and registry properties (SASL, TLS, registry
 *     credentials), e.g. from {@code --command-config}; given to every client the processor makes
 * @param stateDir where the state stores live; {@code null} means Kafka Streams' default
 * @param commitInterval how often a transaction commits: the floor of the end-to-end latency
 * @param replicationFactor of internal topics and of change topics created on first use; -1 means the broker default
 * @param changeTopicPartitions partitions of change topics created on first use; -1 means the broker default
 * @param httpHost address the HTTP API binds to
 * @param httpPort port of the HTTP API; 0 picks a free one
 * @param httpAdvertisedHost the host other instances use to reach this one's HTTP API (Kafka Streams'
 *     {@code application.server}, for answering queries about keys another instance owns); {@code null}
 *     means {@link #httpHost}, or this machine's name when that is a wildcard address
 * @param maxConsecutiveOutages how many failures in a row caused by an unreachable broker or registry the
 *     processor retries (replacing the failed stream thread) before it stops with state ERROR
 */
public record ProcessorSettings(
        String bootstrapServers,
        String schemaRegistryUrl,
        Topics topics,
        String applicationId,
        Path stateDir,
        Map<String, String> clientProperties,
        Duration commitInterval,
        short replicationFactor,
        int changeTopicPartitions,
        String httpHost,
        int httpPort,
        String httpAdvertisedHost,
        int maxConsecutiveOutages) {

    public static final String DEFAULT_APPLICATION_ID = "sanctions-processor";
    /** {@link #DEFAULT_COMMIT_INTERVAL} in milliseconds, a constant for a command line option's default. */
    public static final long DEFAULT_COMMIT_INTERVAL_MS = 50;

    /**
     * Short, because exactly-once output is visible only after a commit: a notification waits up to one interval
     * for it, plus the commit's own round trips. At 100 ms that alone put the p99 at about 120 ms on a quiet
     * machine; at 50 ms it measured 70-76 ms, with a throughput within the spread of the runs at 100 ms
     * (docs/decisions.md, "Latency of notifications").
     */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(DEFAULT_COMMIT_INTERVAL_MS);

    public static final int DEFAULT_HTTP_PORT = 8080;
    /**
     * Each retry waits for a rebalance that ends when the failed thread's session times out (45 s by
     * default), so about three minutes of outage before the processor gives up; see docs/decisions.md.
     */
    public static final int DEFAULT_MAX_CONSECUTIVE_OUTAGES = 5;

    public ProcessorSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(httpHost, "httpHost");
        if (maxConsecutiveOutages < 1) {
            throw new IllegalArgumentException(
                    "maxConsecutiveOutages must be at least 1, got " + maxConsecutiveOutages);
        }
        clientProperties = Map.copyOf(clientProperties);
    }

    /**
     * Unprefixed topics, application id {@value #DEFAULT_APPLICATION_ID}, the default commit interval, broker
     * defaults for new topics, HTTP on 127.0.0.1:{@value #DEFAULT_HTTP_PORT}: set what differs.
     */
    public static Builder builder(String bootstrapServers, String schemaRegistryUrl) {
        return new Builder(bootstrapServers, schemaRegistryUrl);
    }

    /** A builder holding these settings, to derive a variant. */
    public Builder toBuilder() {
        return builder(bootstrapServers, schemaRegistryUrl)
                .topics(topics)
                .applicationId(applicationId)
                .stateDir(stateDir)
                .clientProperties(clientProperties)
                .commitInterval(commitInterval)
                .replicationFactor(replicationFactor)
                .changeTopicPartitions(changeTopicPartitions)
                .http(httpHost, httpPort)
                .httpAdvertisedHost(httpAdvertisedHost)
                .maxConsecutiveOutages(maxConsecutiveOutages);
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {
        private final String bootstrapServers;
        private final String schemaRegistryUrl;
        private Topics topics = Topics.unprefixed();
        private String applicationId = DEFAULT_APPLICATION_ID;
        private Path stateDir;
        private Map<String, String> clientProperties = Map.of();
        private Duration commitInterval = DEFAULT_COMMIT_INTERVAL;
        private short replicationFactor = -1;
        private int changeTopicPartitions = -1;
        private String httpHost = "127.0.0.1";
        private int httpPort = DEFAULT_HTTP_PORT;
        private String httpAdvertisedHost;
        private int maxConsecutiveOutages = DEFAULT_MAX_CONSECUTIVE_OUTAGES;

        private Builder(String bootstrapServers, String schemaRegistryUrl) {
            this.bootstrapServers = bootstrapServers;
            this.schemaRegistryUrl = schemaRegistryUrl;
        }

        public Builder topics(Topics names) {
            topics = names;
            return this;
        }

        public Builder applicationId(String id) {
            applicationId = id;
            return this;
        }

        public Builder stateDir(Path dir) {
            stateDir = dir;
            return this;
        }

        public Builder clientProperties(Map<String, String> properties) {
            clientProperties = properties;
            return this;
        }

        public Builder commitInterval(Duration interval) {
            commitInterval = interval;
            return this;
        }

        public Builder replicationFactor(short factor) {
            replicationFactor = factor;
            return this;
        }

        public Builder changeTopicPartitions(int partitions) {
            changeTopicPartitions = partitions;
            return this;
        }

        public Builder http(String host, int port) {
            httpHost = host;
            httpPort = port;
            return this;
        }

        public Builder httpAdvertisedHost(String host) {
            httpAdvertisedHost = host;
            return this;
        }

        public Builder maxConsecutiveOutages(int failures) {
            maxConsecutiveOutages = failures;
            return this;
        }

        public ProcessorSettings build() {
            return new ProcessorSettings(
                    bootstrapServers,
                    schemaRegistryUrl,
                    topics,
                    applicationId,
                    stateDir,
                    clientProperties,
                    commitInterval,
                    replicationFactor,
                    changeTopicPartitions,
                    httpHost,
                    httpPort,
                    httpAdvertisedHost,
                    maxConsecutiveOutages);
        }
    }
}
