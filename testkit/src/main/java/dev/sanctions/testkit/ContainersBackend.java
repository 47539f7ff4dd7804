package dev.sanctions.testkit;

import dev.sanctions.embedded.BrokerSettings;
import dev.sanctions.registry.client.KafkaVersion;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka ({@code apache/kafka}, KRaft) and Confluent's schema registry in Docker on one network: the same tests against
 * the real products. Only loaded when asked for, so Testcontainers stays optional on every other classpath.
 */
final class ContainersBackend implements KafkaBackend {
    /** Override the images with these system properties, e.g. to try another Kafka release. */
    static final String KAFKA_IMAGE_PROPERTY = "sanctions.it.kafka.image";

    static final String REGISTRY_IMAGE_PROPERTY = "sanctions.it.registry.image";
    private static final String KAFKA_ALIAS = "kafka";
    private static final int KAFKA_INTERNAL_PORT = 19092;
    private static final int REGISTRY_PORT = 8081;

    private final Network network;
    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;

    private ContainersBackend(Network network, KafkaContainer kafka, GenericContainer<?> registry) {
        this.network = network;
        this.kafka = kafka;
        this.registry = registry;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainersBackend start() {
        Network network = Network.newNetwork();
        // The broker the clients talk to has the same version as the clients on this classpath.
        KafkaContainer kafka = new KafkaContainer(
                        System.getProperty(KAFKA_IMAGE_PROPERTY, "apache/kafka:" + KafkaVersion.ofClients()))
                .withNetwork(network)
                .withNetworkAliases(KAFKA_ALIAS)
                .withListener(KAFKA_ALIAS + ":" + KAFKA_INTERNAL_PORT)
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(BrokerSettings.MAX_MESSAGE_BYTES))
                .withEnv("KAFKA_REPLICA_FETCH_MAX_BYTES", String.valueOf(BrokerSettings.MAX_MESSAGE_BYTES))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        GenericContainer<?> registry = new GenericContainer<>(
                        System.getProperty(REGISTRY_IMAGE_PROPERTY, "confluentinc/cp-schema-registry:7.9.0"))
                .withNetwork(network)
                .withExposedPorts(REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
                .withEnv(
                        "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS",
                        "PLAINTEXT://" + KAFKA_ALIAS + ":" + KAFKA_INTERNAL_PORT)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
        try {
            kafka.start();
            registry.start();
            return new ContainersBackend(network, kafka, registry);
        } catch (RuntimeException e) {
            registry.stop();
            kafka.stop();
            network.close();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
    }

    @Override
    public void close() {
        try {
            registry.stop();
            kafka.stop();
        } finally {
            network.close();
        }
    }

    @Override
    public String toString() {
        return "containers (" + bootstrapServers() + ", " + schemaRegistryUrl() + ")";
    }
}
