package dev.sanctions.launcher;

import dev.sanctions.cli.InitCommand;
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
import java.util.Map;
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

    private EmbeddedPipeline(EmbeddedStack stack, SanctionsProcessor processor) {
        this.stack = stack;
        this.processor = processor;
    }

    /** Starts everything and returns once the processor is RUNNING; ports 0 mean any free port. */
    static EmbeddedPipeline start(Path dataDir, int kafkaPort, int registryPort, int httpPort) {
        requireFree(httpPort, "--http-port");
        EmbeddedStack stack = EmbeddedStack.start(dataDir.resolve("cluster"), kafkaPort, registryPort);
        SanctionsProcessor processor = null;
        try {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()));
                    SchemaRegistryClient registry = RestSchemaRegistryClient.fromConfig(
                            Map.of("schema.registry.url", stack.schemaRegistryUrl()))) {
                new PipelineSetup(admin, registry, Topics.unprefixed(), PipelineSetup.BROKER_DEFAULT, (short)
                                PipelineSetup.BROKER_DEFAULT)
                        .run(InitCommand.DEFAULT_JURISDICTIONS);
            }
            processor = SanctionsProcessor.start(
                    ProcessorSettings.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
                            .stateDir(dataDir.resolve("streams"))
                            .http(HOST, httpPort)
                            .build());
            awaitRunning(processor);
            return new EmbeddedPipeline(stack, processor);
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
