package dev.sanctions.registry.server;

import dev.sanctions.http.BasicAccess;
import dev.sanctions.http.HttpService;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
        return start(host, port, store, null);
    }

    /**
     * As {@link #start(String, int, SchemaStore)}, asking every client for HTTP Basic credentials when {@code access}
     * is given: a reader may read and look schemas up (including registering a schema its subject already holds,
     * which is how serializers look one up); registering a new schema or changing a compatibility level needs a
     * writer.
     */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store, BasicAccess access)
            throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(store, "store");
        Registry registry = Registry.replaying(store);
        HttpService http = HttpService.bind("schema registry", host, port);
        if (access != null) {
            http.requireLogin(access, Set.of());
        }
        http.serve(
                Map.of("/", new RegistryHttpHandler(registry, access == null ? exchange -> true : access::mayWrite)));
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
