package dev.sanctions.registry.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry speaking the Confluent REST API, on the JDK's HTTP server, over a {@link SchemaStore}.
 * The server owns the store once started: {@link #close()} closes both.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final int HANDLER_THREADS = 4;

    private final HttpServer http;
    private final ExecutorService executor;
    private final SchemaStore store;
    private final String host;

    private SchemaRegistryServer(HttpServer http, ExecutorService executor, SchemaStore store, String host) {
        this.http = http;
        this.executor = executor;
        this.store = store;
        this.host = host;
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
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("Cannot start the schema registry on " + host + ":" + port
                    + ": unknown host. Use an address of this machine, e.g. 127.0.0.1.");
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new IOException("Cannot start the schema registry on " + host + ":" + port + ": " + e.getMessage()
                    + ". Choose another port (0 picks a free one) or stop the process using it.", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(HANDLER_THREADS, handlerThreads());
        http.setExecutor(executor);
        http.createContext("/", new RegistryHttpHandler(registry));
        http.start();
        return new SchemaRegistryServer(http, executor, store, host);
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:43211}. */
    public String url() {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Stops serving at once and closes the store. */
    @Override
    public void close() {
        // Java 17's HttpServer.stop(n) always waits the full n seconds, even when idle.
        http.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.close();
        }
    }

    private static ThreadFactory handlerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
