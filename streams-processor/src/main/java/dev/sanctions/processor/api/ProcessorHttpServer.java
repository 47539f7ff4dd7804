package dev.sanctions.processor.api;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The processor's HTTP API: a JDK server with one handler per context path. */
public final class ProcessorHttpServer implements AutoCloseable {

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private ProcessorHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static ProcessorHttpServer start(String host, int port, Map<String, HttpHandler> routes) {
        ProcessorHttpServer server = bind(host, port);
        server.serve(routes);
        return server;
    }

    /**
     * Takes the port without serving yet: the port must be known before Kafka Streams starts, which
     * advertises it to the other instances ({@code application.server}).
     */
    public static ProcessorHttpServer bind(String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve HTTP on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another port, or stop what is using this one", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "sanctions-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        return new ProcessorHttpServer(server, executor);
    }

    /** Starts answering, with one handler per context path. */
    public void serve(Map<String, HttpHandler> routes) {
        routes.forEach(server::createContext);
        server.start();
    }

    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
