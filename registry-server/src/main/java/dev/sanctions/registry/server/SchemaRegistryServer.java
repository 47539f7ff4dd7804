package dev.sanctions.registry.server;

import dev.sanctions.http.HttpService;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * A schema registry speaking the Confluent REST API, on the JDK's HTTP server, over a {@link SchemaStore}.
 * The server owns the store once started: {@link #close()} closes both.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private final HttpService http;
    private final SchemaStore store;

    private SchemaRegistryServer(HttpService http, SchemaStore store) {
        this.http = http;
        this.store = store;
    }

    /**
     * Replays {@code store} and serves it on {@code host:port} ({@code port} 0 picks a free port).
     * If starting fails the store stays open and the caller's to close.
     *
     * @throws IOException naming {@code host:port} when the address cannot be bound
     */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(store, "store");
        Registry registry = Registry.replaying(store);
        HttpService http = HttpService.bind("schema registry", host, port);
        http.serve(Map.of("/", new RegistryHttpHandler(registry)));
        return new SchemaRegistryServer(http, store);
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:43211}. */
    public String url() {
        return http.url().toString();
    }

    public int port() {
        return http.port();
    }

    /** Stops serving at once and closes the store. */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            store.close();
        }
    }
}
