package dev.sanctions.processor.topology;

import dev.sanctions.registry.server.InMemorySchemaStore;
import dev.sanctions.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The embedded schema registry on a free loopback port, in memory. */
final class TestRegistry implements AutoCloseable {

    private final SchemaRegistryServer server;

    private TestRegistry(SchemaRegistryServer server) {
        this.server = server;
    }

    static TestRegistry start() {
        try {
            return new TestRegistry(SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
