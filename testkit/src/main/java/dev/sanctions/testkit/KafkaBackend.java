package dev.sanctions.testkit;

/**
 * A Kafka cluster with a schema registry for integration tests: the in-process stack, or Docker containers.
 * Tests share one per JVM and keep apart by unique topic names and application ids ({@link UniqueNames}).
 */
public interface KafkaBackend extends AutoCloseable {
    /** For {@code bootstrap.servers}. */
    String bootstrapServers();

    /** For {@code schema.registry.url}. */
    String schemaRegistryUrl();

    @Override
    void close();
}
