package dev.sanctions.launcher;

import dev.sanctions.cli.InitCommand;
import dev.sanctions.cli.access.Grants;
import dev.sanctions.core.Topics;
import dev.sanctions.embedded.EmbeddedStack;
import dev.sanctions.processor.ProcessorSettings;
import dev.sanctions.processor.SanctionsProcessor;
import dev.sanctions.processor.setup.PipelineSetup;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The whole pipeline on this machine, what {@code dev} and {@code demo} run: an in-process Kafka broker and
 * schema registry, the topics and schemas of {@code init}, and the processor with its HTTP API.
 */
final class EmbeddedPipeline implements AutoCloseable {

    private static final Duration RUNNING_WAIT = Duration.ofSeconds(90);
    private static final String HOST = "127.0.0.1";

    private final EmbeddedStack stack;
    private final SanctionsProcessor processor;
    /** Null when the pipeline is open. */
    private final DevCredentials credentials;

    private EmbeddedPipeline(EmbeddedStack stack, SanctionsProcessor processor, DevCredentials credentials) {
        this.stack = stack;
        this.processor = processor;
        this.credentials = credentials;
    }

    /** Starts everything and returns once the processor is RUNNING; ports 0 mean any free port. */
    static EmbeddedPipeline start(Path dataDir, int kafkaPort, int registryPort, int httpPort) {
        return start(dataDir, kafkaPort, registryPort, httpPort, false, false);
    }

    /**
     * As {@link #start(Path, int, int, int)}; {@code secure} makes every client log in (docs/access-control.md): the
     * admin and the processor with the logins kept in {@code dataDir}, made on its first secured start; {@code tls}
     * (with {@code secure} only) puts TLS under the broker's SASL, with a CA of its own in {@code DIR/tls}.
     */
    static EmbeddedPipeline start(
            Path dataDir, int kafkaPort, int registryPort, int httpPort, boolean secure, boolean tls) {
        requireFree(httpPort, "--http-port");
        DevCredentials credentials = secure ? DevCredentials.loadOrCreate(dataDir, tls) : null;
        EmbeddedStack stack = EmbeddedStack.start(
                dataDir.resolve("cluster"),
                kafkaPort,
                registryPort,
                credentials == null ? null : credentials.brokerSecurity());
        SanctionsProcessor processor = null;
        try {
            Map<String, Object> adminConfig = new HashMap<>();
            Map<String, Object> registryConfig = new HashMap<>();
            Map<String, String> processorConfig = Map.of();
            if (credentials != null) {
                credentials.write(stack.bootstrapServers(), stack.schemaRegistryUrl());
                adminConfig.putAll(kafkaOnly(credentials.adminProperties()));
                registryConfig.putAll(credentials.adminProperties());
                processorConfig = credentials.processorProperties();
            }
            adminConfig.put("bootstrap.servers", stack.bootstrapServers());
            registryConfig.put("schema.registry.url", stack.schemaRegistryUrl());
            try (Admin admin = Admin.create(adminConfig);
                    SchemaRegistryClient registry = RestSchemaRegistryClient.fromConfig(registryConfig)) {
                if (credentials != null) {
                    admin.createAcls(new Grants(Topics.unprefixed())
                                    .processor(DevCredentials.PROCESSOR, ProcessorSettings.DEFAULT_APPLICATION_ID))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                }
                new PipelineSetup(admin, registry, Topics.unprefixed(), PipelineSetup.BROKER_DEFAULT, (short)
                                PipelineSetup.BROKER_DEFAULT)
                        .run(InitCommand.DEFAULT_JURISDICTIONS);
            }
            processor = SanctionsProcessor.start(
                    ProcessorSettings.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
                            .stateDir(dataDir.resolve("streams"))
                            .clientProperties(processorConfig)
                            .http(HOST, httpPort)
                            .build());
            awaitRunning(processor);
            return new EmbeddedPipeline(stack, processor, credentials);
        } catch (ExecutionException | TimeoutException e) {
            if (processor != null) {
                processor.close();
            }
            stack.close();
            throw new IllegalStateException("cannot grant the processor its access: " + e.getMessage(), e);
        } catch (RuntimeException | InterruptedException e) {
            if (processor != null) {
                processor.close();
            }
            stack.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            }
            throw (RuntimeException) e;
        }
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    String schemaRegistryUrl() {
        return stack.schemaRegistryUrl();
    }

    /** The admin's client properties file when the pipeline is secured. */
    Optional<Path> adminConfig() {
        return Optional.ofNullable(credentials).map(DevCredentials::adminFile);
    }

    /** The Kafka settings of client properties: the registry's and the HTTP API's are not the Kafka clients'. */
    private static Map<String, String> kafkaOnly(Map<String, String> properties) {
        Map<String, String> kafka = new HashMap<>(properties);
        kafka.keySet().removeIf(key -> key.startsWith("basic.auth."));
        return kafka;
    }

    String httpUrl() {
        return processor.httpUrl().toString();
    }

    SanctionsProcessor processor() {
        return processor;
    }

    @Override
    public void close() {
        try {
            processor.close();
        } finally {
            stack.close();
        }
    }

    private static void awaitRunning(SanctionsProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + RUNNING_WAIT.toNanos();
        while (processor.state() != KafkaStreams.State.RUNNING) {
            KafkaStreams.State state = processor.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException(
                        "the processor failed to start (state " + state + "); the log above says why");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processor did not reach RUNNING within " + RUNNING_WAIT.toSeconds()
                        + " s (state " + state + "); the machine may be overloaded: try again");
            }
            Thread.sleep(20);
        }
    }

    private static void requireFree(int port, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on " + HOST + " is already in use: stop what uses it or "
                    + "choose another with " + option);
        }
    }
}
