package dev.sanctions.processor.topology;

import dev.sanctions.registry.server.InMemorySchemaStore;
import dev.sanctions.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded schema registry on a free loopback port, in memory: {@link #start()} for one test, or a registry per
 * test class as a JUnit extension on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestRegistry REGISTRY = new TestRegistry();
 * }</pre>
 */
final class TestRegistry implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private SchemaRegistryServer server;

    /** Started before the class's tests and closed after them. */
    TestRegistry() {}

    private TestRegistry(SchemaRegistryServer server) {
        this.server = server;
    }

    static TestRegistry start() {
        return new TestRegistry(newServer());
    }

    private static SchemaRegistryServer newServer() {
        try {
            return SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = newServer();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
