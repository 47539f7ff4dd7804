package dev.sanctions.embedded;

import dev.sanctions.http.BasicAccess;
import dev.sanctions.kafka.security.BrokerLogins;
import dev.sanctions.registry.server.KafkaSchemaStore;
import dev.sanctions.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Kafka broker and schema registry, the registry keeping its schemas in the broker's compacted
 * {@code _schemas} topic: what {@code sanctions dev} and {@code sanctions demo} run. Everything lives under one data
 * directory, so a stack started again on it has the same topics, records and schema ids.
 */
public final class EmbeddedStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);
    static final String SCHEMAS_TOPIC = "_schemas";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedKafkaBroker broker;
    /** Owns the schema store: closing the server closes it. */
    private final SchemaRegistryServer registry;

    private boolean closed;

    private EmbeddedStack(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /**
     * Starts the broker, then the registry on it, and returns when both serve.
     *
     * @param dataDir holds the broker's log directory ({@code kafka/}); created when absent
     * @param kafkaPort the broker's port on 127.0.0.1, 0 for a free one
     * @param registryPort the registry's HTTP port on 127.0.0.1, 0 for a free one
     * @throws PortInUseException when a given port is taken (nothing is left running)
     */
    public static EmbeddedStack start(Path dataDir, int kafkaPort, int registryPort) {
        return start(dataDir, kafkaPort, registryPort, null);
    }

    /**
     * As {@link #start(Path, int, int)}; with {@code security}, the broker asks every client who it is and what it may
     * do, and the registry asks for HTTP Basic credentials, checked against the broker's (docs/access-control.md).
     * A directory stays as it was first started: secured or open.
     *
     * @param security null for an open stack
     * @throws IllegalStateException when the directory was first started the other way
     */
    public static EmbeddedStack start(Path dataDir, int kafkaPort, int registryPort, BrokerSecurity security) {
        if (registryPort < 0 || registryPort > 65535) {
            throw new IllegalArgumentException(
                    "registry port must be 0 (any free port) or 1-65535, got " + registryPort);
        }
        // Checked first so a taken registry port does not cost a broker start.
        if (registryPort != 0 && !Loopback.isFree(registryPort)) {
            throw new PortInUseException(Loopback.HOST, registryPort, "--registry-port", null);
        }
        SecuredMarker.check(dataDir, security != null);
        long started = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, security);
        try {
            SecuredMarker.record(dataDir, security != null);
            Map<String, Object> storeClient = new HashMap<>();
            if (security != null) {
                security.adminProperties().forEach((key, value) -> {
                    if (!key.startsWith("basic.auth.")) {
                        storeClient.put(key, value);
                    }
                });
            }
            storeClient.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            BasicAccess access = security == null
                    ? null
                    : new BasicAccess(
                            "sanctions schema registry",
                            BrokerLogins.forCluster(broker.bootstrapServers(), security.adminProperties())
                                    .orElseThrow(),
                            security.registryWriters());
            SchemaRegistryServer registry = startRegistry(
                    registryPort, KafkaSchemaStore.open(storeClient, SCHEMAS_TOPIC, STORE_TIMEOUT), access);
            LOG.info(
                    "Embedded stack ready in {} ms: bootstrap={} registry={}",
                    (System.nanoTime() - started) / 1_000_000,
                    broker.bootstrapServers(),
                    registry.url());
            return new EmbeddedStack(broker, registry);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    private static SchemaRegistryServer startRegistry(int port, KafkaSchemaStore store, BasicAccess access) {
        try {
            return SchemaRegistryServer.start(Loopback.HOST, port, store, access);
        } catch (IOException e) {
            closeQuietly(store);
            // Taken between the check in start() and here.
            if (port != 0 && !Loopback.isFree(port)) {
                throw new PortInUseException(Loopback.HOST, port, "--registry-port", e);
            }
            throw new UncheckedIOException("the embedded schema registry failed to start: " + e.getMessage(), e);
        }
    }

    /** "127.0.0.1:PORT", for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** "http://127.0.0.1:PORT", for {@code schema.registry.url}. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** Stops the registry, then the broker, and waits for both. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }

    private static void closeQuietly(KafkaSchemaStore store) {
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the schema store failed", e);
        }
    }
}
