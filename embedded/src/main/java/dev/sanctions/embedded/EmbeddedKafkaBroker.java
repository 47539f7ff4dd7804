package dev.sanctions.embedded;

import dev.sanctions.kafka.security.ClientCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.BrokerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.security.authenticator.CredentialCache;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in this JVM: one KRaft node that is both broker and controller, listening on 127.0.0.1.
 * Its data lives in the directory given, so a broker started again on the same directory keeps topics, records,
 * committed offsets and transactions.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    /** Attempts when this class picks the ports itself and another process takes one before the broker binds it. */
    private static final int ATTEMPTS_ON_PORT_CLASH = 3;

    private final KafkaRaftServer server;
    private final DataDirLock lock;
    private final String bootstrapServers;
    /** The broker's log.dirs, under which {@link PlainOverScram} knows its credentials. */
    private final String logDirs;

    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, DataDirLock lock, int port, String logDirs) {
        this.server = server;
        this.lock = lock;
        this.logDirs = logDirs;
        this.bootstrapServers = Loopback.HOST + ":" + port;
    }

    /**
     * Starts a broker and returns once it accepts clients.
     *
     * @param dataDir the broker's log directory, created and formatted when it holds no cluster yet
     * @param port the client port on 127.0.0.1, or 0 for a free one
     * @throws PortInUseException when {@code port} is taken
     * @throws IllegalStateException when another embedded broker uses {@code dataDir}, or the broker fails to start
     *     for another reason (the JVM keeps running)
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, null);
    }

    /**
     * As {@link #start(Path, int)}, asking every client who it is when {@code security} is given.
     *
     * @param security null for an open broker; for a secured one, its users are written into a new directory's
     *     metadata when it is formatted, so a directory keeps the users it was first started with
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, BrokerSecurity security) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Kafka port must be 0 (any free port) or 1-65535, got " + port);
        }
        // The usual clash (an earlier broker still running) fails fast here, before the broker logs its own errors.
        if (port != 0 && !Loopback.isFree(port)) {
            throw new PortInUseException(Loopback.HOST, port, "--kafka-port", null);
        }
        createDirectories(dataDir);
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            StorageFormat.formatIfAbsent(dataDir, security);
            return startWithRetries(dataDir, port, lock, security);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedKafkaBroker startWithRetries(
            Path dataDir, int port, DataDirLock lock, BrokerSecurity security) {
        for (int attempt = 1; ; attempt++) {
            int[] free = Loopback.freePorts(2);
            int brokerPort = port == 0 ? free[0] : port;
            int controllerPort = free[1] == brokerPort ? free[0] : free[1];
            try {
                return new EmbeddedKafkaBroker(
                        startOnce(dataDir, brokerPort, controllerPort, security),
                        lock,
                        brokerPort,
                        dataDir.toAbsolutePath().toString());
            } catch (RuntimeException e) {
                if (port != 0 && !Loopback.isFree(port)) {
                    throw new PortInUseException(Loopback.HOST, port, "--kafka-port", e);
                }
                boolean clash = !Loopback.isFree(brokerPort) || !Loopback.isFree(controllerPort);
                if (!clash || attempt == ATTEMPTS_ON_PORT_CLASH) {
                    throw new IllegalStateException(
                            "the embedded Kafka broker in " + dataDir + " failed to start: " + rootMessage(e), e);
                }
                LOG.warn("Port clash while starting the embedded Kafka broker, retrying on other ports", e);
            }
        }
    }

    /** One attempt on the ports given, on a formatted directory; a failure leaves the JVM and the ports as they were. */
    static KafkaRaftServer startOnce(Path dataDir, int brokerPort, int controllerPort) {
        return startOnce(dataDir, brokerPort, controllerPort, null);
    }

    private static KafkaRaftServer startOnce(
            Path dataDir, int brokerPort, int controllerPort, BrokerSecurity security) {
        // The controller listener's password lives only as long as this process: nothing else ever uses it.
        String controllerPassword =
                ClientCredentials.generate(BrokerSecurity.ADMIN).password();
        KafkaConfig config = new KafkaConfig(
                BrokerSettings.of(dataDir, brokerPort, controllerPort, security, controllerPassword), false);
        long started = System.nanoTime();
        try (ExitGuard guard = ExitGuard.install()) {
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                shutDownHalfStarted(server);
                throw withFault(guard.fault(), e);
            }
            if (guard.fault() != null) {
                shutDownHalfStarted(server);
                throw guard.fault();
            }
            if (security != null) {
                // The key the handler finds in its configuration: log.dirs, this one directory.
                PlainOverScram.register(dataDir.toAbsolutePath().toString(), scramCredentials(server));
            }
            LOG.info(
                    "Embedded Kafka broker ready on {}:{} in {} ms (data in {})",
                    Loopback.HOST,
                    brokerPort,
                    (System.nanoTime() - started) / 1_000_000,
                    dataDir);
            return server;
        }
    }

    /**
     * The broker's SCRAM-SHA-512 credentials, for {@link PlainOverScram}. Kafka keeps them on its BrokerServer,
     * which KafkaRaftServer does not expose: read through reflection, pinned by SecuredStackIT's PLAIN login.
     */
    @SuppressWarnings("unchecked")
    private static CredentialCache.Cache<ScramCredential> scramCredentials(KafkaRaftServer server) {
        try {
            Field broker = KafkaRaftServer.class.getDeclaredField("broker");
            broker.setAccessible(true);
            BrokerServer brokerServer = ((scala.Option<BrokerServer>) broker.get(server)).get();
            return brokerServer
                    .credentialProvider()
                    .credentialCache
                    .cache(ClientCredentials.MECHANISM, ScramCredential.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach the broker's SCRAM credentials for PLAIN logins: " + e, e);
        }
    }

    /** "127.0.0.1:PORT", for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Shuts the broker down cleanly and waits for it, so the same directory can be opened again. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            PlainOverScram.unregister(logDirs);
            lock.close();
        }
    }

    private static void shutDownHalfStarted(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.debug("Shutting down a broker that failed to start", e);
        }
    }

    /** The failure, with the halt the broker asked for (when it did, on another thread) attached. */
    private static RuntimeException withFault(BrokerHaltedException fault, RuntimeException failure) {
        if (fault != null && fault != failure) {
            failure.addSuppressed(fault);
        }
        return failure;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dir, e);
        }
    }
}
