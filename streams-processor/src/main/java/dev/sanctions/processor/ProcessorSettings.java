package dev.sanctions.processor;

import dev.sanctions.core.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the processor. Start from {@link #defaults(String, String)} and change what differs.
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
        String httpAdvertisedHost) {

    public static final String DEFAULT_APPLICATION_ID = "sanctions-processor";
    /** Short, because exactly-once output is visible only after a commit; see docs/decisions.md. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
    public static final int DEFAULT_HTTP_PORT = 8080;

    public ProcessorSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(httpHost, "httpHost");
        clientProperties = Map.copyOf(clientProperties);
    }

    /** Unprefixed topics, application id {@value #DEFAULT_APPLICATION_ID}, HTTP on 127.0.0.1:{@value #DEFAULT_HTTP_PORT}. */
    public static ProcessorSettings defaults(String bootstrapServers, String schemaRegistryUrl) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, Topics.unprefixed(),
                DEFAULT_APPLICATION_ID, null, Map.of(), DEFAULT_COMMIT_INTERVAL, (short) -1, -1,
                "127.0.0.1", DEFAULT_HTTP_PORT, null);
    }

    public ProcessorSettings withTopics(Topics newTopics) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, newTopics, applicationId, stateDir,
                clientProperties, commitInterval, replicationFactor, changeTopicPartitions, httpHost, httpPort,
                httpAdvertisedHost);
    }

    public ProcessorSettings withApplicationId(String newApplicationId) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, topics, newApplicationId, stateDir,
                clientProperties, commitInterval, replicationFactor, changeTopicPartitions, httpHost, httpPort,
                httpAdvertisedHost);
    }

    public ProcessorSettings withStateDir(Path newStateDir) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, topics, applicationId, newStateDir,
                clientProperties, commitInterval, replicationFactor, changeTopicPartitions, httpHost, httpPort,
                httpAdvertisedHost);
    }

    public ProcessorSettings withClientProperties(Map<String, String> newClientProperties) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, topics, applicationId, stateDir,
                newClientProperties, commitInterval, replicationFactor, changeTopicPartitions, httpHost, httpPort,
                httpAdvertisedHost);
    }

    public ProcessorSettings withCommitInterval(Duration newCommitInterval) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, topics, applicationId, stateDir,
                clientProperties, newCommitInterval, replicationFactor, changeTopicPartitions, httpHost, httpPort,
                httpAdvertisedHost);
    }

    public ProcessorSettings withReplicationFactor(short newReplicationFactor) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, topics, applicationId, stateDir,
                clientProperties, commitInterval, newReplicationFactor, changeTopicPartitions, httpHost, httpPort,
                httpAdvertisedHost);
    }

    public ProcessorSettings withChangeTopicPartitions(int newChangeTopicPartitions) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, topics, applicationId, stateDir,
                clientProperties, commitInterval, replicationFactor, newChangeTopicPartitions, httpHost, httpPort,
                httpAdvertisedHost);
    }

    public ProcessorSettings withHttp(String newHttpHost, int newHttpPort) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, topics, applicationId, stateDir,
                clientProperties, commitInterval, replicationFactor, changeTopicPartitions, newHttpHost, newHttpPort,
                httpAdvertisedHost);
    }

    public ProcessorSettings withHttpAdvertisedHost(String newHttpAdvertisedHost) {
        return new ProcessorSettings(bootstrapServers, schemaRegistryUrl, topics, applicationId, stateDir,
                clientProperties, commitInterval, replicationFactor, changeTopicPartitions, httpHost, httpPort,
                newHttpAdvertisedHost);
    }
}
