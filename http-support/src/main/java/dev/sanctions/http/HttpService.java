package dev.sanctions.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on a fixed pool of daemon handler threads, with a time limit for receiving a request.
 * Bound first and served later, so that its port is known before what it serves exists.
 */
public final class HttpService implements AutoCloseable {

    private static final int HANDLER_THREADS = 4;
    /** For the headers and body of one request: a client that trickles them in cannot hold a connection open. */
    private static final String REQUEST_TIMEOUT_SECONDS = "30";

    static {
        // The JDK server takes its timeouts only from system properties, which are JVM-wide and read once, when
        // the JVM's first server starts: these apply to every JDK server in the JVM (and not at all if another
        // started first), and a value set with -D wins. The idle keep-alive timeout (idleInterval) keeps the
        // JDK's 30 s. No response timeout (maxRspTime): it counts the handler's own work too (a processor asks
        // its peers, up to 10 s each), so it would cut slow answers rather than slow clients.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", REQUEST_TIMEOUT_SECONDS);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;

    private HttpService(HttpServer server, ExecutorService executor, String host) {
        this.server = server;
        this.executor = executor;
        this.host = host;
    }

    /**
     * Takes {@code host:port} ({@code port} 0 picks a free one) without serving yet.
     *
     * @param name what is served, for messages and thread names, e.g. {@code schema registry}
     * @throws IOException naming {@code host:port} and what to do when the address cannot be bound
     */
    public static HttpService bind(String name, String host, int port) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("Cannot start the " + name + " on " + host + ":" + port
                    + ": unknown host. Use an address of this machine, e.g. 127.0.0.1.");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new IOException(
                    "Cannot start the " + name + " on " + host + ":" + port + ": " + e.getMessage()
                            + ". Choose another port (0 picks a free one) or stop the process using it.",
                    e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(HANDLER_THREADS, handlerThreads(name));
        server.setExecutor(executor);
        return new HttpService(server, executor, host);
    }

    /** Starts answering, with one handler per context path; a handler receives every path under its context. */
    public void serve(Map<String, HttpHandler> routes) {
        routes.forEach(server::createContext);
        server.start();
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:43211}: the host as given, IPv6 in brackets. */
    public URI url() {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port());
    }

    /** Stops serving at once (open connections are closed) and gives the handler threads up to 5 s to end. */
    @Override
    public void close() {
        // Java 17's HttpServer.stop(n) always waits the full n seconds, even when idle.
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory handlerThreads(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-http-";
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
